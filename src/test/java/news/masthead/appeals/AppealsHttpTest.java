package news.masthead.appeals;

import com.fasterxml.jackson.databind.JsonNode;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.membership.Plan;
import news.masthead.platform.mail.OutboxMail;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appeals over HTTP on a running node: staff write them, the script's JSON decides on the server's
 * clock, readers' answers hold (on the account too), and the results count without tracking anyone.
 * Each test's appeal targets its own section, so tests do not see each other's appeals.
 */
class AppealsHttpTest {
    static final RunningMasthead app = RunningMasthead.start(news.masthead.platform.db.Database.connect(TestDatabases.freshUrl(), 4));
    static final AtomicInteger SECTIONS = new AtomicInteger();

    static {
        app.masthead.membership().ensureDemoPlans();
        // no caps unless a test says so: these tests are about the other rules
        app.masthead.appeals().saveCaps(new FrequencyCaps(0, 100, 7));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** An editor signed in now (tests move the clock by days, past any staff session). */
    static StaffBrowser editor() {
        return StaffBrowser.signedIn(app, Role.EDITOR);
    }

    static Plan monthly() {
        return app.masthead.membership().activePlans().stream().filter(p -> p.name().equals("Member")).findFirst().orElseThrow();
    }

    static Map<String, String> form(String section) {
        Map<String, String> f = new HashMap<>(Map.of("name", "Dear Reader in " + section, "signatories", "Ada Lovelace, CEO\nGrace Hopper, Editor",
                "plan", Long.toString(monthly().id()), "format", "dialog", "sections", section, "minViews", "3", "audience", "all",
                "active", "on", "titleA", "Dear Reader", "bodyA", "We stay **open** for everyone."));
        f.putAll(Map.of("ctaA", "Upgrade your experience for $5 per month", "weightA", "50", "titleB", "Keep news open",
                "bodyB", "Support us.", "ctaB", "Join for $5 a month", "weightB", "50"));
        return f;
    }

    /** A new appeal in a section of its own, through the admin form; returns (section, id). */
    static Object[] appealInOwnSection(Map<String, String> changes) {
        String section = "s" + SECTIONS.incrementAndGet();
        Map<String, String> f = form(section);
        f.putAll(changes);
        HttpResponse<String> r = editor().post("/admin/appeals", f);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        long id = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll(".*#appeal-", ""));
        return new Object[] {section, id};
    }

    static long count(long appeal, String event) {
        return app.database.jdbi().withHandle(h -> h.createQuery("select coalesce(sum(count), 0) from appeal_counts where appeal_id = :a and event = :e")
                .bind("a", appeal).bind("e", event).mapTo(Long.class).one());
    }

    static StaffBrowser reader(String email) {
        app.clock.advance(Duration.ofMinutes(16));
        StaffBrowser browser = new StaffBrowser(app);
        assertThat(browser.post("/account/sign-in", Map.of("email", email)).statusCode()).isEqualTo(200);
        OutboxMail mail = app.masthead.mailer().recent(100).stream().filter(m -> m.to().equals(email)).findFirst().orElseThrow();
        String token = mail.text().replaceAll("(?s).*/account/verify\\?token=(\\S+).*", "$1");
        assertThat(browser.post("/account/verify", Map.of("token", token)).statusCode()).isEqualTo(303);
        return browser;
    }

