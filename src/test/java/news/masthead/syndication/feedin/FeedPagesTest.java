package news.masthead.syndication.feedin;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FeedPagesTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final FeedServer server = new FeedServer();

    static {
        app.masthead.newsroom().saveSection(null, "wire", "Wire", "", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
    }

    static Map<String, String> form(String url, boolean internal) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("url", url);
        form.put("title", "The Other Paper");
        form.put("section", "wire");
        form.put("attribution", "Originally published by The Other Paper");
        form.put("licence", "CC BY 4.0");
        form.put("landAs", "published");
        if (internal) {
            form.put("internal", "on");
        }
        return form;
    }

    @Test
    void anAdminAddsAnInternalFeedPollsItAndReadsTheItemLog() {
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        Feeds.Item item = new Feeds.Item("urn:admin-1", server.url("/s/1"), "Council opens the new bridge", Feeds.story("admin-bridge", 4), "Summary", "Jane Doe");
        server.document("/admin-feed.xml", "application/rss+xml", Feeds.rss(List.of(item)));

        var added = admin.post("/admin/feeds", form(server.url("/admin-feed.xml"), true));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        String page = added.headers().firstValue("Location").orElseThrow();

        var polled = admin.post(page + "/poll", Map.of());
        assertThat(polled.statusCode()).isEqualTo(303);
        var shown = admin.get(polled.headers().firstValue("Location").orElseThrow());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Polled:").contains("1 imported").contains("Council opens the new bridge")
                .contains("item-imported").contains("name=\"_csrf\"");
        assertThat(admin.get("/admin/feeds").body()).contains("The Other Paper").contains("working");
        assertThat(app.masthead.newsroom().countPublished()).isEqualTo(1);
    }

    @Test
    void anEditorCannotMarkASourceInternal() {
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        assertThat(editor.get("/admin/feeds").statusCode()).isEqualTo(200);
        assertThat(editor.post("/admin/feeds", form(server.url("/editor.xml"), true)).statusCode()).isEqualTo(403);
        var ok = editor.post("/admin/feeds", form("https://news.example/editor.xml", false));
        assertThat(ok.statusCode()).isEqualTo(303);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        Map<String, String> form = form("https://news.example/csrf.xml", false);
        form.put("_csrf", "forged-token-forged-token-forged-token-forg");
        assertThat(admin.post("/admin/feeds", form).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/feeds/1/poll", Map.of("_csrf", "nope")).statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/feeds").body()).doesNotContain("csrf.xml");
    }

    @Test
    void badSettingsShowTheFormAgainWithTheFieldNamed() {
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        Map<String, String> form = form("ftp://news.example/feed", false);
        var refused = editor.post("/admin/feeds", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("full address").contains("value=\"ftp://news.example/feed\"");
        form.put("url", "https://news.example/no-section.xml");
        form.put("section", "nowhere");
        assertThat(editor.post("/admin/feeds", form).body()).contains("Choose the section");
        assertThat(editor.get("/admin/feeds/999999").statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/feeds/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void contributorsAndStrangersAreKeptOut() {
        StaffBrowser contributor = StaffBrowser.signedIn(app, Role.CONTRIBUTOR);
        assertThat(contributor.get("/admin/feeds").statusCode()).isEqualTo(403);
        assertThat(new StaffBrowser(app).get("/admin/feeds").statusCode()).isIn(302, 303, 401);
    }

    @Test
    void theNodeRegistersTheRecurringPollJob() {
        int rows = app.database.jdbi().withHandle(h -> h.createQuery("select count(*) from scheduled_tasks where task_name = :t")
                .bind("t", PollSchedule.TASK).mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
    }
}
