package news.masthead.syndication.feedin;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.newsroom.Article;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Revision;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static news.masthead.syndication.feedin.Feeds.Item;
import static org.assertj.core.api.Assertions.assertThat;

class FeedImportTest {
    static final Database db = TestDatabases.fresh();
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-03-02T12:00:00Z"));
    static final Newsroom newsroom = new Newsroom(db, clock);
    static final FeedServer server = new FeedServer();
    static final FeedImport feeds = feedImport();
    static final AtomicInteger SEQ = new AtomicInteger();

    static FeedImport feedImport() {
        ObjectMapper json = Json.mapper();
        Templates templates = new Templates();
        Web web = new Web(templates, new Csrf(false), json, new ErrorPages(templates, json), new Assets());
        newsroom.saveSection(null, "wire", "Wire", "", 0);
        return new FeedImport(db, newsroom, web, clock, (ctx, role) -> {
            throw WebError.unauthorized("no one signs in here");
        }, new SafeFetcher.Limits(200_000, 100_000, Duration.ofSeconds(2), Duration.ofSeconds(2), 5));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static String unique(String what) {
        return what + "-" + SEQ.incrementAndGet();
    }

    static long source(String path, boolean publish, boolean fullPage, boolean internal) {
        return feeds.addSource(new SourceSettings(server.url(path), "", "wire", "Originally published by The Other Paper", "CC BY 4.0",
                publish, fullPage, internal));
    }

    static Item item(String topic) {
        return new Item("urn:" + topic, server.url("/stories/" + topic), "All about " + topic, Feeds.story(topic, 4),
                "A short summary of " + topic + ".", "Jane Doe");
    }

    static List<FeedItem> logOf(long sourceId) {
        return feeds.items(sourceId, 100);
    }

    static Article articleOf(FeedItem item) {
        return newsroom.article(item.articleId());
    }

    static int articleCount() {
        return newsroom.countArticles(null, "");
    }

    @Test
    void rssItemsBecomeDraftsWithTheirCanonicalLinkAndAttribution() {
        String path = "/" + unique("rss") + ".xml";
        Item a = item(unique("bridges"));
        Item b = item(unique("tunnels"));
        server.document(path, "application/rss+xml", Feeds.rss(List.of(a, b)));
        long id = source(path, false, false, true);

        PollReport report = feeds.pollNow(id);

        assertThat(report.ok()).as(report.message()).isTrue();
        assertThat(report.count(ItemOutcome.IMPORTED)).isEqualTo(2);
        FeedItem first = logOf(id).stream().filter(i -> i.guid().equals(a.id())).findFirst().orElseThrow();
        Article article = articleOf(first);
        Revision r = article.current();
        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(r.headline()).isEqualTo(a.title());
        assertThat(r.canonicalUrl()).isEqualTo(a.link());
        assertThat(r.sourceUrl()).isEqualTo(a.link());
        assertThat(r.sourceName()).isEqualTo("Originally published by The Other Paper · By Jane Doe · CC BY 4.0");
        assertThat(r.bodyMarkdown()).contains(Feeds.sentence(a.id().substring(4), 3)).doesNotContain("<p>");
        assertThat(r.sectionId()).isEqualTo(newsroom.section("wire").orElseThrow().id());
        assertThat(feeds.source(id).orElseThrow().lastSuccessAt()).isEqualTo(clock.instant());
    }

    @Test
    void atomItemsLandPublishedWhenTheSourceSaysSo() {
        String path = "/" + unique("atom") + ".xml";
        Item a = item(unique("harbours"));
        server.document(path, "application/atom+xml", Feeds.atom(List.of(a)));
        long id = source(path, true, false, true);

        assertThat(feeds.pollNow(id).count(ItemOutcome.IMPORTED)).isEqualTo(1);

        Article article = articleOf(logOf(id).getFirst());
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.current().canonicalUrl()).isEqualTo(a.link());
        assertThat(article.current().sourceName()).contains("By Jane Doe");
    }

    @Test
    void jsonFeedItemsAreImported() {
        String path = "/" + unique("feed") + ".json";
        Item a = item(unique("orchards"));
        server.document(path, "application/feed+json", Feeds.json(List.of(a)));
        long id = source(path, false, false, true);

        assertThat(feeds.pollNow(id).count(ItemOutcome.IMPORTED)).isEqualTo(1);

        Revision r = articleOf(logOf(id).getFirst()).current();
        assertThat(r.headline()).isEqualTo(a.title());
        assertThat(r.canonicalUrl()).isEqualTo(a.link());
        assertThat(r.standfirst()).isEqualTo(a.summary());
    }

