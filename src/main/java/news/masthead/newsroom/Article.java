package news.masthead.newsroom;

import java.time.Instant;

/**
 * An article as the newsroom sees it: its status, its latest revision, and which revision (if any)
 * readers see.
 */
public record Article(long id, ArticleStatus status, Revision current, Integer publishedRevisionNumber,
                      String path, Instant publishAt, Instant firstPublishedAt, Instant updatedVisibleAt,
                      EditLock lock) {
}
