package news.masthead.syndication.feedin;

import java.time.Instant;

/**
 * What became of one feed item: {@code imported} (a new article), {@code updated} (a new revision),
 * {@code duplicate} (the same story as {@code duplicateOfArticleId} from another source; not stored again),
 * {@code kept} (changed at the source but edited here since, so not overwritten), {@code failed} (see
 * {@code error}), or {@code storing} (the newsroom was asked to store it and the answer was not recorded).
 */
public record FeedItem(long id, long sourceId, String guid, String url, String headline, String contentHash,
                       Long articleId, Integer revision, Long duplicateOfArticleId, String status, Instant storeStartedAt,
                       String error, Instant firstSeenAt, Instant lastSeenAt) {
}
