package news.masthead.app.demo;

import news.masthead.magazine.Issue;
import news.masthead.partners.Partner;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EditionsDemoTest {
    static final RunningMasthead app = RunningMasthead.start();

    static EditionsDemo demo() {
        var m = app.masthead;
        return new EditionsDemo(m.newsroom(), m.photos(), m.magazine(), m.partners(), app.clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theDemoHasTwoIssuesWithCoversAndAPartnerTheFiveDollarPlanGrants() {
        demo().load();
        demo().load();
        List<Issue> issues = app.masthead.magazine().issues(true);
        assertThat(issues).extracting(Issue::number).containsExactly(2, 1);
        assertThat(issues).allSatisfy(i -> assertThat(i.coverPhotoId()).isNotNull());
        assertThat(app.masthead.magazine().contents(issues.getFirst().id())).hasSize(3);
        String archive = app.get("/magazine").body();
        assertThat(archive).contains("Issue 1: Small talk, big doors", "Issue 2: Words for the road", "<img");
        assertThat(app.get(issues.getLast().path()).body()).contains("Five verbs that do half the work", "Grammar", "front door");

        Partner partner = app.masthead.partners().partner(EditionsDemo.PARTNER_SLUG).orElseThrow();
        assertThat(app.masthead.partners().articles(partner.id(), 10)).hasSize(3);
        app.masthead.membership().ensureDemoPlans();
        assertThat(app.masthead.membership().plans()).filteredOn(p -> p.priceMinor() == 500)
                .singleElement().satisfies(p -> assertThat(p.entitlements()).contains(partner.entitlement(), "magazine"));
        assertThat(app.get("/partners").body()).contains("From The Lakeside Ledger", "Winter ferry timetable");
    }
}
