package news.masthead.syndication.feedin;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.newsroom.Article;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Photo;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.syndication.extract.ArticleExtractor;
import news.masthead.syndication.extract.ExtractedArticle;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Items get a lead photo from their page or their feed; a photo that cannot be had costs only itself. */
class FeedLeadPhotoTest {
    static final Database db = TestDatabases.fresh();
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-03-02T12:00:00Z"));
    static final Newsroom newsroom = new Newsroom(db, clock);
    static final PhotoLibrary photos = new PhotoLibrary(db, clock);
    static final FeedServer server = new FeedServer();
    static final FeedImport feeds = feedImport();
    static final AtomicInteger SEQ = new AtomicInteger();

    static FeedImport feedImport() {
        ObjectMapper json = Json.mapper();
        Templates templates = new Templates();
        Web web = new Web(templates, new Csrf(false), json, new ErrorPages(templates, json), new Assets());
        newsroom.saveSection(null, "wire", "Wire", "", 0);
        return new FeedImport(db, newsroom, photos, web, clock, (ctx, role) -> {
            throw WebError.unauthorized("no one signs in here");
        }, new SafeFetcher.Limits(200_000, 100_000, Duration.ofSeconds(2), Duration.ofSeconds(2), 5));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static byte[] jpeg(int rgb) {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, rgb);
        image.setRGB(200, 100, rgb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static long source(String path, boolean fullPage) {
        return feeds.addSource(new SourceSettings(server.url(path), "", "wire", "The Other Paper", "CC BY 4.0",
                false, fullPage, true));
    }

    static String rss(String guid, String link, String title, String extra) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Other</title><link>https://other.example/</link><description>d</description>
                <item><guid>%s</guid><link>%s</link><title>%s</title><description>Summary.</description>
                <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[%s]]></content:encoded>%s</item>
                </channel></rss>""".formatted(guid, link, title, Feeds.story(guid, 4), extra);
    }

    static Article only(long sourceId) {
        return newsroom.article(feeds.items(sourceId, 10).getFirst().articleId());
    }

    @Test
    void theExtractorsImageWithItsCaptionAndCreditBecomesTheLeadPhoto() {
        int n = SEQ.incrementAndGet();
        server.document("/img/lead-" + n + ".jpg", "image/jpeg", jpeg(0x112233 + n));
        String body = "<figure><img src=\"/img/lead-" + n + ".jpg\" alt=\"\"><figcaption>Crowds on the quay at dawn."
                + " <span class=\"credit\">Photo: Ann Lens</span></figcaption></figure>" + Feeds.story("quay" + n, 5);
        String page = Feeds.page("Crowds on the quay", body).replace("</head>", "<meta property=\"og:image\" content=\"/img/lead-" + n + ".jpg\"></head>");
        server.document("/stories/quay-" + n, "text/html", page);
        server.document("/feed-" + n + ".xml", "application/rss+xml", rss("quay-" + n, server.url("/stories/quay-" + n), "Crowds on the quay", ""));
        long id = source("/feed-" + n + ".xml", true);

        assertThat(feeds.pollNow(id).count(ItemOutcome.IMPORTED)).isEqualTo(1);

        ExtractedArticle seen = new ArticleExtractor().extract(page, server.url("/stories/quay-" + n));
        Photo photo = photos.find(only(id).current().leadPhotoId()).orElseThrow();
        assertThat(photo.caption()).isEqualTo(seen.imageCaption()).contains("Crowds on the quay at dawn");
        assertThat(photo.credit()).isEqualTo("Photo: Ann Lens");
        assertThat(photo.licence()).isEqualTo("CC BY 4.0");
    }

    @Test
    void aFeedsMediaContentIsTheLeadPhotoCreditedToTheSource() {
        int n = SEQ.incrementAndGet();
        server.document("/media/m-" + n + ".jpg", "image/jpeg", jpeg(0x445566 + n));
        server.document("/feed-" + n + ".xml", "application/rss+xml", rss("m-" + n, server.url("/stories/m-" + n), "Media item",
                "<media:content url=\"" + server.url("/media/m-" + n + ".jpg") + "\" medium=\"image\" type=\"image/jpeg\"/>"));
        long id = source("/feed-" + n + ".xml", false);

        assertThat(feeds.pollNow(id).count(ItemOutcome.IMPORTED)).isEqualTo(1);

        Photo photo = photos.find(only(id).current().leadPhotoId()).orElseThrow();
        assertThat(photo.credit()).isEqualTo("The Other Paper");
        assertThat(server.requests).contains("/media/m-" + n + ".jpg");
    }

    @Test
    void anImageEnclosureCountsAndAMissingOrNonImageOneCostsOnlyThePhoto() {
        int n = SEQ.incrementAndGet();
        server.document("/media/e-" + n + ".jpg", "image/jpeg", jpeg(0x778899 + n));
        server.document("/media/not-an-image-" + n + ".jpg", "image/jpeg", "<html>oops</html>");
        String good = rss("e-" + n, server.url("/stories/e-" + n), "Enclosed",
                "<enclosure url=\"" + server.url("/media/e-" + n + ".jpg") + "\" length=\"1000\" type=\"image/jpeg\"/>");
        String missing = rss("x-" + n, server.url("/stories/x-" + n), "Missing photo",
                "<enclosure url=\"" + server.url("/media/gone-" + n + ".jpg") + "\" length=\"1000\" type=\"image/jpeg\"/>");
        String wrong = rss("w-" + n, server.url("/stories/w-" + n), "Wrong photo",
                "<enclosure url=\"" + server.url("/media/not-an-image-" + n + ".jpg") + "\" length=\"1000\" type=\"image/jpeg\"/>");
        server.document("/good-" + n + ".xml", "application/rss+xml", good);
        server.document("/missing-" + n + ".xml", "application/rss+xml", missing);
        server.document("/wrong-" + n + ".xml", "application/rss+xml", wrong);
        long g = source("/good-" + n + ".xml", false);
        long m = source("/missing-" + n + ".xml", false);
        long w = source("/wrong-" + n + ".xml", false);

        assertThat(feeds.pollNow(g).count(ItemOutcome.IMPORTED)).isEqualTo(1);
        assertThat(feeds.pollNow(m).count(ItemOutcome.IMPORTED)).isEqualTo(1);
        assertThat(feeds.pollNow(w).count(ItemOutcome.IMPORTED)).isEqualTo(1);

        assertThat(only(g).current().leadPhotoId()).isNotNull();
        assertThat(only(m).current().leadPhotoId()).isNull();
        assertThat(only(w).current().leadPhotoId()).isNull();
        assertThat(only(m).current().headline()).isEqualTo("Missing photo");
    }

    @Test
    void aPollOfAnUnchangedFeedFetchesNoImageAgain() {
        int n = SEQ.incrementAndGet();
        server.document("/media/u-" + n + ".jpg", "image/jpeg", jpeg(0x99aabb + n));
        server.document("/feed-" + n + ".xml", "application/rss+xml", rss("u-" + n, server.url("/stories/u-" + n), "Unchanged",
                "<media:thumbnail url=\"" + server.url("/media/u-" + n + ".jpg") + "\"/>"));
        long id = source("/feed-" + n + ".xml", false);
        feeds.pollNow(id);
        server.document("/feed-" + n + ".xml", "application/rss+xml", rss("u-" + n, server.url("/stories/u-" + n), "Unchanged",
                "<media:thumbnail url=\"" + server.url("/media/u-" + n + ".jpg") + "\"/>") + " ");
        assertThat(feeds.pollNow(id).count(ItemOutcome.UNCHANGED)).isEqualTo(1);
        assertThat(server.requests.stream().filter(r -> r.equals("/media/u-" + n + ".jpg")).count()).isEqualTo(1);
        assertThat(only(id).current().leadPhotoId()).isNotNull();
    }
}
