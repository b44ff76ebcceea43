package news.masthead.appeals;

import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's "Dear Reader" appeal. */
class DemoAppealTest {
    static final RunningMasthead app = RunningMasthead.start();

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theDemoAppealIsSignedByTheCeoAndTheEditorAndOffersTheMonthlyPlanAfterThreeViews() {
        app.masthead.membership().ensureDemoPlans();
        app.masthead.appeals().ensureDemoAppeal();
        app.masthead.appeals().ensureDemoAppeal();
        assertThat(app.masthead.appeals().all()).hasSize(1);
        Appeal demo = app.masthead.appeals().all().getFirst();
        assertThat(demo.signatories()).extracting(Appeal.Signatory::role).anyMatch(r -> r.contains("CEO")).contains("Editor");
        assertThat(demo.variants()).hasSize(2);
        assertThat(demo.variants().getFirst().cta()).isEqualTo("Upgrade your experience for $5 per month");
        assertThat(demo.minViews()).isEqualTo(3);
        assertThat(demo.active()).isTrue();
        assertThat(app.masthead.appeals().plan(demo).orElseThrow().benefits()).hasSize(5);
    }
}
