package news.masthead.syndication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedsTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Newsroom newsroom = app.masthead.newsroom();
    static final String base = app.masthead.settings().baseUrl();
    static final Author cy = newsroom.saveAuthor(null, "cy-columnist", "Cy Columnist", "", null);

    static {
        newsroom.saveSection(null, "world", "World", "", 1);
        newsroom.saveSection(null, "sport", "Sport", "Games & results", 2);
        app.clock.advance(Duration.ofDays(-3));
        publish(ArticleDraft.of("An older story", "From three days ago.", "Old text.", "world"));
        app.clock.advance(Duration.ofDays(3));
    }

    static long publish(ArticleDraft draft) {
        long id = newsroom.create(draft, null);
        newsroom.publish(id, null);
        return id;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static SyndFeed rome(HttpResponse<String> response) throws Exception {
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    @Test
    void theRssFeedParsesWithRomeAndCarriesAJustPublishedArticleInFull() throws Exception {
        publish(new ArticleDraft("Cup final tonight & more", "", "Who will win?", "See [the table](/sport/table) **now**.", null,
                "sport", List.of(cy.id()), List.of("Football"), "cup-final", "", "", ""));
        var response = app.get("/rss.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).matches("application/rss\\+xml; ?charset=utf-8");
        SyndFeed feed = rome(response);
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("The Masthead Daily");
        SyndEntry entry = feed.getEntries().stream().filter(e -> e.getTitle().equals("Cup final tonight & more")).findFirst().orElseThrow();
        assertThat(entry.getLink()).isEqualTo(base + "/sport/cup-final");
        assertThat(entry.getContents().getFirst().getValue()).contains("href=\"" + base + "/sport/table\"").contains("<strong>now</strong>");
        assertThat(entry.getDescription().getValue()).isEqualTo("Who will win?");
        assertThat(entry.getAuthors().isEmpty() ? entry.getAuthor() : entry.getAuthors().getFirst().getName()).isEqualTo("Cy Columnist");
        assertThat(entry.getPublishedDate()).isNotNull();
    }

    @Test
    void theAtomFeedParsesWithRomeAndHasASelfLinkAndUpdatedTimes() throws Exception {
        publish(ArticleDraft.of("Atom story", "Summary here.", "Body here.", "world"));
        var response = app.get("/atom.xml");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        SyndFeed feed = rome(response);
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("self");
            assertThat(l.getHref()).isEqualTo(base + "/atom.xml");
        });
        SyndEntry entry = feed.getEntries().stream().filter(e -> e.getTitle().equals("Atom story")).findFirst().orElseThrow();
        assertThat(entry.getUri()).startsWith("urn:uuid:");
        assertThat(entry.getUpdatedDate()).isNotNull();
        assertThat(entry.getContents().getFirst().getValue()).contains("Body here.");
    }

    @Test
    void sectionFeedsHoldOnlyThatSection() throws Exception {
        publish(ArticleDraft.of("Sport only", "", "Text.", "sport"));
        SyndFeed rss = rome(app.get("/sport/rss.xml"));
        assertThat(rss.getTitle()).isEqualTo("Sport | The Masthead Daily");
        assertThat(rss.getEntries()).isNotEmpty().allSatisfy(e -> assertThat(e.getLink()).startsWith(base + "/sport/"));
        SyndFeed atom = rome(app.get("/sport/atom.xml"));
        assertThat(atom.getEntries()).extracting(SyndEntry::getTitle).contains("Sport only").doesNotContain("An older story");
        JsonNode json = new ObjectMapper().readTree(app.get("/sport/feed.json").body());
        assertThat(json.get("feed_url").asText()).isEqualTo(base + "/sport/feed.json");
        assertThat(app.get("/nowhere/rss.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void theJsonFeedFollowsVersion11() throws Exception {
        publish(new ArticleDraft("JSON story", "", "A summary.", "Body.", null, "world", List.of(cy.id()), List.of(), "json-story", "", "", ""));
        var response = app.get("/feed.json");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/feed+json");
        JsonNode feed = new ObjectMapper().readTree(response.body());
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isEqualTo("The Masthead Daily");
        assertThat(feed.get("home_page_url").asText()).isEqualTo(base + "/");
        assertThat(feed.get("feed_url").asText()).isEqualTo(base + "/feed.json");
        JsonNode item = null;
        for (JsonNode i : feed.get("items")) {
            if (i.get("title").asText().equals("JSON story")) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("id").asText()).isNotBlank();
        assertThat(item.get("url").asText()).isEqualTo(base + "/world/json-story");
        assertThat(item.get("content_html").asText()).contains("Body.");
        assertThat(item.get("summary").asText()).isEqualTo("A summary.");
        assertThat(item.get("date_published").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(item.get("date_modified").asText()).isNotBlank();
        assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo("Cy Columnist");
        assertThat(feed.get("items").size()).isLessThanOrEqualTo(Feeds.FEED_ITEMS);
    }

    @Test
    void theSitemapIndexAndItsSitemapsValidateAgainstTheSitemapSchemas() throws Exception {
        publish(ArticleDraft.of("Sitemapped <story>", "", "Text.", "world"));
        var index = app.get("/sitemap.xml");
        assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        validate(index.body(), "siteindex.xsd");
        Document doc = parse(index.body());
        var locs = doc.getElementsByTagNameNS(SitemapWriter.SITEMAP_NS, "loc");
        assertThat(locs.getLength()).isEqualTo(2);
        assertThat(locs.item(0).getTextContent()).isEqualTo(base + "/sitemaps/pages.xml");
        assertThat(locs.item(1).getTextContent()).isEqualTo(base + "/sitemaps/articles-1.xml");

        String articles = app.get("/sitemaps/articles-1.xml").body();
        validate(articles, "sitemap.xsd");
        assertThat(articles).contains(base + "/world/sitemapped-story").contains("<lastmod>");
        String pages = app.get("/sitemaps/pages.xml").body();
        validate(pages, "sitemap.xsd");
        assertThat(pages).contains("<loc>" + base + "/sport</loc>").contains(base + "/author/cy-columnist");
        assertThat(app.get("/sitemaps/articles-2.xml").statusCode()).isEqualTo(404);
        assertThat(app.get("/sitemaps/other.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void theNewsSitemapListsOnlyTheLast48HoursAndValidates() throws Exception {
        publish(ArticleDraft.of("Fresh news & views", "", "Text.", "world"));
        var response = app.get("/news-sitemap.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        validate(response.body(), "sitemap.xsd", "sitemap-news.xsd");
        Document doc = parse(response.body());
        assertThat(doc.getElementsByTagNameNS(SitemapWriter.NEWS_NS, "name").item(0).getTextContent()).isEqualTo("The Masthead Daily");
        assertThat(doc.getElementsByTagNameNS(SitemapWriter.NEWS_NS, "language").item(0).getTextContent()).isEqualTo("en");
        var titles = doc.getElementsByTagNameNS(SitemapWriter.NEWS_NS, "title");
        List<String> shown = new java.util.ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            shown.add(titles.item(i).getTextContent());
        }
        assertThat(shown).contains("Fresh news & views").doesNotContain("An older story");
        assertThat(doc.getElementsByTagNameNS(SitemapWriter.NEWS_NS, "publication_date").item(0).getTextContent()).endsWith("Z");
    }

    @Test
    void robotsTxtAllowsAllButAdminAndSearchAndPointsToTheSitemaps() {
        var response = app.get("/robots.txt");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).contains("User-agent: *").contains("Allow: /\n").contains("Disallow: /admin\n")
                .contains("Disallow: /search\n").contains("Sitemap: " + base + "/sitemap.xml")
                .contains("Sitemap: " + base + "/news-sitemap.xml");
    }

    @Test
    void chineseGetsTheTwoNewsSitemapLanguageCodes() {
        assertThat(SitemapWriter.newsLanguage("zh-TW")).isEqualTo("zh-tw");
        assertThat(SitemapWriter.newsLanguage("zh-Hans-CN")).isEqualTo("zh-cn");
        assertThat(SitemapWriter.newsLanguage("pt-BR")).isEqualTo("pt");
    }

    static void validate(String xml, String... schemas) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Source[] sources = new Source[schemas.length];
        for (int i = 0; i < schemas.length; i++) {
            var url = FeedsTest.class.getResource("/sitemaps/" + schemas[i]);
            sources[i] = new StreamSource(url.openStream(), url.toString());
        }
        Schema schema = factory.newSchema(sources);
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
