package news.masthead.partners;

import com.sun.net.httpserver.HttpServer;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Newsroom;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerFeedTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Newsroom newsroom = app.masthead.newsroom();
    static final Partners partners = app.masthead.partners();
    static final PartnerSite site = new PartnerSite();
    static final AtomicInteger SEQ = new AtomicInteger();

    static {
        newsroom.saveSection(null, "partners", "From our partners", "", 9);
    }

    @AfterAll
    static void stop() {
        site.close();
        app.close();
    }

    /** The partner's web server on 127.0.0.1: each path answers what the test put there (an ETag and 304 for documents). */
    static final class PartnerSite implements AutoCloseable {
        final HttpServer server;
        final Map<String, int[]> statuses = new ConcurrentHashMap<>();
        final Map<String, String> documents = new ConcurrentHashMap<>();

        PartnerSite() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", ex -> {
                try (ex) {
                    String path = ex.getRequestURI().getPath();
                    String doc = documents.get(path);
                    if (doc == null) {
                        ex.sendResponseHeaders(statuses.getOrDefault(path, new int[]{200})[0], -1);
                        return;
                    }
                    byte[] body = doc.getBytes(StandardCharsets.UTF_8);
                    String etag = "\"" + Integer.toHexString(doc.hashCode()) + "\"";
                    ex.getResponseHeaders().add("ETag", etag);
                    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                        ex.sendResponseHeaders(304, -1);
                        return;
                    }
                    ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                    ex.sendResponseHeaders(200, body.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                } catch (IOException e) {
                    // the client went away
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    record Item(String guid, String title, String html, String author) {
    }

    static String rss(String base, List<Item> items) {
        StringBuilder s = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>The Lakeside Ledger</title>
                <link>https://ledger.example</link><description>News from the lake</description>
                """);
        for (Item i : items) {
            s.append("<item><guid isPermaLink=\"false\">").append(i.guid()).append("</guid><link>").append(site.url(base + "/stories/" + i.guid()))
                    .append("</link><title>").append(i.title()).append("</title><dc:creator>").append(i.author())
                    .append("</dc:creator><pubDate>Fri, 20 Nov 2026 09:30:00 GMT</pubDate><description><![CDATA[").append(i.html())
                    .append("]]></description></item>\n");
        }
        return s.append("</channel></rss>").toString();
    }

    /** A partner whose feed lives at {@code /<name>/feed.xml} on the test server. */
    static Partner partner(String name) {
        String slug = name + "-" + SEQ.incrementAndGet();
        return partners.create(new PartnerDraft(slug, "Partner " + slug, "https://" + slug + ".example", null, "By agreement", "partners",
                site.url("/" + slug + "/feed.xml"), true));
    }

    static void serve(Partner p, List<Item> items) {
        site.documents.put("/" + p.slug() + "/feed.xml", rss("/" + p.slug(), items));
    }

    static void serveRaw(Partner p, String body) {
        site.documents.put("/" + p.slug() + "/feed.xml", body);
    }

    static Long articleOf(Partner p, String guid) {
        return partners.article(p.id(), guid).orElseThrow().articleId();
    }

    @Test
    void feedItemsBecomeArticlesOnceAndAChangedItemANewRevision() {
        Partner p = partner("ledger");
        serve(p, List.of(new Item("a", "Ferry timetable changes", "<p>Boats leave <b>earlier</b>.</p><p>Second paragraph.</p>", "Ana Costa"),
                new Item("b", "Lake swim season opens", "<p>The water is warm.</p>", "Bo Lind")));
        assertThat(partners.pollNow(p.id())).contains("2 item(s) read", "created 2");
        assertThat(partners.pollNow(p.id())).contains("Not modified");

        serve(p, List.of(new Item("a", "Ferry timetable changes", "<p>Boats leave <b>earlier</b> from Monday.</p>", "Ana Costa"),
                new Item("b", "Lake swim season opens", "<p>The water is warm.</p>", "Bo Lind")));
        assertThat(partners.pollNow(p.id())).contains("updated 1", "unchanged 1");

        long a = articleOf(p, "a");
        assertThat(newsroom.revisions(a)).hasSize(2);
        assertThat(newsroom.live(a).orElseThrow().bodyHtml()).contains("from Monday").doesNotContain("<b>");
        assertThat(newsroom.countArticles(null, "Ferry timetable changes")).isEqualTo(1);
        String page = app.get(newsroom.article(a).path()).body();
        assertThat(page).contains("From Partner " + p.slug(), "By Ana Costa", "rel=\"canonical\" href=\"" + site.url("/" + p.slug() + "/stories/a"));
        assertThat(partners.requirementOf(a)).contains("partner:" + p.slug());
        assertThat(partners.partner(p.id()).health()).isEqualTo("working");
    }

    @Test
    void anItemThatLeavesTheFeedStaysUntilItsPageAnswers410() {
        Partner p = partner("window");
        serve(p, List.of(new Item("old", "An older story", "<p>Old news.</p>", "C"), new Item("new", "A newer story", "<p>New.</p>", "C")));
        partners.pollNow(p.id());
        long old = articleOf(p, "old");

        serve(p, List.of(new Item("new", "A newer story", "<p>New.</p>", "C")));
        assertThat(partners.pollNow(p.id())).contains("removed 0");
        assertThat(newsroom.article(old).status()).as("a feed is a window: leaving it is not removal").isEqualTo(ArticleStatus.PUBLISHED);

        site.statuses.put("/" + p.slug() + "/stories/old", new int[]{410});
        serve(p, List.of(new Item("new", "A newer story", "<p>New, again.</p>", "C")));
        assertThat(partners.pollNow(p.id())).as("checked at most once a day").contains("removed 0");
        app.clock.advance(Duration.ofDays(2));
        serve(p, List.of(new Item("new", "A newer story", "<p>New, once more.</p>", "C")));
        assertThat(partners.pollNow(p.id())).contains("removed 1");
        assertThat(newsroom.article(old).status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(partners.article(p.id(), "old").orElseThrow().removedReason()).contains("410");
        assertThat(newsroom.article(articleOf(p, "new")).status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void hostileAndBrokenFeedsFailClearlyAndStoreNothing() {
        Map<String, String> hostile = Map.of(
                "xxe", """
                        <?xml version="1.0"?>
                        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                        <rss version="2.0"><channel><title>x</title><item><guid>1</guid><link>https://e.example/1</link><title>&secret;</title><description>d</description></item></channel></rss>""",
                "laughs", """
                        <?xml version="1.0"?>
                        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                        <rss version="2.0"><channel><title>&lol3;</title></channel></rss>""",
                "malformed", "<rss version=\"2.0\"><channel><title>Broken<item><guid>1</guid></channel>",
                "html", "<!doctype html><html><body><p>Not a feed</p></body></html>");
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        for (var bad : hostile.entrySet()) {
            Partner p = partner(bad.getKey());
            serveRaw(p, bad.getValue());
            String report = partners.pollNow(p.id());
            assertThat(report).as(bad.getKey()).startsWith("Failed:");
            Partner after = partners.partner(p.id());
            assertThat(after.health()).isEqualTo("failing");
            assertThat(after.consecutiveFailures()).isEqualTo(1);
            assertThat(after.nextPollAt()).isAfter(app.clock.instant());
            assertThat(partners.articles(p.id(), 10)).as(bad.getKey()).isEmpty();
            assertThat(editor.get("/admin/partners/" + p.id()).body()).contains("failing");
        }
        assertThat(partners.partner(hostileId("xxe")).lastError()).contains("DOCTYPE");

        Partner gone = partner("gone");
        site.statuses.put("/" + gone.slug() + "/feed.xml", new int[]{410});
        assertThat(partners.pollNow(gone.id())).contains("410");
        partners.pollNow(gone.id());
        assertThat(partners.partner(gone.id()).consecutiveFailures()).isEqualTo(2);
        assertThat(editor.get("/admin/partners").body()).contains(gone.name(), "failing", "2 failures in a row");
    }

    private static long hostileId(String prefix) {
        return partners.partners().stream().filter(p -> p.slug().startsWith(prefix + "-")).findFirst().orElseThrow().id();
    }

    @Test
    void aBadItemIsSkippedAndTheRestOfTheFeedStored() {
        Partner p = partner("mixed");
        serve(p, List.of(new Item("fine", "A fine story", "<p>Fine.</p>", "D"), new Item("untitled", "", "<p>No title.</p>", "D"),
                new Item("empty", "Nothing inside", "", "D")));
        String report = partners.pollNow(p.id());
        assertThat(report).contains("created 1", "failed 2", "headline", "text");
        assertThat(partners.articles(p.id(), 10)).extracting(PartnerArticle::guid).containsExactly("fine");
        assertThat(partners.partner(p.id()).health()).isEqualTo("working");
    }

    @Test
    void theFeedImportJobPollsPartnersThatAreDue() {
        Partner p = partner("due");
        serve(p, List.of(new Item("j", "Polled by the job", "<p>Text.</p>", "E")));
        app.masthead.feedImport().pollDue();
        assertThat(partners.article(p.id(), "j")).isPresent();
        assertThat(partners.partner(p.id()).nextPollAt()).isAfter(app.clock.instant());
    }
}