    @Test
    void anAnonymousReaderSeesTheAppealOnTheThirdArticleViewWithItsCopy() {
        Object[] a = appealInOwnSection(Map.of());
        AppealVisitor visitor = new AppealVisitor(app);
        assertThat(visitor.view((String) a[0]).has("appeal")).isFalse();
        assertThat(visitor.view((String) a[0]).has("appeal")).isFalse();
        JsonNode third = visitor.view((String) a[0]);
        assertThat(third.get("now").asLong()).isEqualTo(app.clock.instant().getEpochSecond());
        JsonNode appeal = third.get("appeal");
        assertThat(appeal.get("id").asLong()).isEqualTo((long) a[1]);
        assertThat(appeal.get("format").asText()).isEqualTo("dialog");
        assertThat(appeal.get("css").asText()).startsWith("/assets/appeal.css?v=");
        Document html = Jsoup.parseBodyFragment(appeal.get("html").asText());
        assertThat(html.select("dialog[aria-labelledby=appeal-title]")).hasSize(1);
        assertThat(html.select("#appeal-title").text()).isIn("Dear Reader", "Keep news open");
        assertThat(html.select(".appeal-signed").text()).contains("Ada Lovelace, CEO").contains("Grace Hopper, Editor");
        assertThat(html.select(".appeal-benefits li")).hasSize(5);
        assertThat(html.select(".appeal-benefits").text()).contains("The Premium section").contains("The ePaper");
        assertThat(html.select("a.appeal-cta").attr("href")).isEqualTo("/membership?appeal=" + a[1] + "&variant=" + appeal.get("variant").asText());
        assertThat(html.select("button[data-act]").eachAttr("data-act")).containsExactly("close", "snooze", "dismiss", "never");
        assertThat(html.select("[style], script")).isEmpty();
        assertThat(count((long) a[1], "impression")).isEqualTo(1);
        // other sections do not show it
        assertThat(visitor.view("elsewhere").has("appeal")).isFalse();
    }

    @Test
    void xClosesItForThisVisitOnly() {
        Object[] a = appealInOwnSection(Map.of());
        AppealVisitor visitor = new AppealVisitor(app);
        JsonNode shown = visitor.viewUntilShown((String) a[0], 3);
        assertThat(visitor.answer("close", (long) a[1], shown.get("variant").asText()).statusCode()).isEqualTo(200);
        assertThat(visitor.view((String) a[0]).has("appeal")).isFalse();
        visitor.newVisit();
        assertThat(visitor.view((String) a[0]).has("appeal")).isTrue();
        assertThat(count((long) a[1], "close")).isEqualTo(1);
    }

    @Test
    void showMeLaterHidesItUntilTheSnoozeEndsOnTheServersClock() {
        Object[] a = appealInOwnSection(Map.of());
        AppealVisitor visitor = new AppealVisitor(app);
        JsonNode shown = visitor.viewUntilShown((String) a[0], 3);
        visitor.answer("snooze", (long) a[1], shown.get("variant").asText());
        app.clock.advance(Duration.ofDays(6));
        visitor.newVisit();
        assertThat(visitor.view((String) a[0]).has("appeal")).isFalse();
        app.clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(visitor.view((String) a[0]).has("appeal")).isTrue();
        assertThat(count((long) a[1], "snooze")).isEqualTo(1);
    }

    @Test
    void dontShowItAgainHoldsAcrossDevicesOnceSignedIn() {
        Object[] a = appealInOwnSection(Map.of());
        AppealVisitor phone = new AppealVisitor(app, reader("dismisser@example.org"));
        JsonNode shown = phone.viewUntilShown((String) a[0], 3);
        assertThat(phone.last.get("signedIn").asBoolean()).isTrue();
        phone.answer("dismiss", (long) a[1], shown.get("variant").asText());
        app.clock.advance(Duration.ofDays(400));
        assertThat(phone.viewUntilShown((String) a[0], 5)).isNull();

        AppealVisitor laptop = new AppealVisitor(app, reader("dismisser@example.org"));
        assertThat(laptop.viewUntilShown((String) a[0], 6)).isNull();
        AppealVisitor someoneElse = new AppealVisitor(app, reader("other@example.org"));
        assertThat(someoneElse.viewUntilShown((String) a[0], 3)).isNotNull();
    }

    @Test
    void aChoiceMadeBeforeSigningInIsCarriedToTheAccount() {
        Object[] a = appealInOwnSection(Map.of());
        StaffBrowser cookies = new StaffBrowser(app);
        AppealVisitor anonymous = new AppealVisitor(app, cookies);
        JsonNode shown = anonymous.viewUntilShown((String) a[0], 3);
        anonymous.answer("dismiss", (long) a[1], shown.get("variant").asText());
        assertThat(anonymous.last.get("carry").asBoolean()).isFalse();

        // the same browser signs in: the next view asks the script to carry its choices
        StaffBrowser signedIn = reader("carrier@example.org");
        AppealVisitor same = new AppealVisitor(app, signedIn);
        same.state = anonymous.state;
        assertThat(same.view((String) a[0]).get("carry").asBoolean()).isTrue();
        assertThat(same.carry().statusCode()).isEqualTo(200);
        assertThat(same.view((String) a[0]).get("carry").asBoolean()).isFalse();

        AppealVisitor otherDevice = new AppealVisitor(app, reader("carrier@example.org"));
        assertThat(otherDevice.viewUntilShown((String) a[0], 5)).isNull();
        // carrying needs a signed-in reader
        assertThat(new AppealVisitor(app).carry().statusCode()).isEqualTo(401);
    }

