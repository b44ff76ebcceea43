package news.masthead.partners;

import news.masthead.platform.web.WebError;
import news.masthead.syndication.feedin.FeedEntry;
import news.masthead.syndication.feedin.FeedImport;
import news.masthead.syndication.feedin.FeedWindow;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One poll of one partner's feed: take the lease, read the feed through {@link FeedImport#read} (its safe
 * fetcher and hardened reader), store each item through {@link PartnerDesk}, check a few articles that left
 * the window, record the health. A feed that cannot be read changes nothing but the health (and backs off).
 *
 * <p>Removal: a feed is a window of recent items, so an item missing from it is <em>not</em> taken down.
 * An article that left the window is checked at its original address at most once a day ({@link #CHECKS}
 * per poll); only a 404 or 410 takes it down. RSS has no removal mark and Rome does not surface Atom
 * tombstones (RFC 6721), so a partner that needs a faster takedown uses the API's remove call.
 */
final class FeedPoll {
    private static final Logger log = LoggerFactory.getLogger(FeedPoll.class);
    static final Duration EVERY = Duration.ofMinutes(15);
    static final Duration FIRST_RETRY = Duration.ofMinutes(2);
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration RECHECK = Duration.ofDays(1);
    static final int MAX_ITEMS = 50;
    static final int CHECKS = 5;

    /** How items fared in one poll. */
    enum Tally { CREATED, UPDATED, UNCHANGED, FAILED, REMOVED }

    private final Jdbi jdbi;
    private final FeedImport feeds;
    private final PartnerDesk desk;
    private final Clock clock;

    FeedPoll(Jdbi jdbi, FeedImport feeds, PartnerDesk desk, Clock clock) {
        this.jdbi = jdbi;
        this.feeds = feeds;
        this.desk = desk;
        this.clock = clock;
    }

    /** Polls the partner's feed; returns the words the admin's health column shows. */
    String poll(long partnerId) {
        Instant started = clock.instant();
        PartnerRows.Conditional conditional = jdbi.withHandle(h -> PartnerRows.claim(h, partnerId, started, LEASE)).orElse(null);
        if (conditional == null) {
            return "Not polled: the partner has no feed, or a poll is under way.";
        }
        Partner partner = jdbi.withHandle(h -> PartnerRows.find(h, partnerId)).orElseThrow();
        try {
            FeedWindow window = feeds.read(partner.feedUrl(), partner.feedInternal(), conditional.etag(), conditional.lastModified());
            if (!window.ok()) {
                return failed(partnerId, window.failure());
            }
            if (window.notModified()) {
                String report = "Not modified since the last poll.";
                jdbi.useHandle(h -> PartnerRows.succeeded(h, partnerId, conditional.etag(), conditional.lastModified(), report,
                        clock.instant(), clock.instant().plus(EVERY)));
                return report;
            }
            Map<Tally, Integer> tally = new EnumMap<>(Tally.class);
            List<String> errors = new ArrayList<>();
            List<FeedEntry> entries = window.entries().size() > MAX_ITEMS ? window.entries().subList(0, MAX_ITEMS) : window.entries();
            List<String> guids = new ArrayList<>();
            for (FeedEntry entry : entries) {
                String guid = entry.guid().isEmpty() ? entry.link() : entry.guid();
                guids.add(guid);
                try {
                    PartnerStory story = story(entry, guid);
                    tally.merge(Tally.valueOf(desk.store(partner, story, "feed").name()), 1, Integer::sum);
                } catch (WebError e) {
                    tally.merge(Tally.FAILED, 1, Integer::sum);
                    errors.add("“" + abbreviate(entry.title().isEmpty() ? guid : entry.title()) + "”: " + e.getMessage());
                }
            }
            tally.merge(Tally.REMOVED, checkGone(partner, guids), Integer::sum);
            String report = report(entries.size(), window.entries().size(), tally, errors);
            jdbi.useHandle(h -> PartnerRows.succeeded(h, partnerId, window.etag(), window.lastModified(), report,
                    clock.instant(), clock.instant().plus(EVERY)));
            return report;
        } catch (RuntimeException e) {
            log.warn("Polling partner {} failed", partnerId, e);
            return failed(partnerId, "Unexpected error: " + e);
        }
    }

    private String failed(long partnerId, String message) {
        jdbi.useHandle(h -> PartnerRows.failed(h, partnerId, message, clock.instant(), FIRST_RETRY, MAX_BACKOFF));
        return "Failed: " + message;
    }

    /** Checks a few articles that left the window; a 404 or 410 at the original takes ours down. */
    private int checkGone(Partner partner, List<String> inWindow) {
        Instant now = clock.instant();
        int removed = 0;
        for (PartnerArticle a : jdbi.withHandle(h -> PartnerArticleRows.toCheck(h, partner.id(), inWindow, now.minus(RECHECK), CHECKS))) {
            OptionalInt status = feeds.statusOf(a.url(), partner.feedInternal());
            if (status.isPresent() && (status.getAsInt() == 404 || status.getAsInt() == 410)) {
                if (desk.remove(partner, a.guid(), "the original answered " + status.getAsInt())) {
                    removed++;
                }
            } else {
                jdbi.useHandle(h -> PartnerArticleRows.checked(h, partner.id(), a.guid(), now));
            }
        }
        return removed;
    }

    static PartnerStory story(FeedEntry e, String guid) {
        String html = e.contentHtml().isBlank() ? e.summaryHtml() : e.contentHtml();
        String standfirst = e.contentHtml().isBlank() ? "" : FeedText.plain(e.summaryHtml());
        if (standfirst.length() > 1000) {
            standfirst = standfirst.substring(0, 997) + "…";
        }
        return new PartnerStory(guid, e.link(), e.title(), standfirst, FeedText.markdown(html), String.join(", ", e.authors()), e.updated());
    }

    private static String report(int read, int inFeed, Map<Tally, Integer> tally, List<String> errors) {
        StringBuilder s = new StringBuilder().append(read).append(" item(s) read");
        if (inFeed > read) {
            s.append(" (the first ").append(read).append(" of ").append(inFeed).append(")");
        }
        s.append(':');
        for (Tally t : Tally.values()) {
            s.append(' ').append(t.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(tally.getOrDefault(t, 0)).append(',');
        }
        s.setLength(s.length() - 1);
        s.append('.');
        errors.stream().limit(3).forEach(e -> s.append(' ').append(e));
        return s.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