    @Test
    void aSecondPollAnsweredNotModifiedChangesNothing() {
        String path = "/" + unique("etag") + ".xml";
        server.document(path, "application/rss+xml", Feeds.rss(List.of(item(unique("ferries")))));
        long id = source(path, false, false, true);
        feeds.pollNow(id);
        int articles = articleCount();
        List<FeedItem> before = logOf(id);

        PollReport again = feeds.pollNow(id);

        assertThat(again.ok()).isTrue();
        assertThat(again.message()).contains("Not modified");
        assertThat(server.conditionalRequests(path)).isEqualTo(1);
        assertThat(articleCount()).isEqualTo(articles);
        assertThat(logOf(id)).isEqualTo(before);
    }

    @Test
    void aChangedItemBecomesANewRevisionAndAnUnchangedOneDoesNot() {
        String path = "/" + unique("changes") + ".xml";
        Item a = item(unique("canals"));
        Item b = item(unique("locks"));
        server.document(path, "application/rss+xml", Feeds.rss(List.of(a, b)));
        long id = source(path, true, false, true);
        feeds.pollNow(id);

        Item changed = new Item(a.id(), a.link(), a.title() + " (updated)", a.content() + "<p>A late addition to the story.</p>", a.summary(), a.author());
        server.document(path, "application/rss+xml", Feeds.rss(List.of(changed, b)));
        PollReport report = feeds.pollNow(id);

        assertThat(report.count(ItemOutcome.UPDATED)).isEqualTo(1);
        assertThat(report.count(ItemOutcome.UNCHANGED)).isEqualTo(1);
        FeedItem row = logOf(id).stream().filter(i -> i.guid().equals(a.id())).findFirst().orElseThrow();
        Article article = articleOf(row);
        assertThat(row.status()).isEqualTo("updated");
        assertThat(article.current().number()).isEqualTo(2);
        assertThat(article.publishedRevisionNumber()).isEqualTo(2);
        assertThat(article.current().bodyMarkdown()).contains("A late addition");
        assertThat(newsroom.revisions(article.id())).hasSize(2);
    }

    @Test
    void anItemEditedHereIsNotOverwrittenByTheSource() {
        String path = "/" + unique("edited") + ".xml";
        Item a = item(unique("ferry-fares"));
        server.document(path, "application/rss+xml", Feeds.rss(List.of(a)));
        long id = source(path, false, false, true);
        feeds.pollNow(id);
        Article article = articleOf(logOf(id).getFirst());
        var ours = news.masthead.newsroom.ArticleDraft.of("Our own headline", "", "Our own words.", "wire");
        newsroom.save(article.id(), 1, ours, null);

        server.document(path, "application/rss+xml", Feeds.rss(List.of(new Item(a.id(), a.link(), "Changed there", a.content(), a.summary(), a.author()))));
        assertThat(feeds.pollNow(id).count(ItemOutcome.KEPT)).isEqualTo(1);

        assertThat(newsroom.article(article.id()).current().headline()).isEqualTo("Our own headline");
        assertThat(logOf(id).getFirst().status()).isEqualTo("kept");
    }

