package news.masthead.epaper;

import news.masthead.membership.Entitlements;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.testing.Eventually;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Building editions from the newsroom: in the background, and daily at the configured time without
 * overwriting an upload. The composer here draws with {@link DemoPrint} and places each story on its
 * own page, standing in for the press feature at the {@link Composer} boundary.
 */
class EditionBuildTest {
    static final Database database = TestDatabases.fresh();
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-11-25T04:00:00Z"));
    static final ZoneId zone = ZoneId.of("Europe/Vienna");
    static final AtomicBoolean broken = new AtomicBoolean();
    static final Composer composer = new Composer() {
        @Override
        public List<Long> defaultStories(LocalDate day) {
            return List.of(11L, 12L);
        }

        @Override
        public Composed compose(LocalDate day, List<Long> articleIds) {
            if (broken.get()) {
                throw new IllegalStateException("no fonts today");
            }
            List<Placement> placements = new java.util.ArrayList<>();
            for (int i = 0; i < articleIds.size(); i++) {
                placements.add(new Placement(articleIds.get(i), "Story " + articleIds.get(i), i + 1));
            }
            return new Composed(DemoPrint.pdf("Built", day, articleIds.size()), placements);
        }
    };
    static final Epaper epaper;

    static {
        Templates templates = new Templates();
        Web web = new Web(templates, new Csrf(false), Json.mapper(), new ErrorPages(templates, Json.mapper()), new Assets());
        epaper = new Epaper(database, web, clock, new Newsroom(database, clock), composer, ctx -> Optional.empty(),
                new Entitlements(database), List::of, ctx -> "editor", ctx -> false, () -> null, () -> zone);
    }

    @AfterAll
    static void stop() {
        epaper.close();
        database.close();
    }

    @Test
    void anEditorsBuildRunsInTheBackgroundAndShowsItsProgress() {
        LocalDate day = LocalDate.of(2026, 9, 1);
        long holder = epaper.build(day, List.of(5L, 6L, 7L), "Ed", true);
        Eventually.awaitTrue("the build is live", () -> epaper.edition(day).isPresent());
        Edition edition = epaper.edition(day).orElseThrow();
        assertThat(edition.pages()).isEqualTo(3);
        assertThat(epaper.placements(edition.printingId())).extracting(Placement::articleId).containsExactly(5L, 6L, 7L);
        assertThat(epaper.printing(holder)).isEmpty(); // the progress row made way for the printing
        assertThat(epaper.printing(edition.printingId()).orElseThrow().madeBy()).isEqualTo("Ed");
    }

    @Test
    void aBuildThatFailsSaysWhyAndShowsNothing() {
        LocalDate day = LocalDate.of(2026, 9, 2);
        broken.set(true);
        try {
            long holder = epaper.build(day, List.of(5L), "Ed", true);
            Eventually.awaitTrue("the build failed", () -> epaper.printing(holder).orElseThrow().status().equals(Printing.FAILED));
            assertThat(epaper.printing(holder).orElseThrow().error()).contains("no fonts today");
            assertThat(epaper.edition(day)).isEmpty();
        } finally {
            broken.set(false);
        }
    }

    @Test
    void aPrintingLeftProcessingByAStoppedNodeIsMarkedFailedAfterAnHour() {
        LocalDate day = LocalDate.of(2026, 9, 4);
        long stuck = database.jdbi().withHandle(h -> h.createQuery("""
                        insert into epaper_printings (day, status, source, made_by, created_at)
                        values (:day, 'processing', 'upload: whole edition', 'Ed', :at) returning id""")
                .bind("day", day).bind("at", clock.instant().minus(java.time.Duration.ofMinutes(61))).mapTo(Long.class).one());
        assertThat(epaper.printings(day)).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(stuck);
            assertThat(p.status()).isEqualTo(Printing.FAILED);
            assertThat(p.error()).contains("restarted");
        });
    }

    @Test
    void anEditionWithNoStoriesIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> epaper.build(LocalDate.of(2026, 9, 3), List.of(), "Ed", true))
                .hasMessageContaining("at least one story");
    }

    @Test
    void theDailyBuildRunsOnceAfterItsTimeAndNeverOverAnUpload() {
        epaper.saveSettings(new EpaperSettings(200, LocalTime.of(6, 0)));
        clock.set(Instant.parse("2026-11-25T04:30:00Z")); // 05:30 in Vienna
        assertThat(epaper.runDailyBuildIfDue()).isFalse();
        clock.set(Instant.parse("2026-11-25T05:01:00Z")); // 06:01
        assertThat(epaper.runDailyBuildIfDue()).isTrue();
        LocalDate today = LocalDate.of(2026, 11, 25);
        assertThat(epaper.edition(today).orElseThrow().pages()).isEqualTo(2);
        assertThat(epaper.runDailyBuildIfDue()).isFalse();
        // the next day an editor uploads the print PDF first: the build leaves it alone
        clock.set(Instant.parse("2026-11-26T04:00:00Z"));
        epaper.upload(LocalDate.of(2026, 11, 26), EpaperHttpTestFiles.file(BadPdfs.good(1)), "Ed", true);
        clock.set(Instant.parse("2026-11-26T06:00:00Z"));
        assertThat(epaper.runDailyBuildIfDue()).isFalse();
        assertThat(epaper.edition(LocalDate.of(2026, 11, 26)).orElseThrow().source()).startsWith("upload");
        epaper.saveSettings(new EpaperSettings(200, null));
        clock.set(Instant.parse("2026-11-27T06:00:00Z"));
        assertThat(epaper.runDailyBuildIfDue()).isFalse();
    }
}
