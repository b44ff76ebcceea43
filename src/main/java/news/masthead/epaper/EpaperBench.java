package news.masthead.epaper;

import news.masthead.membership.Entitlements;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.time.ZoneOffset;

/**
 * The benchmark behind {@code bench/epaper/run}: publishes an N-page edition drawn by {@link DemoPrint}
 * over a fresh embedded database, then times each page image's first view (render with
 * PDFBox and store) and repeat view (read back from PostgreSQL), at the screen and zoom widths.
 */
public final class EpaperBench {
    private EpaperBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        int pages = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        try (Database database = Database.open(null, dir.resolve("db"), Database.Role.SERVER, 8)) {
            database.migrate();
            Templates templates = new Templates();
            Web web = new Web(templates, new Csrf(false), Json.mapper(), new ErrorPages(templates, Json.mapper()), new Assets());
            Clock clock = Clock.systemUTC();
            try (Epaper epaper = new Epaper(database, web, clock, new Newsroom(database, clock), null, ctx -> Optional.empty(),
                    new Entitlements(database), List::of, ctx -> "bench", ctx -> false, () -> null, () -> ZoneOffset.UTC)) {
                byte[] pdf = DemoPrint.pdf("The Bench Times", LocalDate.of(2026, 11, 25), pages);
                long started = System.nanoTime();
                Printing printing = epaper.publish(LocalDate.of(2026, 11, 25), pdf, List.of(), "bench");
                System.out.printf("published %d pages (%,d KB PDF) in %.2f s: checked, stored, split, text, thumbnails%n",
                        pages, pdf.length / 1024, (System.nanoTime() - started) / 1e9);
                started = System.nanoTime();
                while (database.jdbi().withHandle(h -> h.createQuery("select count(*) from epaper_page_images where width = 240")
                        .mapTo(Integer.class).one()) < pages) {
                    Thread.sleep(50);
                }
                System.out.printf("thumbnails and the front page warmed in the background in %.2f s%n", (System.nanoTime() - started) / 1e9);
                for (int width : List.of(PageImages.SCREEN, PageImages.ZOOM)) {
                    List<Double> first = new ArrayList<>();
                    List<Double> repeat = new ArrayList<>();
                    for (int page = 2; page <= pages; page++) {
                        int p = page;
                        first.add(time(() -> epaper.image(printing.id(), p, width)));
                        repeat.add(time(() -> epaper.image(printing.id(), p, width)));
                    }
                    System.out.printf("width %4d: first view %s; repeat view %s%n", width, summary(first), summary(repeat));
                }
            }
        }
    }

    private static double time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static String summary(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format("median %.0f ms, p95 %.0f ms, max %.0f ms", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1)), sorted.getLast());
    }
}