    @Test
    void anItemRemovedFromTheFeedIsLeftAsItIs() {
        String path = "/" + unique("removed") + ".xml";
        Item a = item(unique("piers"));
        Item b = item(unique("jetties"));
        server.document(path, "application/rss+xml", Feeds.rss(List.of(a, b)));
        long id = source(path, true, false, true);
        feeds.pollNow(id);
        FeedItem gone = logOf(id).stream().filter(i -> i.guid().equals(b.id())).findFirst().orElseThrow();

        server.document(path, "application/rss+xml", Feeds.rss(List.of(a)));
        assertThat(feeds.pollNow(id).ok()).isTrue();

        Article article = articleOf(gone);
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.current().number()).isEqualTo(1);
    }

    @Test
    void aSummaryOnlyFeedHasEachPageFetchedAndExtracted() {
        String path = "/" + unique("summary") + ".xml";
        String topic = unique("tram-lines");
        server.document("/pages/" + topic + ".html", "text/html; charset=utf-8", Feeds.page("Trams return to the valley", Feeds.story(topic, 5)));
        Item summaryOnly = new Item("urn:" + topic, server.url("/pages/" + topic + ".html"), "Trams return", "", "Trams are back.", "");
        server.document(path, "application/rss+xml", Feeds.rss(List.of(summaryOnly)));
        long id = source(path, false, false, true);

        PollReport report = feeds.pollNow(id);

        assertThat(report.count(ItemOutcome.IMPORTED)).as(report.toString() + logOf(id)).isEqualTo(1);
        Revision r = articleOf(logOf(id).getFirst()).current();
        assertThat(r.bodyMarkdown()).contains(Feeds.sentence(topic, 4)).doesNotContain("Privacy");
        assertThat(r.standfirst()).isEqualTo("Trams are back.");
        assertThat(r.sourceName()).contains("By Pat Writer");
    }

    @Test
    void aPageThatIsNotAnArticleFailsThatItemOnly() {
        String path = "/" + unique("mixed") + ".xml";
        server.document("/pages/login.html", "text/html", "<html><body><form><input name=q><button>Sign in</button></form></body></html>");
        Item bad = new Item("urn:" + unique("login"), server.url("/pages/login.html"), "Sign in", "", "", "");
        Item good = item(unique("ports"));
        server.document(path, "application/rss+xml", Feeds.rss(List.of(bad, good)));
        long id = source(path, false, false, true);

        PollReport report = feeds.pollNow(id);

        assertThat(report.ok()).isTrue();
        assertThat(report.count(ItemOutcome.IMPORTED)).isEqualTo(1);
        assertThat(report.count(ItemOutcome.FAILED)).isEqualTo(1);
        FeedItem failed = logOf(id).stream().filter(i -> i.guid().equals(bad.id())).findFirst().orElseThrow();
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).contains("does not look like an article");
        assertThat(failed.articleId()).isNull();
    }

    @Test
    void theSameStoryFromTwoSourcesIsFlaggedNotDoubled() {
        String topic = unique("flood-defences");
        Item there = item(topic);
        Item here = new Item("urn:other:" + topic, server.url("/elsewhere/" + topic), "Flood defences: the full story",
                Feeds.story(topic, 4) + "<p>Additional reporting by our correspondent.</p>", "Summary", "Someone Else");
        String first = "/" + unique("first") + ".xml";
        String second = "/" + unique("second") + ".xml";
        server.document(first, "application/rss+xml", Feeds.rss(List.of(there)));
        server.document(second, "application/atom+xml", Feeds.atom(List.of(here)));
        long a = source(first, false, false, true);
        long b = source(second, false, false, true);
        feeds.pollNow(a);
        int articles = articleCount();

        PollReport report = feeds.pollNow(b);

        assertThat(report.count(ItemOutcome.DUPLICATE)).isEqualTo(1);
        assertThat(articleCount()).isEqualTo(articles);
        FeedItem dup = logOf(b).getFirst();
        assertThat(dup.status()).isEqualTo("duplicate");
        assertThat(dup.duplicateOfArticleId()).isEqualTo(logOf(a).getFirst().articleId());
        assertThat(dup.articleId()).isNull();
    }

    @Test
    void aStoreInterruptedBeforeItWasRecordedIsNotDoubledByTheNextPoll() {
        String path = "/" + unique("crash") + ".xml";
        Item a = item(unique("sluices"));
        server.document(path, "application/rss+xml", Feeds.rss(List.of(a)));
        long id = source(path, true, false, true);
        feeds.pollNow(id);
        long articleId = logOf(id).getFirst().articleId();
        int articles = articleCount();
        // the state a process leaves when it dies after Newsroom.create committed and before the mapping was written
        db.jdbi().useHandle(h -> h.createUpdate("""
                update feed_items set article_id = null, revision = null, signature = null, status = 'storing', content_hash = ''
                where source_id = :s""").bind("s", id).execute());
        server.document(path, "application/rss+xml", Feeds.rss(List.of(a)) + " ");

        PollReport report = feeds.pollNow(id);

        assertThat(report.count(ItemOutcome.IMPORTED)).isEqualTo(1);
        assertThat(articleCount()).isEqualTo(articles);
        assertThat(logOf(id).getFirst().articleId()).isEqualTo(articleId);
        assertThat(logOf(id).getFirst().status()).isEqualTo("imported");
    }

    @Test
    void aPrivateAddressIsRefusedForASourceNotMarkedInternal() {
        String path = "/" + unique("private") + ".xml";
        server.document(path, "application/rss+xml", Feeds.rss(List.of(item(unique("secrets")))));
        long id = source(path, false, false, false);

        assertRefused(id, "127.0.0.1", "private, loopback or reserved");
    }

    @Test
    void aRedirectLoopIsRefused() {
        String path = "/" + unique("loop") + ".xml";
        server.status(path, 302, "Location", path);
        assertRefused(source(path, false, false, true), "Redirect loop");
    }

    @Test
    void tooManyRedirectsAreRefused() {
        String base = "/" + unique("hops");
        for (int i = 0; i < 8; i++) {
            server.status(base + i, 301, "Location", base + (i + 1));
        }
        assertRefused(source(base + 0, false, false, true), "Too many redirects");
    }

    @Test
    void aRedirectToAPrivateAddressIsRefused() {
        String path = "/" + unique("bounce") + ".xml";
        server.status(path, 302, "Location", "http://169.254.169.254/latest/meta-data/");
        // the source itself is on a public-looking name; only the hop points inside
        long id = source(path, false, false, true);
        db.jdbi().useHandle(h -> h.createUpdate("update feed_sources set internal = false where id = :id").bind("id", id).execute());
        assertRefused(id, "private, loopback or reserved");
    }

    @Test
    void aFeedThatNeverFinishesTimesOut() {
        String path = "/" + unique("slow") + ".xml";
        server.on(path, ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertRefused(source(path, false, false, true), "Timed out");
    }

    @Test
    void anOversizedFeedIsRefusedWhileStreaming() {
        String path = "/" + unique("huge") + ".xml";
        server.on(path, ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no length to refuse up front
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = ("<item><title>" + "x".repeat(1000) + "</title></item>").getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 1000; i++) {
                    out.write(chunk);
                }
            }
        });
        assertRefused(source(path, false, false, true), "too large");
    }

    @Test
    void anExternalEntityIsNeverResolved() {
        String path = "/" + unique("xxe") + ".xml";
        server.document(path, "application/rss+xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>x</title><item><guid>1</guid><link>https://x.example/1</link><title>&secret;</title>
                <description>leak</description></item></channel></rss>""");
        assertRefused(source(path, false, false, true), "DOCTYPE");
    }

    @Test
    void billionLaughsIsRefusedWithoutExpanding() {
        String path = "/" + unique("lol") + ".xml";
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        server.document(path, "application/rss+xml", "<?xml version=\"1.0\"?>" + dtd + "]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        assertRefused(source(path, false, false, true), "DOCTYPE");
    }

    @Test
    void aFeedThatLiesAboutItsEncodingIsRefused() {
        String path = "/" + unique("latin") + ".xml";
        String rss = Feeds.rss(List.of(item(unique("café-culture")))).replace("All about", "Crème brûlée and");
        server.document(path, "application/rss+xml; charset=utf-8", rss.getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(source(path, false, false, true), "not valid UTF-8");
    }

    @Test
    void aWebPageIsNotAFeed() {
        String path = "/" + unique("notafeed");
        server.document(path, "text/html", "<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>");
        assertRefused(source(path, false, false, true), "feed");
    }

    @Test
    void truncatedXmlIsRefused() {
        String path = "/" + unique("truncated") + ".xml";
        String rss = Feeds.rss(List.of(item(unique("cut")), item(unique("short"))));
        server.document(path, "application/rss+xml", rss.substring(0, rss.length() / 2));
        assertRefused(source(path, false, false, true), "not a readable RSS or Atom feed");
    }

    @Test
    void failuresBackOffExponentiallyAndSuccessResetsThem() {
        String path = "/" + unique("flaky") + ".xml";
        server.status(path, 500);
        long id = source(path, false, false, true);
        Instant start = clock.instant();
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            feeds.pollNow(id);
            FeedSource s = feeds.source(id).orElseThrow();
            waits.add(Duration.between(clock.instant(), s.nextPollAt()));
            clock.set(s.nextPollAt());
        }
        assertThat(waits).containsExactly(Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16));
        assertThat(feeds.source(id).orElseThrow().consecutiveFailures()).isEqualTo(4);
        assertThat(Poller.backoff(30, null)).isEqualTo(Duration.ofHours(6));

        server.document(path, "application/rss+xml", Feeds.rss(List.of()));
        assertThat(feeds.pollDue()).anyMatch(r -> r.sourceId() == id && r.ok());
        FeedSource healthy = feeds.source(id).orElseThrow();
        assertThat(healthy.consecutiveFailures()).isZero();
        assertThat(healthy.nextPollAt()).isEqualTo(clock.instant().plus(Poller.EVERY));
        clock.set(start.plus(Duration.ofDays(1)));
    }

    @Test
    void tooManyRequestsWaitsAsLongAsTheServerAsks() {
        String path = "/" + unique("busy") + ".xml";
        server.status(path, 429, "Retry-After", "3600");
        long id = source(path, false, false, true);

        PollReport report = feeds.pollNow(id);

        assertThat(report.ok()).isFalse();
        assertThat(report.message()).contains("429");
        assertThat(feeds.source(id).orElseThrow().nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    }

    private static void assertRefused(long sourceId, String... errorContains) {
        int articles = articleCount();
        PollReport report = feeds.pollNow(sourceId);
        assertThat(report.ok()).as(report.message()).isFalse();
        FeedSource source = feeds.source(sourceId).orElseThrow();
        assertThat(source.lastError()).contains(errorContains);
        assertThat(source.consecutiveFailures()).isEqualTo(1);
        assertThat(source.nextPollAt()).isAfter(clock.instant());
        assertThat(logOf(sourceId)).isEmpty();
        assertThat(articleCount()).isEqualTo(articles);
    }
}
