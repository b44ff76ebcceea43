package news.masthead.appeals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Which appeal, if any, one article view shows: pure, with the time passed in, so every rule is
 * tested without HTTP or a browser.
 *
 * <p>In order: "no appeals at all" (the browser's or the account's) shows nothing; the caps (pages
 * since the last appeal, appeals in the last 24 hours) come next; then each live appeal, newest
 * first, must match the section, the article views of the last 30 days and the audience, must
 * offer the reader something they do not already have, and must not be dismissed, snoozed or
 * closed in this visit. The variant is chosen by a stable hash of the appeal and the browser's seed
 * (or the signed-in reader), so a reader keeps seeing the same copy.
 */
final class AppealRules {
    /** The appeal id an account choice uses for "no appeals at all". */
    static final long EVERY_APPEAL = 0;
    /** A browser first seen less than this ago is "new". */
    static final Duration NEW_READER = Duration.ofDays(1);

    private AppealRules() {
    }

    /**
     * One article view, as the rules see it.
     *
     * @param closed       appeals closed with X in this visit (the tab's session storage)
     * @param entitlements what the reader holds now (empty when not signed in)
     * @param account      the signed-in reader's choices: appeal id ({@link #EVERY_APPEAL} for all) to the end of
     *                     the snooze, {@link Instant#MAX} for never again; empty when not signed in
     * @param readerId     the signed-in reader, or null
     */
    record View(Instant now, String section, BrowserState state, Set<Long> closed, Set<String> entitlements,
                Map<Long, Instant> account, Long readerId) {
    }

    /** A live appeal with the entitlements its plan grants (empty if it offers no plan). */
    record Candidate(Appeal appeal, Set<String> grants) {
    }

    record Shown(Appeal appeal, Appeal.Variant variant) {
    }

    static Optional<Shown> decide(View view, List<Candidate> candidates, FrequencyCaps caps) {
        BrowserState s = view.state();
        if (s.noAppeals() || view.account().containsKey(EVERY_APPEAL)) {
            return Optional.empty();
        }
        if (!s.shown().isEmpty() && s.pagesSince() < caps.pagesBetween()) {
            return Optional.empty();
        }
        Instant dayAgo = view.now().minus(Duration.ofDays(1));
        if (s.shown().stream().filter(t -> t.isAfter(dayAgo)).count() >= caps.perDay()) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(c -> eligible(view, c))
                .sorted((a, b) -> Long.compare(b.appeal().id(), a.appeal().id()))
                .findFirst()
                .flatMap(c -> variant(c.appeal(), view.readerId() != null ? "r" + view.readerId() : s.seed())
                        .map(v -> new Shown(c.appeal(), v)));
    }

    static boolean eligible(View view, Candidate c) {
        Appeal a = c.appeal();
        Instant now = view.now();
        BrowserState s = view.state();
        if (!a.live(now) || !a.shownIn(view.section())) {
            return false;
        }
        if (s.viewsSince(now.minus(BrowserState.VIEW_WINDOW)) < a.minViews()) {
            return false;
        }
        boolean isNew = s.firstSeen().isAfter(now.minus(NEW_READER));
        if (a.audience() == Appeal.Audience.NEW && !isNew || a.audience() == Appeal.Audience.RETURNING && isNew) {
            return false;
        }
        // members never see appeals for what they already have; an appeal offering no plan is for non-members
        if (c.grants().isEmpty() ? !view.entitlements().isEmpty() : view.entitlements().containsAll(c.grants())) {
            return false;
        }
        if (s.dismissed().contains(a.id()) || view.closed().contains(a.id())) {
            return false;
        }
        Instant snoozed = s.snoozes().get(a.id());
        Instant chosen = view.account().get(a.id());
        return (snoozed == null || !snoozed.isAfter(now)) && (chosen == null || !chosen.isAfter(now));
    }

    /** The variant for a sticky key: the same key always lands in the same share of the weights. */
    static Optional<Appeal.Variant> variant(Appeal appeal, String stickyKey) {
        int total = appeal.variants().stream().mapToInt(Appeal.Variant::weight).sum();
        if (total <= 0) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update((stickyKey + "/" + appeal.id()).getBytes(StandardCharsets.UTF_8));
        long bucket = crc.getValue() % total;
        for (Appeal.Variant v : appeal.variants()) {
            bucket -= v.weight();
            if (bucket < 0) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
