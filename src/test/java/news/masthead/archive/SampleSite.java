package news.masthead.archive;

import com.sun.net.httpserver.HttpServer;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.migration.Migration;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.PhotoDetails;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.site.SiteSettings;
import news.masthead.syndication.feedin.FeedItem;
import news.masthead.syndication.feedin.SourceSettings;
import news.masthead.testing.RunningMasthead;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small newspaper written through the features' own entry classes (accounts, newsroom, site), with
 * every state an article can be in, for the archive to carry: several revisions, published, draft,
 * scheduled (due and not yet), unpublished, corrected, moved (a redirect), restored, locked.
 * Photos are uploaded to the photo library, which makes their renditions.
 */
final class SampleSite {
    final List<Long> articles = new ArrayList<>();
    final List<String> paths = new ArrayList<>();
    final long movedArticle;

    /** @param briefs how many extra articles of fourteen revisions each (40 make the import send several batches) */
    SampleSite(RunningMasthead app, int briefs) {
        Newsroom newsroom = app.masthead.newsroom();
        var accounts = app.masthead.accounts();
        long ana = accounts.addStaff("Ana@Example.org", "Ana López", Role.ADMIN, "a long passphrase one").id();
        long ed = accounts.addStaff("ed@example.org", "Ed Itor", Role.EDITOR, "a long passphrase two").id();
        long cy = accounts.addStaff("cy@example.org", "Cy Contributor", Role.CONTRIBUTOR, "a long passphrase three").id();
        long portrait = photo(app, 1, "ana.jpg", "Ana López at her desk", "Photo: Staff", "Ana, smiling", "© The Paper");
        long logo = photo(app, 2, "logo.png", "", "", "The Río Times", "");
        app.masthead.site().updateSettings(new SiteSettings("The Río Times", "Nachrichten & news — “quoted”", logo, "en-GB",
                "Europe/London", "© 2026 The Río Times\nAll rights reserved."));
        newsroom.saveSection(null, "world", "World", "News from everywhere", 1);
        newsroom.saveSection(null, "business", "Business", "", 2);
        newsroom.saveSection(null, "culture", "Culture", "Arts <and> letters", 3);
        Author anaLopez = newsroom.saveAuthor(null, "ana-lopez", "Ana López", "Covers **the world**.", portrait);
        Author bo = newsroom.saveAuthor(null, "bo-writer", "Bo Writer", "", null);
        app.database.jdbi().useHandle(h -> h.execute("update authors set staff_id = ? where id = ?", ana, anaLopez.id()));
        // cookie consent: the publisher's declarations, a revised policy and two readers' choices
        app.database.jdbi().useHandle(h -> {
            h.execute("""
                    insert into consent_declarations (kind, name, is_prefix, category, purpose, created_at) values
                    ('cookie', '_ga', true, 'analytics', 'Counts visits, “quoted”', now()),
                    ('script', '/assets/stats.js', false, 'analytics', '', now())""");
            h.execute("update consent_policy set body = 'Our **cookies** & you', version = version + 2");
            h.execute("""
                    insert into consent_log (at, policy_version, subject, categories, gpc, via) values
                    (now(), 3, 'AAAAAAAAAAAAAAAAAAAAAA', 'preferences,analytics', false, 'banner'),
                    (now(), 3, 'BBBBBBBBBBBBBBBBBBBBBB', 'none', true, 'form')""");
        });
        tick(app);

        long lead = newsroom.create(new ArticleDraft("Río floods: what we know", "Floods in Río", "Rivers rose.",
                "Water **everywhere**.\n\n| a | b |\n|---|---|\n| 1 | 2 |", portrait, "world", List.of(anaLopez.id(), bo.id()),
                List.of("Weather", "Floods"), "rio-floods", "https://example.org/original", "", ""), cy);
        tick(app);
        newsroom.save(lead, 1, new ArticleDraft("Río floods: what we know", "Floods in Río", "Rivers rose & roads closed.",
                "Water *everywhere*. Ünïcode ✓ and emoji 🌊.", portrait, "world", List.of(anaLopez.id(), bo.id()),
                List.of("Weather", "Floods"), "rio-floods", "", "", ""), ed);
        tick(app);
        newsroom.publish(lead, ed);
        tick(app);
        newsroom.save(lead, 2, new ArticleDraft("Río floods: what we know so far", "", "Rivers rose & roads closed.",
                "Water *everywhere*. Updated.", portrait, "world", List.of(anaLopez.id()), List.of("Floods"), "rio-floods",
                "", "", ""), ana);
        newsroom.publish(lead, ana);
        tick(app);
        newsroom.addCorrection(lead, "An earlier version misspelt the minister's name.", ed);
        tick(app);
        newsroom.addCorrection(lead, "The river is the Paraíba, not the Tietê.", null);
        articles.add(lead);

        long draft = newsroom.create(ArticleDraft.of("A draft in progress", "", "first words", "business"), cy);
        tick(app);
        newsroom.save(draft, 1, ArticleDraft.of("A draft in progress", "", "more words", "business"), cy);
        newsroom.lock(draft, cy, false);
        articles.add(draft);

        long later = newsroom.create(ArticleDraft.of("Embargoed until tomorrow", "", "secret", "business"), ed);
        newsroom.schedule(later, app.clock.instant().plus(Duration.ofDays(1)));
        articles.add(later);

        long due = newsroom.create(ArticleDraft.of("Scheduled and now live", "", "it went live", "culture"), ed);
        newsroom.schedule(due, app.clock.instant().plus(Duration.ofMinutes(5)));
        app.clock.advance(Duration.ofMinutes(6));
        newsroom.publishDue();
        articles.add(due);

        long gone = newsroom.create(ArticleDraft.of("Published then withdrawn", "", "legal said no", "world"), ed);
        newsroom.publish(gone, ed);
        tick(app);
        newsroom.unpublish(gone);
        articles.add(gone);

        movedArticle = newsroom.create(ArticleDraft.of("Old title", "", "text", "world"), ed);
        newsroom.publish(movedArticle, ed);
        tick(app);
        newsroom.save(movedArticle, 1, new ArticleDraft("New title", "", "", "text", null, "business", List.of(bo.id()),
                List.of("Markets"), "new-title", "", "", ""), ed);
        articles.add(movedArticle);

        long restored = newsroom.create(ArticleDraft.of("Restore me", "", "first text", "culture"), ed);
        newsroom.save(restored, 1, ArticleDraft.of("Restore me", "", "second text", "culture"), ed);
        newsroom.restore(restored, 1, 2, ana);
        newsroom.publish(restored, ana);
        articles.add(restored);

        for (int i = 1; i <= briefs; i++) {
            long id = newsroom.create(ArticleDraft.of("Brief number " + i, "", "Short " + i, i % 2 == 0 ? "world" : "business"), ed);
            for (int r = 1; r < 14; r++) {
                newsroom.save(id, r, ArticleDraft.of("Brief number " + i, "", "Short " + i + " take " + r, i % 2 == 0 ? "world" : "business"), ed);
            }
            newsroom.publish(id, ed);
            articles.add(id);
        }
        articles.addAll(wireStories(app));
        StaffBrowser member = reader(app, "reader@example.org");
        // a member through the demo provider: plans, a subscription with its audit row, a receipt
        app.masthead.membership().ensureDemoPlans();
        long plan = app.masthead.membership().activePlans().getFirst().id();
        if (member.post("/membership/checkout/" + plan, Map.of("outcome", "succeed")).statusCode() != 200) {
            throw new IllegalStateException("demo checkout refused");
        }
        // the demo appeal, the member's "Don't show it again" (on the account) and its count
        app.masthead.appeals().ensureDemoAppeal();
        long appeal = app.database.jdbi().withHandle(h -> h.createQuery("select min(id) from appeals").mapTo(Long.class).one());
        if (member.post("/appeals/answer", Map.of("event", "dismiss", "appeal", Long.toString(appeal), "variant", "A", "state", ""))
                .statusCode() != 200) {
            throw new IllegalStateException("appeal answer refused");
        }
        comments(app, articles);
        // the demo's house ads, one shown and clicked (a creative, its day's counts, the ad settings)
        new news.masthead.app.demo.HouseAds(app.masthead.ads()).ensure();
        app.get("/ads/fill?slots=top");
        app.get("/ads/c/" + app.masthead.ads().creatives().getFirst().id());
        app.masthead.ads().flushCounts();
        editions(app, articles, logo);
        // an ePaper: a built edition (its PDF, pages and a placed story), live, and an upload left as a draft
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 2);
        app.masthead.epaper().publish(day, news.masthead.epaper.DemoPrint.pdf("Sample", day, 2),
                List.of(new news.masthead.epaper.Placement(articles.getFirst(), "A placed story", 1)), "newsroom");
        app.masthead.epaper().publish(day.plusDays(1), news.masthead.epaper.DemoPrint.pdf("Sample", day, 1), List.of(), "upload");
        // privacy: the settings row (the staff audit log already holds the comment ban above)
        app.database.jdbi().useHandle(h -> h.execute("""
                insert into privacy_settings (id, comment_erasure, keep_sign_in_links_days, keep_login_attempts_days, keep_sent_mail_days)
                values (1, 'remove', 2, 3, 45)"""));
        fromGhost(app);
        for (long id : articles) {
            newsroom.live(id).ifPresent(live -> paths.add(live.path()));
        }
    }

    /** A published magazine issue with a cover and contents, and a partner with one story received. */
    private static void editions(RunningMasthead app, List<Long> articles, long cover) {
        var magazine = app.masthead.magazine();
        var issue = magazine.create(new news.masthead.magazine.IssueDraft(1, "Río in spring", java.time.YearMonth.of(2026, 3), "",
                cover, "Dear reader, *hola*."));
        magazine.setContents(issue.id(), List.of(new news.masthead.magazine.Entry(articles.getFirst(), "Cover story")));
        magazine.publish(issue.id());
        var partners = app.masthead.partners();
        var partner = partners.create(new news.masthead.partners.PartnerDraft("the-partner", "The Lakeside Ledger", "https://ledger.example",
                cover, "By agreement", app.masthead.newsroom().sections().getFirst().slug(), "", false));
        partners.receive(partner, new news.masthead.partners.PartnerStory("ledger-1", "https://ledger.example/1", "Ferry times change",
                "Earlier boats.", "The first boat leaves *earlier*.", "Mira Halvorsen", java.time.Instant.parse("2026-03-01T08:00:00Z")));
    }

    /** A Ghost export taken in through the migration (the test export of that feature), leaving its runs and ledger. */
    private static void fromGhost(RunningMasthead app) {
        try (InputStream in = SampleSite.class.getResourceAsStream("/news/masthead/migration/ghost.json")) {
            Path file = Files.createTempFile("ghost", ".json");
            Files.write(file, Objects.requireNonNull(in, "ghost.json test export").readAllBytes());
            new Migration(app.database, app.masthead.newsroom(), new PhotoLibrary(app.database, app.clock), app.clock)
                    .importGhost(new Migration.Ghost(file, null, null, null), Migration.Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reader comments (one shown, a reply held, then banned), with a report, a held word, settings and a closing. */
    private static void comments(RunningMasthead app, List<Long> articles) {
        news.masthead.comments.Comments comments = app.masthead.comments();
        long readerId = app.database.jdbi().withHandle(h -> h.createQuery("select id from readers where email = 'reader@example.org'")
                .mapTo(Long.class).one());
        news.masthead.accounts.Reader reader = new news.masthead.accounts.Reader(readerId, "reader@example.org", "");
        long article = articles.stream().filter(id -> app.masthead.newsroom().live(id).isPresent()).findFirst().orElseThrow();
        long top = comments.post(reader, article, null, "A *first* comment", true, "").id();
        comments.approve(top);
        app.clock.advance(java.time.Duration.ofSeconds(21));
        long reply = comments.post(reader, article, top, "A reply", false, "").id();
        comments.report(reader, top, "a test report");
        comments.ban(reply, "Ed Itor");
        comments.holdWord("casino");
        comments.setSiteCloseAfterDays(30);
        comments.setArticlePolicy(article, news.masthead.comments.Policy.SIGNED_IN);
        comments.close(article, "Ed Itor");
    }

    /** A reader signs up through the public sign-in: a link by email (read from the mail queue), then confirm. */
    private static StaffBrowser reader(RunningMasthead app, String email) {
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> sent = browser.post("/account/sign-in", Map.of("email", email));
        if (sent.statusCode() != 200) {
            throw new IllegalStateException("sign-in request refused: " + sent.statusCode());
        }
        String mail = app.database.jdbi().withHandle(h -> h.createQuery(
                "select text_body from outbox_mail where recipient = :r order by id desc limit 1").bind("r", email).mapTo(String.class).one());
        Matcher link = Pattern.compile("https?://\\S*token=([A-Za-z0-9_-]+)").matcher(mail);
        if (!link.find()) {
            throw new IllegalStateException("no sign-in link in: " + mail);
        }
        HttpResponse<String> in = browser.post("/account/verify", Map.of("token", link.group(1)));
        if (in.statusCode() != 303) {
            throw new IllegalStateException("sign-in not confirmed: " + in.statusCode() + " " + in.body());
        }
        return browser;
    }

    /** Two stories taken in from another paper's RSS feed, served for the moment from this machine. */
    private static List<Long> wireStories(RunningMasthead app) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>The Other Paper</title><link>%1$s/</link><description>Wire</description>
                <item><guid isPermaLink="false">wire-1</guid><link>%1$s/one</link><title>Harbour reopens after storm</title>
                <description>The harbour reopened on Tuesday after three days of storms kept every boat in port.</description>
                <pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>
                <item><guid isPermaLink="false">wire-2</guid><link>%1$s/two</link><title>Library extends its hours</title>
                <description>The city library will stay open until ten at night from next month, the council said.</description>
                <pubDate>Tue, 24 Nov 2026 11:00:00 GMT</pubDate></item>
                </channel></rss>""".formatted(base);
        serve(server, "/wire.xml", "application/rss+xml; charset=utf-8", rss);
        serve(server, "/one", "text/html; charset=utf-8", page("Harbour reopens after storm",
                "The harbour reopened on Tuesday after three days of storms kept every boat in port."));
        serve(server, "/two", "text/html; charset=utf-8", page("Library extends its hours",
                "The city library will stay open until ten at night from next month, the council said."));
        server.start();
        try {
            var feeds = app.masthead.feedImport();
            long source = feeds.addSource(new SourceSettings(base + "/wire.xml",
                    "The Other Paper", "world", "Originally published by The Other Paper", "CC BY 4.0", true, false, true));
            feeds.pollNow(source);
            List<Long> stored = feeds.items(source, 10).stream().map(FeedItem::articleId).filter(Objects::nonNull).toList();
            if (stored.size() != 2) {
                throw new IllegalStateException("the wire stories were not imported: " + feeds.items(source, 10));
            }
            return stored;
        } finally {
            server.stop(0);
        }
    }

    private static void serve(HttpServer server, String path, String type, String text) {
        server.createContext(path, exchange -> {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private static String page(String headline, String text) {
        StringBuilder paragraphs = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            paragraphs.append("<p>").append(text).append(" Paragraph ").append(i)
                    .append(" adds what residents, officials and visitors told our reporter about it this week.</p>");
        }
        return "<!doctype html><html><head><title>" + headline + "</title></head><body><article><h1>" + headline
                + "</h1>" + paragraphs + "</article></body></html>";
    }

    /** Moves the clock on by an odd amount, so times carry microseconds. */
    private static void tick(RunningMasthead app) {
        app.clock.advance(Duration.ofSeconds(61).plusNanos(123_456_789));
    }

    /** A photo uploaded to the library, which makes its renditions. */
    private static long photo(RunningMasthead app, long seed, String name, String caption, String credit, String alt, String licence) {
        return new PhotoLibrary(app.database, app.clock).upload(name, picture(seed), new PhotoDetails(caption, credit, alt, licence)).id();
    }

    private static byte[] picture(long seed) {
        BufferedImage image = new BufferedImage(1000, 600, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 30; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(1000) - 100, random.nextInt(600) - 100, 50 + random.nextInt(300), 50 + random.nextInt(300));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
