package news.masthead.newsroom;

import java.time.Instant;
import java.util.List;

/** A published article as lists, feeds and sitemaps show it. */
public record ArticleSummary(long id, String path, String headline, String standfirst, Long leadPhotoId,
                             Section section, List<Author> authors, Instant published, Instant updated) {
}
