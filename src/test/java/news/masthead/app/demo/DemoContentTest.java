package news.masthead.app.demo;

import news.masthead.newsroom.ArticleLookup;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.accounts.StaffBrowser;
import news.masthead.testing.Eventually;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DemoContentTest {
    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    static final RunningMasthead app = RunningMasthead.start();
    static final Database db = app.database;
    static final Newsroom newsroom = new Newsroom(db, new Clocks.Settable(NOW));
    static final DemoContent.Report first = demo(NOW).load(300, line -> { });

    @AfterAll
    static void close() {
        app.close();
    }

    static DemoContent demo(Instant now) {
        return new DemoContent(db, app.masthead.accounts(), new Clocks.Settable(now));
    }

    @Test
    void theFirstLoadWritesTheDefaultNewspaper() {
        assertThat(first.alreadyLoaded()).isFalse();
        assertThat(first.added()).isEqualTo(300);
        assertThat(newsroom.countPublished()).isEqualTo(300);
        assertThat(newsroom.sections()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(newsroom.authors()).hasSizeGreaterThanOrEqualTo(10).allSatisfy(a -> assertThat(a.bio()).isNotBlank());
    }

    @Test
    void loadingAgainAddsNothing() {
        Map<String, Long> before = counts();
        DemoContent.Report again = demo(NOW.plus(Duration.ofDays(1))).load(300, line -> { });
        assertThat(again.alreadyLoaded()).isTrue();
        assertThat(again.added()).isZero();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aLoadThatDiedBeforeFinishingResumesWithoutDuplicates() {
        Map<String, Long> before = counts();
        db.jdbi().useHandle(h -> h.execute("delete from demo_content"));
        DemoContent.Report resumed = demo(NOW.plus(Duration.ofHours(2))).load(300, line -> { });
        assertThat(resumed.alreadyLoaded()).isFalse();
        assertThat(resumed.added()).isZero();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void everyPublishedArticleLeadsWithACaptionedCreditedPhoto() {
        long without = db.jdbi().withHandle(h -> h.createQuery("""
                select count(*) from articles a join article_revisions r on r.id = a.published_revision_id
                left join photos p on p.id = r.lead_photo_id
                where a.status = 'published' and (p.id is null or p.caption = '' or p.credit = '')""").mapTo(Long.class).one());
        assertThat(without).isZero();
    }

    @Test
    void photosAreJpegsOfTheRightSize() throws IOException {
        List<byte[]> photos = db.jdbi().withHandle(h -> h.createQuery("select bytes from photos order by id limit 5")
                .mapTo(byte[].class).list());
        assertThat(photos).hasSize(5);
        for (byte[] bytes : photos) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image.getWidth()).isEqualTo(1600);
            assertThat(image.getHeight()).isEqualTo(1000);
        }
    }

    @Test
    void publishTimesSpreadOverThePastWeeks() {
        List<Instant> times = newsroom.latest(0, 300).stream().map(s -> s.published()).toList();
        assertThat(times).allSatisfy(t -> assertThat(t).isBefore(NOW));
        assertThat(times.getLast()).isBefore(NOW.minus(Duration.ofDays(14)));
        assertThat(times.getFirst()).isAfter(NOW.minus(Duration.ofDays(1)));
        assertThat(newsroom.latest(0, 1).getFirst().headline()).as("a hand-written story leads")
                .startsWith("Mountain glaciers are thinning");
    }

    @Test
    void aHandWrittenArticleIsLiveWithItsUpdateAndBylines() {
        LiveArticle budget = live("politics", "housing-budget-passes-after-overnight-sitting");
        assertThat(budget.headline()).startsWith("Housing budget passes");
        assertThat(budget.authors()).extracting(Author::name).containsExactly("Mara Lindqvist", "Daniel Osei");
        assertThat(budget.bodyHtml()).contains("<h2>What changed overnight</h2>").contains("<strong>Update, 11.40:</strong>");
        assertThat(budget.updated()).isEqualTo(NOW.minus(Duration.ofHours(2)));
        assertThat(budget.published()).isEqualTo(NOW.minus(Duration.ofHours(6)));
        assertThat(budget.leadPhotoId()).isNotNull();
    }

    @Test
    void oneArticleCarriesACorrectionAndOneIsRepublishedFromAPartner() {
        LiveArticle rates = live("business", "central-bank-holds-rates-as-inflation-eases");
        assertThat(rates.corrections()).singleElement().satisfies(c -> assertThat(c.text()).contains("six to three"));
        LiveArticle ferry = live("world", "island-ferry-service-restored-after-strike");
        assertThat(ferry.republished()).isTrue();
        assertThat(ferry.sourceName()).isEqualTo("The Harbour Courier");
        assertThat(ferry.canonicalUrl()).isEqualTo(ferry.sourceUrl()).startsWith("https://");
    }

    @Test
    void fillerIsLiveWithTheOutboxRowsSearchFollows() {
        long fillerWithoutOutbox = db.jdbi().withHandle(h -> h.createQuery("""
                select count(*) from articles a where a.status = 'published'
                and not exists (select 1 from outbox o where o.ref_id = a.id)""").mapTo(Long.class).one());
        assertThat(fillerWithoutOutbox).isZero();
        Filler.Article seventh = Filler.article(7);
        LiveArticle live = live(seventh.section(), seventh.slug());
        assertThat(live.headline()).isEqualTo(seventh.headline());
        assertThat(live.revision()).isEqualTo(1);
        assertThat(live.tags()).isNotEmpty();
        assertThat(live.authors()).isNotEmpty();
    }

    @Test
    void aHandWrittenArticleRendersOnTheSite() {
        var page = app.get("/politics/housing-budget-passes-after-overnight-sitting");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Housing budget passes by four votes").contains("Mara Lindqvist")
                .contains("What changed overnight");
        assertThat(app.get("/politics").body()).contains("Housing budget passes by four votes");
        Matcher photo = Pattern.compile("/media/photos/[0-9]+/[0-9]+\\.jpg").matcher(page.body());
        assertThat(photo.find()).isTrue();
        assertThat(page.body()).contains("The lights of the parliament building stayed on until dawn");
        var image = app.get(photo.group());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/jpeg");
    }

    @Test
    void searchFollowsTheOutboxToTheDemoArticles() {
        Eventually.awaitTrue("the glacier story is searchable",
                () -> app.get("/api/v1/search?q=glaciers").body().contains("Mountain glaciers are thinning faster than models predicted"));
    }

    @Test
    void theDemoStaffAccountSignsInWithThePrintedPassword() {
        StaffBrowser browser = new StaffBrowser(app);
        browser.get("/admin/login");
        assertThat(browser.signIn(DemoContent.STAFF_EMAIL, DemoContent.STAFF_PASSWORD).statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin/articles").body()).contains("Housing budget passes by four votes");
    }

    private static LiveArticle live(String section, String slug) {
        ArticleLookup found = newsroom.lookup(section, slug);
        assertThat(found).isInstanceOf(ArticleLookup.Live.class);
        return ((ArticleLookup.Live) found).article();
    }

    private static Map<String, Long> counts() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                select (select count(*) from articles) as articles, (select count(*) from article_revisions) as revisions,
                       (select count(*) from photos) as photos, (select count(*) from sections) as sections,
                       (select count(*) from authors) as authors, (select count(*) from tags) as tags,
                       (select count(*) from corrections) as corrections, (select count(*) from outbox) as outbox,
                       (select count(*) from staff) as staff""")
                .mapToMap(Long.class).one());
    }
}
