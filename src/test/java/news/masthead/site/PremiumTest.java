package news.masthead.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.comments.SignedInReader;
import news.masthead.membership.Plan;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Section;
import news.masthead.testing.Eventually;
import news.masthead.testing.RunningMasthead;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Premium articles over real HTTP: what anonymous readers, members and former members get on the
 * page, in feeds, from the content API and from search; the page cache per variant; the admin's
 * access fields.
 */
class PremiumTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Newsroom newsroom = app.masthead.newsroom();
    static final ObjectMapper json = new ObjectMapper();
    /** A word only the gated part of the premium article contains. */
    static final String SECRET = "quokkafjord";
    static final String FREE_WORD = "harbourmaster";
    static final Section premium;
    static final Section town;
    static final long premiumId;
    static final String premiumPath;
    static final Plan member;

    static {
        premium = newsroom.saveSection(null, "premium", "Premium", "For members", 1);
        town = newsroom.saveSection(null, "town", "Town", "", 2);
        newsroom.requireForSection(premium.id(), "premium");
        premiumId = publish("Inside the harbour accounts", "premium", """
                The %s opened the ledgers on Monday.

                Paragraph two is free to read.

                Paragraph three is free as well.

                Paragraph four is where members begin.

                The figure in the ledgers was %s eleven.

                A last paragraph for members.""".formatted(FREE_WORD, SECRET));
        premiumPath = newsroom.live(premiumId).orElseThrow().path();
        app.masthead.membership().ensureDemoPlans();
        member = app.masthead.membership().activePlans().getFirst();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long publish(String headline, String section, String body) {
        long id = newsroom.create(ArticleDraft.of(headline, "A standfirst for " + headline, body, section), null);
        newsroom.publish(id, null);
        return id;
    }

    static SignedInReader memberReader(String email) {
        SignedInReader reader = SignedInReader.signIn(app, email, null);
        app.masthead.membership().grantComplimentary(reader.reader().id(), member.id(), app.clock.instant().plus(Duration.ofDays(2)), "Tess");
        return reader;
    }

    @Test
    void anAnonymousReaderGetsTheFreePartAndTheJoinBox() {
        HttpResponse<String> page = app.get(premiumPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(SECRET).doesNotContain("Paragraph four").contains(FREE_WORD)
                .contains("Paragraph three is free");
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select(".join-box").text()).contains("This is a Premium article").contains("Join for $5 a month");
        assertThat(doc.select(".join-box a[href=/membership]")).isNotEmpty();
        assertThat(doc.select(".article .badge").text()).isEqualTo("Premium");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue(Site.CACHE_CONTROL);
    }

    @Test
    void aMemberReadsTheWholeArticleOnAPrivatePage() {
        SignedInReader ana = memberReader("ana-premium@example.org");
        HttpResponse<String> page = ana.browser().get(premiumPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(SECRET).contains("Paragraph four").doesNotContain("join-box");
        assertThat(Jsoup.parse(page.body()).select(".premium-part").text()).contains(SECRET);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue(Site.PRIVATE_CACHE_CONTROL);
        assertThat(page.headers().firstValue("Vary").orElse("")).contains("Cookie");
    }

    @Test
    void aSignedInReaderWithoutMembershipSharesTheAnonymousPage() {
        SignedInReader bo = SignedInReader.signIn(app, "bo-premium@example.org", null);
        HttpResponse<String> page = bo.browser().get(premiumPath);
        assertThat(page.body()).doesNotContain(SECRET).contains("join-box");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue(Site.CACHE_CONTROL);
    }

    @Test
    void gatingReturnsWhenTheMembershipEnds() {
        SignedInReader cy = memberReader("cy-premium@example.org");
        assertThat(cy.browser().get(premiumPath).body()).contains(SECRET);
        app.clock.advance(Duration.ofDays(3));
        HttpResponse<String> after = cy.browser().get(premiumPath);
        assertThat(after.body()).doesNotContain(SECRET).contains("join-box");
        assertThat(after.headers().firstValue("Cache-Control")).hasValue(Site.CACHE_CONTROL);
    }

    @Test
    void joiningShowsTheFullTextAtOnce() {
        SignedInReader di = SignedInReader.signIn(app, "di-premium@example.org", null);
        assertThat(di.browser().get(premiumPath).body()).doesNotContain(SECRET);
        app.masthead.membership().grantComplimentary(di.reader().id(), member.id(), app.clock.instant().plus(Duration.ofDays(2)), "Tess");
        assertThat(di.browser().get(premiumPath).body()).contains(SECRET);
    }

    @Test
    void theAnonymousPageIsCachedAndSharedButAMembersPageNeverReachesAnyoneElse() {
        long id = publish("Cache check for members", "premium", "One.\n\nTwo.\n\nThree.\n\nFour.\n\nOnly for " + SECRET + " members.");
        String path = newsroom.live(id).orElseThrow().path();
        SignedInReader ed = memberReader("ed-premium@example.org");
        assertThat(ed.browser().get(path).body()).contains(SECRET);
        long hits = app.masthead.pageCache().hits();
        HttpResponse<String> first = app.get(path);
        HttpResponse<String> second = app.get(path);
        assertThat(first.body()).doesNotContain(SECRET);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(app.masthead.pageCache().hits()).isGreaterThan(hits);
        assertThat(ed.browser().get(path).body()).contains(SECRET);
    }

    @Test
    void feedsCarryOnlyTheFreePartAndALink() {
        for (String feed : new String[] {"/rss.xml", "/atom.xml", "/feed.json", "/premium/rss.xml", "/premium/feed.json"}) {
            HttpResponse<String> response = app.get(feed);
            assertThat(response.statusCode()).as(feed).isEqualTo(200);
            assertThat(response.body()).as(feed).contains(FREE_WORD).doesNotContain(SECRET).doesNotContain("Paragraph four")
                    .contains("the rest is for members");
        }
    }

    @Test
    void theContentApiGivesTheFreePartWithoutATokenAndTheWholeTextWithOne() throws Exception {
        HttpResponse<String> open = app.get("/api/v1/articles/" + premiumId);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).doesNotContain(SECRET);
        JsonNode article = json.readTree(open.body());
        assertThat(article.path("requires").asText()).isEqualTo("premium");
        assertThat(article.path("complete").asBoolean()).isFalse();
        assertThat(app.get("/api/v1/articles?pageSize=100").body()).doesNotContain(SECRET).contains("\"requires\":\"premium\"");

        String token = app.masthead.accounts().createApiToken("premium app");
        HttpResponse<String> full = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/articles/" + premiumId)))
                .header("Authorization", "Bearer " + token).build());
        assertThat(full.body()).contains(SECRET);
        assertThat(json.readTree(full.body()).path("complete").asBoolean()).isTrue();
        assertThat(full.headers().firstValue("Cache-Control")).hasValue("private, no-store");

        HttpResponse<String> wrong = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/articles/" + premiumId)))
                .header("Authorization", "Bearer mh_not-a-real-token").build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(SECRET);
    }

    @Test
    void searchFindsTheFreePartOnlyAndItsSnippetsHoldNoGatedText() throws Exception {
        Eventually.awaitTrue("the premium article indexed", () -> app.get("/api/v1/search?q=" + FREE_WORD).body().contains(premiumPath));
        HttpResponse<String> byFreeWord = app.get("/api/v1/search?q=" + FREE_WORD);
        assertThat(byFreeWord.body()).doesNotContain(SECRET).doesNotContain("Paragraph four");
        // probing with a word of the gated part finds nothing of the gated article (other tests' free articles share the word)
        String probe = app.get("/api/v1/search?q=" + SECRET).body();
        assertThat(probe).doesNotContain(premiumPath);
        assertThat(app.get("/search?q=" + SECRET).body()).doesNotContain("Inside the harbour accounts");
        assertThat(app.get("/search?q=" + SECRET + "+eleven").body()).doesNotContain("Inside the harbour accounts");
    }

    @Test
    void structuredDataMarksTheGatedPart() throws Exception {
        Document doc = Jsoup.parse(app.get(premiumPath).body());
        JsonNode ld = json.readTree(doc.select("script[type=application/ld+json]").first().data());
        assertThat(ld.path("isAccessibleForFree").isBoolean()).isTrue();
        assertThat(ld.path("isAccessibleForFree").asBoolean()).isFalse();
        assertThat(ld.path("hasPart").path("@type").asText()).isEqualTo("WebPageElement");
        assertThat(ld.path("hasPart").path("isAccessibleForFree").asBoolean(true)).isFalse();
        String selector = ld.path("hasPart").path("cssSelector").asText();
        assertThat(selector).isEqualTo(".premium-part");
        assertThat(doc.select(selector)).hasSize(1);

        long free = publish("A free story", "town", "Free for all.\n\nAll of it.");
        JsonNode freeLd = json.readTree(Jsoup.parse(app.get(newsroom.live(free).orElseThrow().path()).body())
                .select("script[type=application/ld+json]").first().data());
        assertThat(freeLd.has("isAccessibleForFree")).isFalse();
        assertThat(freeLd.has("hasPart")).isFalse();
    }

    @Test
    void listsShowThePremiumBadge() {
        Document section = Jsoup.parse(app.get("/premium").body());
        assertThat(section.select(".teaser .badge").eachText()).contains("Premium");
        Document home = Jsoup.parse(app.get("/").body());
        assertThat(home.select(".badge").eachText()).contains("Premium");
    }

    @Test
    void anEditorMakesAnArticlePremiumAndReadersSeeItAtOnce() {
        long id = publish("Council budget explained", "town", "One " + FREE_WORD + ".\n\nTwo.\n\nThree.\n\nFour.\n\nThe " + SECRET + " detail.");
        String path = newsroom.live(id).orElseThrow().path();
        assertThat(app.get(path).body()).contains(SECRET);
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        String form = editor.get("/admin/articles/" + id).body();
        assertThat(Jsoup.parse(form).select("select#requires option[value=premium]")).hasSize(1);

        Map<String, String> fields = formFields(form);
        fields.put("requires", "premium");
        HttpResponse<String> withoutToken = editor.postExactly("/admin/articles/" + id, without(fields, "_csrf"));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(app.get(path).body()).contains(SECRET);

        HttpResponse<String> saved = editor.post("/admin/articles/" + id, fields);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(newsroom.ownRequirement(id)).isEqualTo("premium");
        assertThat(app.get(path).body()).doesNotContain(SECRET).contains("join-box");
        assertThat(app.get("/town/rss.xml").body()).doesNotContain(SECRET);

        fields.put("requires", "");
        assertThat(editor.post("/admin/articles/" + id, fields).statusCode()).isEqualTo(303);
        assertThat(app.get(path).body()).contains(SECRET);
    }

    @Test
    void anUnknownEntitlementIsRefusedNamingTheField() {
        long id = publish("Refused access", "town", "One.\n\nTwo.");
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        Map<String, String> fields = formFields(editor.get("/admin/articles/" + id).body());
        fields.put("requires", "gold<script>");
        HttpResponse<String> refused = editor.post("/admin/articles/" + id, fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("select#requires[aria-invalid=true]")).hasSize(1);
        assertThat(newsroom.ownRequirement(id)).isNull();

        HttpResponse<String> section = editor.post("/admin/sections/" + town.id(), Map.of("name", "Town", "slug", "town",
                "description", "", "position", "2", "requires", "ad-light"));
        assertThat(section.statusCode()).isEqualTo(400);
        assertThat(section.body()).contains("not an entitlement an article can require");
        assertThat(newsroom.sectionRequirements()).doesNotContainKey(town.id());

        String token = app.masthead.accounts().createApiToken("refused app");
        HttpResponse<String> api = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/admin/v1/articles")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"headline": "H", "standfirst": "S", "body": "B", "section": "town", "requires": "platinum"}""")).build());
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"field\":\"requires\"");
    }

    @Test
    void theAdminApiSetsAndReportsTheRequirement() throws Exception {
        String token = app.masthead.accounts().createApiToken("writer app");
        HttpResponse<String> created = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/admin/v1/articles")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"headline": "Partner story", "standfirst": "S", "body": "B", "section": "town", "requires": "partner:the-partner"}""")).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode out = json.readTree(created.body());
        assertThat(out.path("requires").asText()).isEqualTo("partner:the-partner");
        assertThat(newsroom.ownRequirement(out.path("id").asLong())).isEqualTo("partner:the-partner");
    }

    @Test
    void aSectionMadePremiumGatesItsArticlesAndFreeingItUngatesThem() {
        Section sport = newsroom.saveSection(null, "sport", "Sport", "", 3);
        long id = publish("Cup final report", "sport", "One.\n\nTwo.\n\nThree.\n\nFour.\n\nThe " + SECRET + " goal.");
        String path = newsroom.live(id).orElseThrow().path();
        assertThat(app.get(path).body()).contains(SECRET);
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        assertThat(editor.post("/admin/sections/" + sport.id(), Map.of("name", "Sport", "slug", "sport", "description", "",
                "position", "3", "requires", "premium")).statusCode()).isEqualTo(303);
        assertThat(app.get(path).body()).doesNotContain(SECRET).contains("join-box");
        assertThat(editor.get("/admin/sections").body()).contains("Premium");
        assertThat(editor.post("/admin/sections/" + sport.id(), Map.of("name", "Sport", "slug", "sport", "description", "",
                "position", "3", "requires", "")).statusCode()).isEqualTo(303);
        assertThat(app.get(path).body()).contains(SECRET);
    }

    @Test
    void aRuleFromAnotherFeatureGatesAnArticle() {
        long id = publish("Magazine cover story", "town", "One.\n\nTwo.\n\nThree.\n\nFour.\n\nThe " + SECRET + " cover.");
        String path = newsroom.live(id).orElseThrow().path();
        app.masthead.site().gate().addRule(articleId -> articleId == id ? java.util.Optional.of("magazine") : java.util.Optional.empty());
        newsroom.accessChanged(java.util.List.of(id));
        HttpResponse<String> page = app.get(path);
        assertThat(page.body()).doesNotContain(SECRET).contains("This is a Magazine article");
        SignedInReader fi = memberReader("fi-premium@example.org");
        assertThat(fi.browser().get(path).body()).contains(SECRET);
    }

    static Map<String, String> formFields(String html) {
        Document doc = Jsoup.parse(html);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        doc.select("form#article-form input[name], form#article-form textarea[name], form#article-form select[name]").forEach(e -> {
            String name = e.attr("name");
            if (e.tagName().equals("select")) {
                var selected = e.select("option[selected]");
                fields.put(name, selected.isEmpty() ? e.select("option").first() == null ? "" : e.select("option").first().val() : selected.first().val());
            } else if (e.tagName().equals("textarea")) {
                fields.put(name, e.wholeText());
            } else if (!e.attr("type").equals("checkbox") || e.hasAttr("checked")) {
                fields.put(name, e.val());
            }
        });
        fields.put("action", "save");
        return fields;
    }

    static Map<String, String> without(Map<String, String> fields, String name) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(fields);
        copy.remove(name);
        return copy;
    }
}
