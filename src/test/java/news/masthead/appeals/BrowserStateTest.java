package news.masthead.appeals;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a browser sends back is checked: tampered, broken or absurd values never throw and never widen the caps. */
class BrowserStateTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aStateSurvivesTheRoundTrip() {
        BrowserState s = BrowserState.fresh(NOW.minus(Duration.ofDays(2))).viewed(NOW.minusSeconds(60)).showedAt(NOW.minusSeconds(30))
                .viewed(NOW).snoozed(4, NOW.plus(Duration.ofDays(7))).dismissedForGood(9).synced(true);
        BrowserState back = BrowserState.parse(s.toJson(), NOW);
        assertThat(back).isEqualTo(s);
    }

    @Test
    void garbageIsAFreshBrowserAndNeverAnError() {
        for (String bad : List.of("", "null", "[]", "42", "\"x\"", "{", "{\"f\":", "<script>", "%7B%7D", "{\"v\":\"lots\"}",
                "{\"p\":-5}", "{\"p\":1e99}", "{\"z\":[1,2]}", "{\"d\":{\"1\":1}}", "{\"k\":\"<img src=x>\"}", "x".repeat(10_000),
                "{\"v\":[" + "1764072000,".repeat(2000) + "1]}", "{\"f\":-99999999999999999999999}", "{\"z\":{\"-1\":1,\"a\":2}}")) {
            BrowserState s = BrowserState.parse(bad, NOW);
            assertThat(s.views()).as(bad).hasSizeLessThanOrEqualTo(BrowserState.MAX_VIEWS);
            assertThat(s.pagesSince()).isGreaterThanOrEqualTo(0);
            assertThat(s.seed()).matches("[A-Za-z0-9]{8,32}");
            assertThat(s.snoozes().keySet()).allMatch(id -> id > 0);
        }
    }

    @Test
    void viewsInTheFutureDoNotCount() {
        long future = NOW.plus(Duration.ofDays(1)).getEpochSecond();
        BrowserState s = BrowserState.parse("{\"f\":1700000000,\"v\":[" + future + "," + future + "," + future + "]}", NOW);
        assertThat(s.views()).isEmpty();
    }

    @Test
    void aSnoozeCannotOutlastAYear() {
        BrowserState s = BrowserState.parse("{\"z\":{\"3\":7000000000}}", NOW);
        assertThat(s.snoozes().get(3L)).isBeforeOrEqualTo(NOW.plus(Duration.ofDays(366)));
    }

    @Test
    void anAppealShownMomentsAgoStillCountsWhenOtherFieldsAreBroken() {
        BrowserState s = BrowserState.parse("{\"h\":[" + NOW.minusSeconds(10).getEpochSecond() + "],\"p\":\"zero\",\"v\":{}}", NOW);
        assertThat(s.shown()).hasSize(1);
        assertThat(s.pagesSince()).isZero();
    }
}
