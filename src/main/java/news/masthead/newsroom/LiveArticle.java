package news.masthead.newsroom;

import java.time.Instant;
import java.util.List;

/** The published version of an article: what readers, feeds and search get. */
public record LiveArticle(long id, int revision, String path, String headline, String seoHeadline, String standfirst,
                          String bodyHtml, Long leadPhotoId, Section section, List<Author> authors, List<Tag> tags,
                          String canonicalUrl, String sourceName, String sourceUrl, Instant published,
                          Instant updated, List<Correction> corrections) {

    /** The headline for search engines and social cards. */
    public String socialHeadline() {
        return seoHeadline == null || seoHeadline.isBlank() ? headline : seoHeadline;
    }

    /** Whether the article was first published elsewhere and is republished here. */
    public boolean republished() {
        return sourceName != null && !sourceName.isBlank();
    }
}