    @Test
    void noAppealsAtAllKeepsEveryAppealAway() {
        Object[] a = appealInOwnSection(Map.of());
        AppealVisitor visitor = new AppealVisitor(app);
        JsonNode shown = visitor.viewUntilShown((String) a[0], 3);
        visitor.answer("never", (long) a[1], shown.get("variant").asText());
        Object[] b = appealInOwnSection(Map.of("minViews", "0"));
        assertThat(visitor.viewUntilShown((String) b[0], 3)).isNull();
        assertThat(new AppealVisitor(app).viewUntilShown((String) b[0], 1)).isNotNull();
    }

    @Test
    void aTamperedStateIsIgnoredSafely() {
        Object[] a = appealInOwnSection(Map.of("minViews", "2"));
        for (String bad : new String[] {"{", "<script>alert(1)</script>", "{\"v\":[9999999999999,1,2],\"p\":\"x\",\"h\":\"y\"}",
                "{\"d\":[\"1 or 1=1\"],\"z\":{\"x\":\"y\"},\"k\":\"';drop table appeals;--\"}", "x".repeat(7000)}) {
            AppealVisitor visitor = new AppealVisitor(app);
            visitor.state = bad;
            JsonNode first = visitor.view((String) a[0]);
            assertThat(first.has("appeal")).as(bad).isFalse();
            assertThat(first.get("state").get("v")).hasSize(1);
        }
        AppealVisitor closedGarbage = new AppealVisitor(app);
        closedGarbage.closed = "a,b,-1,99999999999999999999";
        assertThat(closedGarbage.viewUntilShown((String) a[0], 2)).isNotNull();
    }

