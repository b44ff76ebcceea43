package news.masthead.appeals;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision alone: every rule with the time passed in. */
class AppealRulesTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final FrequencyCaps CAPS = new FrequencyCaps(3, 1, 7);
    static final Set<String> ALL_FIVE = Set.of("ad-light", "premium", "magazine", "epaper", "partner:the-partner");

    static Appeal appeal(long id, int minViews, Appeal.Audience audience, List<String> sections, Instant starts, Instant ends, boolean active) {
        return new Appeal(id, "Appeal " + id, List.of(new Appeal.Signatory("Ada", "CEO")), 1L, Appeal.Format.DIALOG, 3,
                sections, minViews, audience, starts, ends, active,
                List.of(new Appeal.Variant("A", 50, "Dear Reader", "Text", "Join"), new Appeal.Variant("B", 50, "Hello", "Text", "Join")));
    }

    static Appeal plain(long id) {
        return appeal(id, 3, Appeal.Audience.ALL, List.of(), null, null, true);
    }

    /** A browser first seen {@code age} ago with {@code views} article views (the last one now). */
    static BrowserState browser(Duration age, int views) {
        BrowserState s = new BrowserState(NOW.minus(age), List.of(), 0, List.of(), Map.of(), Set.of(), false, "seed12345678", false);
        for (int i = views - 1; i >= 0; i--) {
            s = s.viewed(NOW.minus(Duration.ofHours(i)));
        }
        return s;
    }

    static Optional<AppealRules.Shown> decide(BrowserState s, Appeal... appeals) {
        return decide(s, Set.of(), Map.of(), Set.of(), "world", appeals);
    }

    static Optional<AppealRules.Shown> decide(BrowserState s, Set<String> entitlements, Map<Long, Instant> account, Set<Long> closed,
                                              String section, Appeal... appeals) {
        List<AppealRules.Candidate> candidates = java.util.Arrays.stream(appeals)
                .map(a -> new AppealRules.Candidate(a, a.planId() == null ? Set.of() : ALL_FIVE)).toList();
        return AppealRules.decide(new AppealRules.View(NOW, section, s, closed, entitlements, account, null), candidates, CAPS);
    }

    @Test
    void anAppealShowsOnTheThirdArticleViewNotBefore() {
        assertThat(decide(browser(Duration.ofDays(3), 2), plain(1))).isEmpty();
        assertThat(decide(browser(Duration.ofDays(3), 3), plain(1))).isPresent();
    }

    @Test
    void viewsOlderThanThirtyDaysDoNotCount() {
        BrowserState s = browser(Duration.ofDays(60), 0).viewed(NOW.minus(Duration.ofDays(31))).viewed(NOW.minus(Duration.ofDays(31)))
                .viewed(NOW);
        assertThat(s.views()).hasSize(1);
        assertThat(decide(s, plain(1))).isEmpty();
    }

    @Test
    void sectionsLimitWhereAnAppealShows() {
        Appeal culture = appeal(1, 0, Appeal.Audience.ALL, List.of("culture", "arts"), null, null, true);
        assertThat(decide(browser(Duration.ZERO, 1), Set.of(), Map.of(), Set.of(), "world", culture)).isEmpty();
        assertThat(decide(browser(Duration.ZERO, 1), Set.of(), Map.of(), Set.of(), "arts", culture)).isPresent();
        assertThat(decide(browser(Duration.ZERO, 1), Set.of(), Map.of(), Set.of(), null, culture)).isEmpty();
    }

    @Test
    void newAndReturningReadersAreToldApartByTheBrowsersFirstVisit() {
        Appeal forNew = appeal(1, 0, Appeal.Audience.NEW, List.of(), null, null, true);
        Appeal forReturning = appeal(2, 0, Appeal.Audience.RETURNING, List.of(), null, null, true);
        assertThat(decide(browser(Duration.ofHours(2), 1), forNew)).isPresent();
        assertThat(decide(browser(Duration.ofHours(2), 1), forReturning)).isEmpty();
        assertThat(decide(browser(Duration.ofDays(2), 1), forNew)).isEmpty();
        assertThat(decide(browser(Duration.ofDays(2), 1), forReturning)).isPresent();
    }

    @Test
    void membersNeverSeeAnAppealForWhatTheyAlreadyHave() {
        BrowserState s = browser(Duration.ofDays(3), 5);
        assertThat(decide(s, ALL_FIVE, Map.of(), Set.of(), "world", plain(1))).isEmpty();
        // holding only part of what the plan grants: the appeal still offers something
        assertThat(decide(s, Set.of("ad-light"), Map.of(), Set.of(), "world", plain(1))).isPresent();
        Appeal noPlan = new Appeal(2, "No plan", List.of(), null, Appeal.Format.BANNER, 3, List.of(), 0, Appeal.Audience.ALL,
                null, null, true, plain(1).variants());
        assertThat(decide(s, Set.of("ad-light"), Map.of(), Set.of(), "world", noPlan)).isEmpty();
        assertThat(decide(s, noPlan)).isPresent();
    }

    @Test
    void theScheduleAndTheSwitchDecideWhenAnAppealIsLive() {
        BrowserState s = browser(Duration.ofDays(3), 3);
        assertThat(decide(s, appeal(1, 0, Appeal.Audience.ALL, List.of(), NOW.plusSeconds(1), null, true))).isEmpty();
        assertThat(decide(s, appeal(1, 0, Appeal.Audience.ALL, List.of(), NOW, null, true))).isPresent();
        assertThat(decide(s, appeal(1, 0, Appeal.Audience.ALL, List.of(), null, NOW, true))).isEmpty();
        assertThat(decide(s, appeal(1, 0, Appeal.Audience.ALL, List.of(), null, NOW.plusSeconds(1), true))).isPresent();
        assertThat(decide(s, appeal(1, 0, Appeal.Audience.ALL, List.of(), null, null, false))).isEmpty();
    }

    @Test
    void atMostOneAppealPerNPageViews() {
        BrowserState shown = browser(Duration.ofDays(3), 3).showedAt(NOW.minus(Duration.ofDays(2)));
        FrequencyCaps caps = new FrequencyCaps(3, 5, 7);
        List<AppealRules.Candidate> c = List.of(new AppealRules.Candidate(plain(1), Set.of()));
        BrowserState s = shown;
        for (int page = 1; page <= 3; page++) {
            s = s.viewed(NOW);
            AppealRules.View view = new AppealRules.View(NOW, "world", s, Set.of(), Set.of(), Map.of(), null);
            assertThat(AppealRules.decide(view, c, caps).isPresent()).as("page %d after the last appeal", page).isEqualTo(page >= 3);
        }
    }

    @Test
    void atMostPerDayAppealsInAnyTwentyFourHours() {
        BrowserState s = browser(Duration.ofDays(3), 10).showedAt(NOW.minus(Duration.ofHours(23)));
        s = s.viewed(NOW).viewed(NOW).viewed(NOW);
        assertThat(decide(s, plain(1))).as("one a day, one shown 23 hours ago").isEmpty();
        BrowserState later = new BrowserState(s.firstSeen(), s.views(), s.pagesSince(), List.of(NOW.minus(Duration.ofHours(25))),
                s.snoozes(), s.dismissed(), false, s.seed(), false);
        assertThat(decide(later, plain(1))).isPresent();
    }

    @Test
    void aSnoozeHoldsUntilItEndsThenTheAppealReturns() {
        BrowserState s = browser(Duration.ofDays(3), 4).snoozed(1, NOW.plusSeconds(60));
        assertThat(decide(s, plain(1))).isEmpty();
        BrowserState ended = browser(Duration.ofDays(3), 4).snoozed(1, NOW);
        assertThat(decide(ended, plain(1))).isPresent();
        // another appeal is not snoozed by it
        assertThat(decide(s, plain(1), plain(2)).map(x -> x.appeal().id())).contains(2L);
    }

    @Test
    void aDismissalKeepsThatAppealAwayForGoodAndNoAppealsAtAllKeepsEveryOneAway() {
        BrowserState s = browser(Duration.ofDays(3), 4).dismissedForGood(2);
        assertThat(decide(s, plain(2))).isEmpty();
        assertThat(decide(s, plain(1), plain(2)).map(x -> x.appeal().id())).contains(1L);
        assertThat(decide(browser(Duration.ofDays(3), 4).withNoAppeals(), plain(1), plain(2))).isEmpty();
    }

    @Test
    void theAccountsChoicesHoldOnABrowserThatKnowsNothing() {
        BrowserState blank = browser(Duration.ofDays(3), 4);
        assertThat(decide(blank, Set.of(), Map.of(1L, Instant.MAX), Set.of(), "world", plain(1))).isEmpty();
        assertThat(decide(blank, Set.of(), Map.of(1L, NOW.plusSeconds(5)), Set.of(), "world", plain(1))).isEmpty();
        assertThat(decide(blank, Set.of(), Map.of(1L, NOW.minusSeconds(5)), Set.of(), "world", plain(1))).isPresent();
        assertThat(decide(blank, Set.of(), Map.of(AppealRules.EVERY_APPEAL, Instant.MAX), Set.of(), "world", plain(1))).isEmpty();
    }

    @Test
    void closingWithXHidesItForTheVisitOnly() {
        BrowserState s = browser(Duration.ofDays(3), 4);
        assertThat(decide(s, Set.of(), Map.of(), Set.of(1L), "world", plain(1))).isEmpty();
        assertThat(decide(s, Set.of(), Map.of(), Set.of(), "world", plain(1))).isPresent();
    }

    @Test
    void theNewestEligibleAppealWins() {
        assertThat(decide(browser(Duration.ofDays(3), 4), plain(3), plain(7), plain(5)).map(x -> x.appeal().id())).contains(7L);
    }

    @Test
    void aBrowserKeepsItsVariantAndTheSplitFollowsTheWeights() {
        Appeal a = plain(1);
        for (int i = 0; i < 50; i++) {
            String seed = "seed" + i;
            assertThat(AppealRules.variant(a, seed)).isEqualTo(AppealRules.variant(a, seed));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            seen.merge(AppealRules.variant(a, "browser" + i).orElseThrow().key(), 1, Integer::sum);
        }
        assertThat(seen.get("A")).isBetween(1800, 2200);
        assertThat(seen.get("B")).isBetween(1800, 2200);
        Appeal skewed = new Appeal(1, "x", List.of(), null, Appeal.Format.DIALOG, 3, List.of(), 0, Appeal.Audience.ALL, null, null, true,
                List.of(new Appeal.Variant("A", 90, "t", "b", "c"), new Appeal.Variant("B", 10, "t", "b", "c"),
                        new Appeal.Variant("C", 0, "t", "b", "c")));
        seen.clear();
        for (int i = 0; i < 4000; i++) {
            seen.merge(AppealRules.variant(skewed, "browser" + i).orElseThrow().key(), 1, Integer::sum);
        }
        assertThat(seen.get("A")).isBetween(3400, 3800);
        assertThat(seen).doesNotContainKey("C");
    }

    @Test
    void aSignedInReaderKeepsTheirVariantOnEveryDevice() {
        Appeal a = plain(1);
        BrowserState one = browser(Duration.ofDays(3), 4);
        BrowserState other = new BrowserState(one.firstSeen(), one.views(), 0, List.of(), Map.of(), Set.of(), false, "otherSeed999", false);
        List<AppealRules.Candidate> c = List.of(new AppealRules.Candidate(a, Set.of()));
        for (long reader = 1; reader < 30; reader++) {
            String first = AppealRules.decide(new AppealRules.View(NOW, "world", one, Set.of(), Set.of(), Map.of(), reader), c, CAPS)
                    .orElseThrow().variant().key();
            String second = AppealRules.decide(new AppealRules.View(NOW, "world", other, Set.of(), Set.of(), Map.of(), reader), c, CAPS)
                    .orElseThrow().variant().key();
            assertThat(second).isEqualTo(first);
        }
    }
}
