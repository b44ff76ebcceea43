package news.masthead.newsroom;

import java.time.Instant;

/**
 * One row of the newsroom's article list (the back office's, not readers'): any status, the latest
 * revision's headline and section, and who holds the edit lock now (null when nobody does).
 */
public record ArticleListing(long id, ArticleStatus status, String headline, String sectionName, int revision,
                             Instant updatedAt, Instant publishAt, EditLock lock) {
}
