package news.masthead.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.newsroom.ArticleChange;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.syndication.Feeds;
import news.masthead.syndication.JsonLd;
import news.masthead.testing.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The article page with photos (which the running app gets from the photo library), and cache invalidation. */
class ArticlePageTest {
    static final String BASE = "https://news.example";
    static final Database db = TestDatabases.fresh();
    static final Newsroom newsroom = new Newsroom(db, new Clocks.Settable(Instant.parse("2026-11-20T09:00:00Z")));
    static final PhotoFigures photos = id -> id == 7 ? Optional.empty()
            : Optional.of(new PhotoFigures.Figure("/media/" + id + "/960.webp", "/media/" + id + "/480.webp 480w, /media/" + id + "/960.webp 960w",
            960, 640, "Flooded street in Río", "Water covers the main street", "Ana \"Lens\" <Pérez>"));
    static final Templates templates = new Templates();
    static final Web web = new Web(templates, new Csrf(false), Json.mapper(), new ErrorPages(templates, Json.mapper()), new Assets());
    static final Pages pages = new Pages(newsroom, photos, templates, web.assets(), new JsonLd(Json.mapper()), () -> BASE);
    static final Site site = new Site(db, newsroom, new Feeds(newsroom, () -> BASE, id -> Optional.empty(), Json.mapper(),
            new Clocks.Settable(Instant.parse("2026-11-20T09:00:00Z"))), photos, web, new news.masthead.platform.cache.PageCache(), () -> BASE);
    static final List<ArticleChange> changes = new ArrayList<>();
    static final Author dee;
    static final long photoId;

    static {
        newsroom.onChange(changes::add);
        newsroom.saveSection(null, "world", "World", "", 1);
        dee = newsroom.saveAuthor(null, "dee", "Dee Desk", "", null);
        photoId = db.jdbi().withHandle(h -> h.createQuery("""
                insert into photos (sha256, original_name, mime, width, height, bytes)
                values ('abc', 'flood.jpg', 'image/jpeg', 960, 640, '\\x00') returning id""").mapTo(Long.class).one());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Document render(long id) {
        Page page = pages.article(site.settings(), newsroom.live(id).orElseThrow());
        assertThat(page.status()).isEqualTo(200);
        return Jsoup.parse(page.text(), BASE);
    }

    @Test
    void theLeadPhotoIsAFigureWithResponsiveImageAndCreditedCaption() throws Exception {
        long id = newsroom.create(new ArticleDraft("Streets under water", "", "", "Text.", photoId, "world", List.of(dee.id()),
                List.of(), "streets-under-water", "", "", ""), null);
        newsroom.publish(id, null);
        Document doc = render(id);
        Element img = doc.selectFirst("figure.lead-photo img");
        assertThat(img).isNotNull();
        assertThat(img.attr("srcset")).contains("480w").contains("960w");
        assertThat(img.attr("sizes")).isNotBlank();
        assertThat(img.attr("alt")).isEqualTo("Flooded street in Río");
        assertThat(img.attr("width")).isEqualTo("960");
        assertThat(img.attr("height")).isEqualTo("640");
        assertThat(doc.select("figure figcaption").text())
                .isEqualTo("Water covers the main street photo credit: Ana \"Lens\" <Pérez>");
        assertThat(doc.select("meta[property=og:image]").attr("content")).isEqualTo(BASE + "/media/" + photoId + "/960.webp");
        JsonNode ld = new ObjectMapper().readTree(doc.select("script[type=application/ld+json]").first().data());
        assertThat(ld.get("image").get(0).asText()).isEqualTo(BASE + "/media/" + photoId + "/960.webp");
    }

    @Test
    void aHostileHeadlineCannotBreakOutOfTheJsonLdScript() throws Exception {
        String headline = "</script><script>alert(1)</script> & \u2028 \"quoted\"";
        long id = newsroom.create(ArticleDraft.of(headline, "", "Text.", "world"), null);
        newsroom.publish(id, null);
        Page page = pages.article(site.settings(), newsroom.live(id).orElseThrow());
        // six scripts end: the JSON-LD and the (empty, external) form-token, consent, ads, comments and appeal scripts; the headline ends none
        assertThat(page.text()).doesNotContain("<script>alert");
        assertThat(page.text().split("</script>", -1)).hasSize(7);
        Document doc = Jsoup.parse(page.text());
        JsonNode ld = new ObjectMapper().readTree(doc.select("script[type=application/ld+json]").first().data());
        assertThat(ld.get("headline").asText()).isEqualTo(headline);
    }

    @Test
    void aMissingPhotoLeavesNoEmptyFigure() {
        long id = newsroom.create(ArticleDraft.of("No photo here", "", "Text.", "world"), null);
        newsroom.publish(id, null);
        assertThat(render(id).select("figure")).isEmpty();
    }

    @Test
    void aChangeInvalidatesTheArticleItsListsFeedsAndSitemaps() {
        long id = newsroom.create(new ArticleDraft("Keys story", "", "", "Text.", null, "world", List.of(dee.id()),
                List.of("Storms"), "keys-story", "", "", ""), null);
        newsroom.publish(id, null);
        ArticleChange published = changes.getLast();
        assertThat(site.invalidationKeys(published)).contains("article:" + id, "section:world", "home", "author:dee",
                "tag:storms", "feeds", "sitemaps");
        newsroom.unpublish(id);
        ArticleChange unpublished = changes.getLast();
        assertThat(unpublished.kind()).isEqualTo(ArticleChange.Kind.UNPUBLISHED);
        assertThat(site.invalidationKeys(unpublished)).contains("article:" + id, "section:world", "home", "author:dee",
                "tag:storms", "feeds", "sitemaps");
    }

    @Test
    void listPagesCarryTheKeysOfTheArticlesTheyShow() {
        long id = newsroom.create(ArticleDraft.of("Listed story", "", "Text.", "world"), null);
        newsroom.publish(id, null);
        Page home = pages.home(site.settings());
        assertThat(home.surrogateKeys()).contains("home", "site", "article:" + id);
        Page section = pages.section(site.settings(), "world", 1).orElseThrow();
        assertThat(section.surrogateKeys()).contains("section:world", "article:" + id);
    }
}
