package news.masthead.site;

import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.web.WebError;
import news.masthead.testing.RunningMasthead;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteSettingsTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Site site = app.masthead.site();
    static final Newsroom newsroom = app.masthead.newsroom();

    @AfterAll
    static void stop() {
        app.close();
    }

    static SiteSettings with(String name, String language, String zone) {
        return new SiteSettings(name, "All the news", null, language, zone, "© The Paper");
    }

    @Test
    void theDefaultsComeFromTheDatabase() {
        SiteSettings settings = site.settings();
        assertThat(settings.name()).isEqualTo("The Masthead Daily");
        assertThat(settings.language()).isEqualTo("en");
        assertThat(settings.timeZone()).isEqualTo("UTC");
    }

    @Test
    void pagesShowTimesInTheSiteZoneAndTheSiteLanguage() {
        newsroom.saveSection(null, "city", "City", "", 1);
        app.clock.set(Instant.parse("2026-11-20T23:30:00Z"));
        long id = newsroom.create(ArticleDraft.of("Late night council vote", "", "Text.", "city"), null);
        newsroom.publish(id, null);
        AtomicInteger told = new AtomicInteger();
        site.onSettingsChange(told::incrementAndGet);
        SiteSettings saved = site.updateSettings(with("  The Tokyo Times ", "ja-jp", "Asia/Tokyo"));
        try {
            assertThat(saved.name()).isEqualTo("The Tokyo Times");
            assertThat(saved.language()).isEqualTo("ja-JP");
            assertThat(told).hasValue(1);
            Document doc = Jsoup.parse(app.get("/city/late-night-council-vote").body());
            assertThat(doc.select("html").attr("lang")).isEqualTo("ja-JP");
            assertThat(doc.select("title").text()).endsWith("| The Tokyo Times");
            assertThat(doc.select(".article-head time").first().attr("datetime")).isEqualTo("2026-11-20T23:30:00Z");
            assertThat(doc.select(".article-head time").first().text()).contains("2026").contains("08:30");
            assertThat(doc.select(".site-footer").text()).contains("© The Paper");
        } finally {
            site.updateSettings(with("The Masthead Daily", "en", "UTC"));
        }
    }

    @Test
    void aLanguageMustBeABcp47Tag() {
        for (String bad : new String[] {"", "en_US", "english!", "x", "12", "en-" + "a".repeat(40), "<script>"}) {
            assertThatThrownBy(() -> site.updateSettings(with("Paper", bad, "UTC"))).as(bad)
                    .isInstanceOfSatisfying(WebError.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.field()).isEqualTo("language");
                    });
        }
        assertThat(site.updateSettings(with("Paper", "pt-BR", "UTC")).language()).isEqualTo("pt-BR");
        site.updateSettings(with("The Masthead Daily", "en", "UTC"));
    }

    @Test
    void aTimeZoneMustBeAZoneId() {
        for (String bad : new String[] {"", "Mars/Olympus", "Europe/", "GMT+25", "../../etc/localtime"}) {
            assertThatThrownBy(() -> site.updateSettings(with("Paper", "en", bad))).as(bad)
                    .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.field()).isEqualTo("timeZone"));
        }
    }

    @Test
    void theNameIsRequiredAndLengthsAreLimited() {
        assertThatThrownBy(() -> site.updateSettings(with("   ", "en", "UTC")))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> site.updateSettings(with("n".repeat(SettingsRows.NAME_MAX + 1), "en", "UTC")))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> site.updateSettings(new SiteSettings("Paper", "t".repeat(SettingsRows.TAGLINE_MAX + 1), null, "en", "UTC", "")))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.field()).isEqualTo("tagline"));
        assertThatThrownBy(() -> site.updateSettings(new SiteSettings("Paper", "", null, "en", "UTC", "f".repeat(SettingsRows.FOOTER_MAX + 1))))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.field()).isEqualTo("footerText"));
        assertThatThrownBy(() -> site.updateSettings(new SiteSettings("Paper\u0000", "", null, "en", "UTC", "")))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void aLogoMustBeAnExistingPhoto() {
        assertThatThrownBy(() -> site.updateSettings(new SiteSettings("Paper", "", 424242L, "en", "UTC", "")))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.field()).isEqualTo("logoPhotoId"));
        assertThat(site.settings().name()).isEqualTo("The Masthead Daily");
    }
}
