package news.masthead.syndication.feedin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One poll of one source: take the source's lease, conditional GET, read the feed, import each item (at
 * most {@link #MAX_ITEMS} per poll, newest first as feeds list them), then record the source's health and
 * when it is next due. A failed poll backs off exponentially from {@link #FIRST_RETRY} up to
 * {@link #MAX_BACKOFF}, or longer when the server asked for it with {@code Retry-After}.
 */
final class Poller {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    static final Duration EVERY = Duration.ofMinutes(15);
    static final Duration FIRST_RETRY = Duration.ofMinutes(2);
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);
    static final Duration LEASE = Duration.ofMinutes(10);
    static final int MAX_ITEMS = 50;

    private final Sources sources;
    private final SafeFetcher fetcher;
    private final FeedReader reader = new FeedReader();
    private final ItemImporter importer;
    private final Clock clock;

    Poller(Sources sources, SafeFetcher fetcher, ItemImporter importer, Clock clock) {
        this.sources = sources;
        this.fetcher = fetcher;
        this.importer = importer;
        this.clock = clock;
    }

    PollReport poll(long sourceId) {
        Instant started = clock.instant();
        FeedSource source = sources.claim(sourceId, started, LEASE).orElse(null);
        if (source == null) {
            return sources.find(sourceId).isEmpty() ? PollReport.missing(sourceId) : PollReport.busy(sourceId);
        }
        Map<ItemOutcome, Integer> counts = new EnumMap<>(ItemOutcome.class);
        try {
            SafeFetcher.Fetched fetched = fetcher.get(source.url(), source.internal(), source.etag(), source.lastModified(),
                    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, */*;q=0.1",
                    fetcher.limits().maxFeedBytes());
            if (fetched.notModified()) {
                sources.succeeded(source.id(), source.etag(), source.lastModified(), clock.instant(), clock.instant().plus(EVERY));
                return new PollReport(source.id(), true, "Not modified since the last poll.", counts, null);
            }
            FeedReader.Parsed feed = reader.read(TextDecoding.feed(fetched.body(), fetched.contentType()), fetched.contentType());
            List<FeedEntry> entries = feed.entries().size() > MAX_ITEMS ? feed.entries().subList(0, MAX_ITEMS) : feed.entries();
            for (FeedEntry entry : entries) {
                counts.merge(importer.importItem(source, entry), 1, Integer::sum);
            }
            sources.succeeded(source.id(), fetched.etag(), fetched.lastModified(), clock.instant(), clock.instant().plus(EVERY));
            return new PollReport(source.id(), true, entries.size() + " item(s) read" + (feed.entries().size() > entries.size()
                    ? " (the first " + MAX_ITEMS + " of " + feed.entries().size() + ")" : "") + ".", counts, null);
        } catch (ImportFailure e) {
            Instant next = clock.instant().plus(backoff(source.consecutiveFailures() + 1, e.retryAfter()));
            sources.failed(source.id(), e.getMessage(), clock.instant(), next);
            return new PollReport(source.id(), false, e.getMessage(), counts, next);
        } catch (RuntimeException e) {
            log.warn("Polling feed {} failed", source.id(), e);
            Instant next = clock.instant().plus(backoff(source.consecutiveFailures() + 1, null));
            String message = "Unexpected error: " + e;
            sources.failed(source.id(), message, clock.instant(), next);
            return new PollReport(source.id(), false, message, counts, next);
        }
    }

    /** How long to wait after the {@code failures}-th failure in a row: doubling from two minutes, at most six hours. */
    static Duration backoff(int failures, Duration retryAfter) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        return wait;
    }
}