    @Test
    void answersForUnknownAppealsOrVariantsAreRefusedNamingTheField() {
        Object[] a = appealInOwnSection(Map.of());
        AppealVisitor visitor = new AppealVisitor(app);
        visitor.view((String) a[0]);
        assertThat(visitor.answer("dismiss", 999_999, "A").statusCode()).isEqualTo(400);
        HttpResponse<String> variant = visitor.answer("dismiss", (long) a[1], "Z");
        assertThat(variant.statusCode()).isEqualTo(400);
        assertThat(variant.body()).contains("variant");
        HttpResponse<String> event = visitor.answer("explode", (long) a[1], "A");
        assertThat(event.statusCode()).isEqualTo(400);
        assertThat(event.body()).contains("event");
        HttpResponse<String> noToken = visitor.browser.postExactly("/appeals/answer", Map.of("event", "click", "appeal",
                a[1].toString(), "variant", "A"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(count((long) a[1], "click")).isZero();
    }

    @Test
    void membersNeverSeeTheAppealForThePlanTheyHold() {
        Object[] a = appealInOwnSection(Map.of("minViews", "0"));
        StaffBrowser member = reader("member@example.org");
        long readerId = app.database.jdbi().withHandle(h -> h.createQuery("select id from readers where email = 'member@example.org'")
                .mapTo(Long.class).one());
        app.masthead.membership().grantComplimentary(readerId, monthly().id(), app.clock.instant().plus(Duration.ofDays(30)), "test");
        assertThat(new AppealVisitor(app, member).viewUntilShown((String) a[0], 3)).isNull();
    }

    @Test
    void aMembershipStartedFromTheAppealCountsAsAConversionOfItsVariant() {
        Object[] a = appealInOwnSection(Map.of("minViews", "0"));
        StaffBrowser reader = reader("converts@example.org");
        AppealVisitor visitor = new AppealVisitor(app, reader);
        JsonNode shown = visitor.viewUntilShown((String) a[0], 1);
        String variant = shown.get("variant").asText();
        visitor.answer("click", (long) a[1], variant);
        String cta = Jsoup.parseBodyFragment(shown.get("html").asText()).select("a.appeal-cta").attr("href");

        Document plans = Jsoup.parse(reader.get(cta).body());
        String join = plans.select("a[href^=/membership/checkout/" + monthly().id() + "]").attr("href");
        assertThat(join).endsWith("?via=appeal:" + a[1] + ":" + variant);
        Document checkout = Jsoup.parse(reader.get(join).body());
        assertThat(checkout.select("input[name=via]").val()).isEqualTo("appeal:" + a[1] + ":" + variant);
        HttpResponse<String> paid = reader.post("/membership/checkout/" + monthly().id(), Map.of("outcome", "succeed",
                "via", checkout.select("input[name=via]").val()));
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(count((long) a[1], "click")).isEqualTo(1);
        assertThat(count((long) a[1], "conversion")).isEqualTo(1);
        // a forged attribution counts nothing
        app.masthead.appeals().converted("appeal:" + a[1] + ":Z");
        app.masthead.appeals().converted("appeal:999999:A");
        app.masthead.appeals().converted("'; drop table appeals; --");
        assertThat(count((long) a[1], "conversion")).isEqualTo(1);
        // and now they are a member, the appeal is gone
        app.clock.advance(Duration.ofDays(2));
        assertThat(visitor.viewUntilShown((String) a[0], 2)).isNull();
    }

    @Test
    void theResultsCountEachEventPerVariantAndDrawTheConversionRate() {
        Object[] a = appealInOwnSection(Map.of("minViews", "0"));
        long id = (long) a[1];
        for (int i = 0; i < 8; i++) {
            AppealVisitor v = new AppealVisitor(app);
            JsonNode shown = v.viewUntilShown((String) a[0], 1);
            v.answer(i % 2 == 0 ? "close" : "snooze", id, shown.get("variant").asText());
        }
        app.masthead.appeals().converted("appeal:" + id + ":A");
        HttpResponse<String> page = editor().get("/admin/appeals/" + id + "/results");
        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        long impressions = doc.select("#totals tbody tr").stream().mapToLong(r -> Long.parseLong(r.select("td").get(0).text())).sum();
        assertThat(impressions).isEqualTo(8);
        assertThat(doc.select("#totals tbody tr th").eachText()).containsExactly("A", "B");
        assertThat(doc.select("#totals tbody tr").first().select("td").get(5).text()).isEqualTo("1");
        assertThat(doc.select("svg[role=img] title#chart-title")).hasSize(1);
        assertThat(doc.select("svg polyline")).hasSize(2);
        assertThat(doc.select("#daily tbody tr")).hasSize(30);
        assertThat(doc.select("[style], script:not([src])")).isEmpty();
        // no reader, browser or address in the counts
        java.util.List<String> columns = app.database.jdbi().withHandle(h -> h.createQuery(
                "select column_name from information_schema.columns where table_name = 'appeal_counts' order by ordinal_position")
                .mapTo(String.class).list());
        assertThat(columns).containsExactly("appeal_id", "variant", "day", "event", "count");
    }

    @Test
    void staffWriteEditAndDeleteAppeals() {
        HttpResponse<String> blank = editor().get("/admin/appeals/new");
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(blank.body()).select("form input[name=_csrf]").val()).isNotBlank();
        Object[] a = appealInOwnSection(Map.of());
        long id = (long) a[1];
        Document list = Jsoup.parse(editor().get("/admin/appeals").body());
        assertThat(list.select("#appeal-" + id).text()).contains("Dear Reader in " + a[0]);

        Document edit = Jsoup.parse(editor().get("/admin/appeals/" + id).body());
        assertThat(edit.select("input[name=titleA]").val()).isEqualTo("Dear Reader");
        assertThat(edit.select("textarea[name=signatories]").text()).contains("Ada Lovelace, CEO");
        assertThat(edit.select("select[name=plan] option[selected]").val()).isEqualTo(Long.toString(monthly().id()));
        Map<String, String> changed = form((String) a[0]);
        changed.putAll(Map.of("titleA", "Dear friend", "format", "banner", "titleB", "", "startsAt", "2020-01-01T09:00"));
        assertThat(editor().post("/admin/appeals/" + id, changed).statusCode()).isEqualTo(303);
        Appeal saved = app.masthead.appeals().find(id).orElseThrow();
        assertThat(saved.variants()).extracting(Appeal.Variant::title).containsExactly("Dear friend");
        assertThat(saved.format()).isEqualTo(Appeal.Format.BANNER);
        assertThat(saved.startsAt()).isEqualTo(java.time.Instant.parse("2020-01-01T09:00:00Z"));

        assertThat(editor().post("/admin/appeals/" + id + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(app.masthead.appeals().find(id)).isEmpty();
        assertThat(editor().get("/admin/appeals/" + id).statusCode()).isEqualTo(404);
        assertThat(editor().get("/admin/appeals/nope").statusCode()).isEqualTo(404);

        Object[] shown = appealInOwnSection(Map.of("minViews", "0"));
        new AppealVisitor(app).view((String) shown[0]);
        assertThat(editor().post("/admin/appeals/" + shown[1] + "/delete", Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void badAppealFormsAreRefusedNamingTheField() {
        Map<String, String[]> cases = Map.of(
                "name", new String[] {"name", ""},
                "format", new String[] {"format", "popup"},
                "weightA", new String[] {"weightA", "101"},
                "minViews", new String[] {"minViews", "-1"},
                "plan", new String[] {"plan", "999999"},
                "sections", new String[] {"sections", "world, <b>"},
                "endsAt", new String[] {"endsAt", "2019-01-01T00:00"},
                "startsAt", new String[] {"startsAt", "tomorrow"},
                "ctaA", new String[] {"ctaA", ""},
                "audience", new String[] {"audience", "everyone"});
        cases.forEach((field, change) -> {
            Map<String, String> f = form("bad");
            f.put("startsAt", "2020-01-01T00:00");
            f.put(change[0], change[1]);
            HttpResponse<String> r = editor().post("/admin/appeals", f);
            assertThat(r.statusCode()).as(field).isEqualTo(400);
            assertThat(r.body()).as(field).contains(field);
        });
        Map<String, String> noVariants = form("bad");
        noVariants.putAll(Map.of("titleA", "", "titleB", ""));
        assertThat(editor().post("/admin/appeals", noVariants).statusCode()).isEqualTo(400);
        assertThat(editor().postExactly("/admin/appeals", form("bad")).statusCode()).isEqualTo(403);
        assertThat(new StaffBrowser(app).post("/admin/appeals", form("bad")).statusCode()).isIn(302, 303, 401);
        assertThat(StaffBrowser.signedIn(app, Role.CONTRIBUTOR).post("/admin/appeals", form("bad")).statusCode()).isEqualTo(403);
        assertThat(app.masthead.appeals().all()).noneMatch(x -> x.sections().contains("bad"));
    }

    @Test
    void theCapsFromTheAdminLimitHowOftenAnyAppealShows() {
        Object[] a = appealInOwnSection(Map.of("minViews", "0"));
        try {
            assertThat(editor().post("/admin/appeals/caps", Map.of("pagesBetween", "3", "perDay", "2", "snoozeDays", "7")).statusCode())
                    .isEqualTo(303);
            assertThat(editor().post("/admin/appeals/caps", Map.of("pagesBetween", "3", "perDay", "0", "snoozeDays", "7")).body())
                    .contains("perDay");
            assertThat(editor().post("/admin/appeals/caps", Map.of("pagesBetween", "x", "perDay", "1", "snoozeDays", "7")).statusCode())
                    .isEqualTo(400);
            AppealVisitor v = new AppealVisitor(app);
            StringBuilder shown = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                shown.append(v.view((String) a[0]).has("appeal") ? 'Y' : '.');
            }
            // one, then three views apart, and at most two a day
            assertThat(shown.toString()).isEqualTo("Y..Y......");
            app.clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertThat(v.view((String) a[0]).has("appeal")).isTrue();
        } finally {
            app.masthead.appeals().saveCaps(new FrequencyCaps(0, 100, 7));
        }
    }
}
