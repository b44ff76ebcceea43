package news.masthead.admin;

import news.masthead.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsPagesTest {
    static final AdminServer server = AdminServer.start();
    static final Site site = server.node.masthead.site();
    static final long admin = server.staff("boss@example.org", "Ada Admin", "admin");
    static final long editor = server.staff("ed@example.org", "Eda Editor", "editor");

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAdminRenamesThePaperAndMovesItsTimeZone() {
        var browser = server.browser(admin);
        assertThat(browser.get("/admin/settings").body()).contains("Site settings").contains("Europe/Lisbon");
        var saved = browser.post("/admin/settings", "name", "The Harbour Gazette", "tagline", "Since 1901", "logoPhotoId", "",
                "language", "en-GB", "timeZone", "Europe/Lisbon", "footerText", "© The Harbour Gazette");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Saved.");
        assertThat(site.settings().name()).isEqualTo("The Harbour Gazette");
        assertThat(site.settings().timeZone()).isEqualTo("Europe/Lisbon");
        assertThat(server.node.get("/").body()).contains("The Harbour Gazette").contains("Since 1901");
    }

    @Test
    void anUnknownTimeZoneShowsTheFormAgainNamingTheField() {
        String before = site.settings().timeZone();
        var browser = server.browser(admin);
        var refused = browser.post("/admin/settings", "name", "Typo Times", "tagline", "", "logoPhotoId", "",
                "language", "en", "timeZone", "Mars/Olympus_Mons", "footerText", "");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("value=\"Typo Times\"").contains("role=\"alert\"");
        assertThat(site.settings().timeZone()).isEqualTo(before);
        var badLogo = browser.post("/admin/settings", "name", "Typo Times", "language", "en", "timeZone", "UTC", "logoPhotoId", "abc");
        assertThat(badLogo.statusCode()).isEqualTo(400);
    }

    @Test
    void anEditorCannotChangeTheSettings() {
        var browser = server.browser(editor);
        assertThat(browser.get("/admin/settings").statusCode()).isEqualTo(403);
        assertThat(browser.post("/admin/settings", "name", "Hijacked", "language", "en", "timeZone", "UTC").statusCode()).isEqualTo(403);
        assertThat(site.settings().name()).isNotEqualTo("Hijacked");
    }
}
