package news.masthead.partners;

import java.time.Instant;

/**
 * Which newsroom article one of a partner's items became, and how: by the API or the feed; removed (and
 * why) when the partner took it down. {@code articleId} is null only while a store is under way or was
 * interrupted ({@code storingSince}).
 */
public record PartnerArticle(long partnerId, String guid, Long articleId, String url, String byline, String cameBy,
                             Instant storingSince, Instant removedAt, String removedReason, Instant lastSeenAt,
                             Instant checkedAt) {
}
