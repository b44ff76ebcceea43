package news.masthead.ads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.comments.SignedInReader;
import news.masthead.membership.Plan;
import news.masthead.platform.web.Json;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Ads over HTTP on a running node: the admin, the fill endpoint, rotation, schedule, ad-light, counts and clicks. */
class AdsTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final ObjectMapper json = Json.mapper();
    static final StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);

    static {
        app.masthead.membership().ensureDemoPlans();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    Ads ads() {
        return app.masthead.ads();
    }

    /** Each test starts with nothing in rotation and the default settings. */
    @BeforeEach
    void nothingInRotation() {
        for (Creative c : ads().creatives()) {
            if (c.active()) {
                ads().update(c.id(), CreativeDraft.parse(c.name(), c.linkUrl(), c.altText(), c.slot().label(),
                        Integer.toString(c.weight()), null, null, null, c.house() ? "on" : null), null, null);
            }
        }
        ads().saveSettings(new AdSettings(AdSettings.AdLight.NONE, 3));
    }

    Creative create(String name, String slot, int weight, boolean house) {
        return create(name, slot, weight, house, null, null);
    }

    Creative create(String name, String slot, int weight, boolean house, Instant starts, Instant ends) {
        Map<String, String> form = new HashMap<>(Map.of("name", name, "slot", slot, "weight", Integer.toString(weight),
                "linkUrl", "https://example.org/" + name.replace(' ', '-'), "altText", name + " (alt)"));
        if (house) {
            form.put("house", "on");
        }
        if (starts != null) {
            form.put("startsAt", starts.toString().substring(0, 16));
        }
        if (ends != null) {
            form.put("endsAt", ends.toString().substring(0, 16));
        }
        HttpResponse<String> r = AdFixtures.postMultipart(app, editor, "/admin/ads", AdFixtures.form(form),
                AdFixtures.banner(728 + weight, 90, new Color(weight * 2, 80, 120)), editor.csrf());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return ads().creatives().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    JsonNode fill(StaffBrowser browser, String slots) throws Exception {
        HttpResponse<String> r = browser == null ? app.get("/ads/fill?slots=" + slots) : browser.get("/ads/fill?slots=" + slots);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        return json.readTree(r.body()).get("slots");
    }

    long count(long creativeId, String column) {
        ads().flushCounts();
        return app.database.jdbi().withHandle(h -> h.createQuery("select coalesce(sum(" + column + "), 0) from ad_daily_counts where creative_id = :id")
                .bind("id", creativeId).mapTo(Long.class).one());
    }

    // ---- the admin

    @Test
    void staffAddAnAdAndSeeItListedWithItsCounts() {
        Creative c = create("Support us", "top", 5, true);
        assertThat(c.house()).isTrue();
        assertThat(c.active()).isTrue();
        assertThat(c.linkUrl()).isEqualTo("https://example.org/Support-us");
        String page = editor.get("/admin/ads").body();
        assertThat(page).contains("Support us").contains("showing").contains("house").contains("name=\"_csrf\"")
                .contains("enctype=\"multipart/form-data\"");
        assertThat(editor.get("/admin/ads/" + c.id()).body()).contains("/ads/c/" + c.id()).contains("Not shown yet");
        // the image is a first-party photo, re-encoded by the library
        assertThat(app.masthead.newsroom() != null).isTrue();
    }

    @Test
    void staffEditAnAdKeepingItsImageAndDeleteOneNeverShown() {
        Creative c = create("Editable", "sidebar", 5, false);
        HttpResponse<String> saved = AdFixtures.postMultipart(app, editor, "/admin/ads/" + c.id(),
                AdFixtures.form(Map.of("name", "Edited", "slot", "sidebar", "weight", "7")), null, editor.csrf());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        Creative edited = ads().creative(c.id()).orElseThrow();
        assertThat(edited.name()).isEqualTo("Edited");
        assertThat(edited.weight()).isEqualTo(7);
        assertThat(edited.photoId()).isEqualTo(c.photoId());
        assertThat(editor.post("/admin/ads/" + c.id() + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(ads().creative(c.id())).isEmpty();
    }

    @Test
    void anAdThatWasShownCannotBeDeletedOnlyDeactivated() throws Exception {
        Creative c = create("Shown once", "top", 5, false);
        assertThat(fill(null, "top")).hasSize(1);
        assertThat(editor.post("/admin/ads/" + c.id() + "/delete", Map.of()).statusCode()).isEqualTo(409);
        assertThat(ads().creative(c.id())).isPresent();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        byte[] image = AdFixtures.banner(728, 90, Color.BLUE);
        int before = ads().creatives().size();
        Map<Map<String, String>, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(Map.of("linkUrl", "javascript:alert(1)"), "linkUrl");
        refusals.put(Map.of("linkUrl", "ftp://example.org/file"), "linkUrl");
        refusals.put(Map.of("linkUrl", "//evil.example/x"), "linkUrl");
        refusals.put(Map.of("linkUrl", "/\\evil.example/x"), "linkUrl");
        refusals.put(Map.of("linkUrl", "data:text/html,hi"), "linkUrl");
        refusals.put(Map.of("linkUrl", "https://bank.example@evil.example/"), "linkUrl");
        refusals.put(Map.of("linkUrl", "https://exa mple.org/"), "linkUrl");
        refusals.put(Map.of("altText", "   "), "altText");
        refusals.put(Map.of("altText", "x".repeat(251)), "altText");
        refusals.put(Map.of("name", ""), "name");
        refusals.put(Map.of("weight", "0"), "weight");
        refusals.put(Map.of("weight", "101"), "weight");
        refusals.put(Map.of("weight", "ten"), "weight");
        refusals.put(Map.of("slot", "popup"), "slot");
        refusals.put(Map.of("startsAt", "2027-02-01T10:00", "endsAt", "2027-01-01T10:00"), "endsAt");
        refusals.put(Map.of("startsAt", "tomorrow"), "startsAt");
        refusals.forEach((fields, field) -> {
            HttpResponse<String> r = AdFixtures.postMultipart(app, editor, "/admin/ads", AdFixtures.form(fields), image, editor.csrf());
            assertThat(r.statusCode()).as(fields.toString()).isEqualTo(400);
            assertThat(r.body()).as(fields.toString()).contains(field).doesNotContain("Exception");
        });
        Map<String, String> missingAlt = AdFixtures.form(new HashMap<>(java.util.Collections.singletonMap("altText", null)));
        assertThat(AdFixtures.postMultipart(app, editor, "/admin/ads", missingAlt, image, editor.csrf()).statusCode()).isEqualTo(400);
        assertThat(ads().creatives()).hasSize(before);
    }

    @Test
    void anythingButAnImageIsRefusedWithAClearMessage() {
        HttpResponse<String> text = AdFixtures.postMultipart(app, editor, "/admin/ads", AdFixtures.form(Map.of()),
                "<svg onload=alert(1)>".getBytes(java.nio.charset.StandardCharsets.UTF_8), editor.csrf());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("not a JPEG, PNG or WebP").doesNotContain("Exception");
        HttpResponse<String> bomb = AdFixtures.postMultipart(app, editor, "/admin/ads", AdFixtures.form(Map.of()), AdFixtures.bomb(), editor.csrf());
        assertThat(bomb.statusCode()).isBetween(400, 499);
        assertThat(bomb.body()).doesNotContain("Exception");
        HttpResponse<String> none = AdFixtures.postMultipart(app, editor, "/admin/ads", AdFixtures.form(Map.of()), null, editor.csrf());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("image");
        HttpResponse<String> big = AdFixtures.postMultipart(app, editor, "/admin/ads", AdFixtures.form(Map.of()),
                new byte[3 * 1024 * 1024], editor.csrf());
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(ads().creatives()).noneMatch(c -> c.name().equals("Test ad"));
    }

    @Test
    void theAdminNeedsAnEditorAndTheCsrfToken() {
        assertThat(AdFixtures.postMultipart(app, editor, "/admin/ads", AdFixtures.form(Map.of()),
                AdFixtures.banner(728, 90, Color.GREEN), null).statusCode()).isEqualTo(403);
        assertThat(app.get("/admin/ads").statusCode()).isIn(302, 303, 401);
        StaffBrowser contributor = StaffBrowser.signedIn(app, Role.CONTRIBUTOR);
        assertThat(contributor.get("/admin/ads").statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/ads/settings", Map.of("adLight", "some", "inArticleAfter", "3")).statusCode()).isEqualTo(400);
        assertThat(editor.post("/admin/ads/settings", Map.of("adLight", "none", "inArticleAfter", "0")).statusCode()).isEqualTo(400);
        assertThat(editor.get("/admin/ads/999999").statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/ads/x").statusCode()).isEqualTo(404);
    }

    // ---- serving

    @Test
    void weightsAreRespectedInTheRotation() throws Exception {
        Creative light = create("Light", "sidebar", 1, false);
        Creative heavy = create("Heavy", "sidebar", 3, false);
        int draws = 800;
        int heavyCount = 0;
        for (int i = 0; i < draws; i++) {
            long id = fill(null, "sidebar").get(0).get("id").asLong();
            assertThat(id).isIn(light.id(), heavy.id());
            heavyCount += id == heavy.id() ? 1 : 0;
        }
        // expected 600 of 800; five standard deviations (≈ 12.2 each) either side
        assertThat((double) heavyCount).isCloseTo(600, within(62.0));
        assertThat(count(light.id(), "impressions") + count(heavy.id(), "impressions")).isEqualTo(draws);
    }

    @Test
    void theScheduleIsRespectedWithTheClock() throws Exception {
        Instant now = app.clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Creative c = create("Weekend sale", "top", 5, false, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
        assertThat(fill(null, "top")).isEmpty();
        app.clock.advance(Duration.ofMinutes(90));
        assertThat(fill(null, "top")).singleElement().satisfies(f -> assertThat(f.get("id").asLong()).isEqualTo(c.id()));
        app.clock.advance(Duration.ofHours(1));
        assertThat(fill(null, "top")).isEmpty();
    }

    @Test
    void aFilledSlotCarriesAFirstPartyImageItsAltTextAndTheClickPath() throws Exception {
        Creative c = create("Shape", "top", 5, true);
        JsonNode f = fill(null, "top,nonsense").get(0);
        assertThat(f.get("slot").asText()).isEqualTo("top");
        assertThat(f.get("href").asText()).isEqualTo("/ads/c/" + c.id());
        assertThat(f.get("src").asText()).startsWith("/media/photos/");
        assertThat(f.get("alt").asText()).isEqualTo("Shape (alt)");
        assertThat(f.get("width").asInt()).isEqualTo(728);
        assertThat(f.get("height").asInt()).isEqualTo(90);
        assertThat(app.get(f.get("src").asText()).statusCode()).isEqualTo(200);
        assertThat(fill(null, "")).isEmpty();
    }

    @Test
    void anAdLightReaderGetsNoneOrOneHouseAdAsTheSettingSays() throws Exception {
        create("House top", "top", 5, true);
        create("Sold top", "top", 5, false);
        Creative houseSide = create("House side", "sidebar", 5, true);
        create("Sold side", "sidebar", 50, false);
        create("Sold inline", "in-article", 5, false);
        SignedInReader member = SignedInReader.signIn(app, "adlight" + System.nanoTime() + "@example.org", null);
        Plan plan = app.masthead.membership().activePlans().getFirst();
        assertThat(plan.entitlements()).contains("ad-light");
        app.masthead.membership().grantComplimentary(member.reader().id(), plan.id(), app.clock.instant().plus(Duration.ofDays(30)), "test");

        // everyone else sees every slot filled
        assertThat(fill(null, "top,sidebar,in-article")).hasSize(3);
        SignedInReader plain = SignedInReader.signIn(app, "plain" + System.nanoTime() + "@example.org", null);
        assertThat(fill(plain.browser(), "top,sidebar,in-article")).hasSize(3);

        assertThat(fill(member.browser(), "top,sidebar,in-article")).isEmpty();
        assertThat(ads().slotsShown(Set.of("ad-light", "premium"))).isEmpty();
        assertThat(ads().slotsShown(Set.of())).containsExactlyInAnyOrder("top", "in-article", "sidebar");

        ads().saveSettings(new AdSettings(AdSettings.AdLight.ONE_HOUSE, 3));
        for (int i = 0; i < 20; i++) {
            assertThat(fill(member.browser(), "top,sidebar,in-article")).singleElement()
                    .satisfies(f -> assertThat(f.get("id").asLong()).isEqualTo(houseSide.id()));
        }
        assertThat(ads().slotsShown(Set.of("ad-light"))).containsExactly("sidebar");
        // without a sidebar on the page, the house ad goes in the next gentlest slot with one
        assertThat(fill(member.browser(), "top")).singleElement().satisfies(f -> assertThat(f.get("house").asBoolean()).isTrue());
    }

    @Test
    void impressionsAndClicksAreCountedPerCreativeAndDay() throws Exception {
        Creative c = create("Counted", "top", 5, false);
        for (int i = 0; i < 7; i++) {
            fill(null, "top");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(app.get("/ads/c/" + c.id()).statusCode()).isEqualTo(302);
        }
        assertThat(count(c.id(), "impressions")).isEqualTo(7);
        assertThat(count(c.id(), "clicks")).isEqualTo(3);
        String page = editor.get("/admin/ads").body();
        assertThat(page).contains("<td>7</td>").contains("<td>3</td>").contains("42.9 %");
        // the next day is a new row
        app.clock.advance(Duration.ofDays(1));
        fill(null, "top");
        ads().flushCounts();
        int days = app.database.jdbi().withHandle(h -> h.createQuery("select count(*) from ad_daily_counts where creative_id = :id")
                .bind("id", c.id()).mapTo(Integer.class).one());
        assertThat(days).isEqualTo(2);
    }

    @Test
    void aClickGoesOnlyToTheStoredLink() {
        Creative c = create("Redirecting", "top", 5, false);
        HttpResponse<String> click = app.get("/ads/c/" + c.id() + "?url=https://evil.example/&next=//evil.example");
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue("https://example.org/Redirecting");
        assertThat(click.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(app.get("/ads/c/999999").statusCode()).isEqualTo(404);
        assertThat(app.get("/ads/c/-1").statusCode()).isEqualTo(404);
        assertThat(app.get("/ads/c/https:%2F%2Fevil.example").statusCode()).isEqualTo(404);
        assertThat(app.get("/ads/c/99999999999999999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void theInArticleBoxGoesAfterTheConfiguredParagraph() {
        String body = "<p>One</p><p>Two</p><blockquote><p>Quoted</p></blockquote><p>Three</p><p>Four</p>";
        String placed = ads().placeInArticle(body);
        assertThat(placed).isEqualTo("<p>One</p><p>Two</p><blockquote><p>Quoted</p></blockquote><p>Three</p>" + InArticle.BOX + "<p>Four</p>");
        assertThat(ads().placeInArticle("<p>Short</p>")).isEqualTo("<p>Short</p>");
        assertThat(ads().placeInArticle(placed)).isEqualTo(placed);
    }

    @Test
    void publicPagesCarryTheEmptyBoxesAndTheScriptButNoAd() {
        create("Not in HTML", "top", 5, false);
        String home = app.get("/").body();
        assertThat(home).contains("data-ad-slot=\"top\"").contains("/assets/ads.js?v=").doesNotContain("Not in HTML (alt)");
        assertThat(home).doesNotContain("style=");
        List<String> cookies = app.get("/ads/fill?slots=top").headers().allValues("Set-Cookie");
        assertThat(cookies).isEmpty();
    }
}
