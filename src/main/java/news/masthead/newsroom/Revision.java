package news.masthead.newsroom;

import java.time.Instant;
import java.util.List;

/** One immutable save of an article: everything an editor wrote, numbered from 1. */
public record Revision(long id, long articleId, int number, String headline, String seoHeadline, String standfirst,
                       String bodyMarkdown, String bodyHtml, Long leadPhotoId, long sectionId, String slug,
                       List<Long> authorIds, List<Long> tagIds, String canonicalUrl, String sourceName,
                       String sourceUrl, Long createdBy, String createdByName, Instant createdAt) {
}
