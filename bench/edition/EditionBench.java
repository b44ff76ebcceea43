import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.accounts.Accounts;
import news.masthead.app.demo.DemoContent;
import news.masthead.newsroom.ArticleSummary;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.MailSettings;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.press.Composition;
import news.masthead.press.Press;
import news.masthead.site.PageMeta;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Loads the demo newspaper into a fresh embedded database, finds a running order of the newest stories
 * that makes a 24-page edition, and prints how long composing it takes (cold, then warm) and its size.
 */
public class EditionBench {
    public static void main(String[] args) throws Exception {
        int targetPages = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Path pdfOut = Path.of(args[2]);
        Files.createDirectories(dir);
        try (Database db = Database.open(null, dir, Database.Role.SERVER, 4)) {
            db.migrate();
            Templates templates = new Templates();
            ObjectMapper json = Json.mapper();
            Web web = new Web(templates, new Csrf(false), json, new ErrorPages(templates, json), new Assets());
            Mailer mailer = new Mailer(db, MailSettings.none(), Clock.systemUTC());
            PageMeta.SiteFrame frame = new PageMeta.SiteFrame("Masthead", "", "en", "", "", List.of());
            Accounts accounts = new Accounts(db, web, Clock.systemUTC(), false, mailer, () -> "http://localhost", () -> frame);
            long loadStart = System.nanoTime();
            new DemoContent(db, accounts, Clock.systemUTC()).load(400, line -> { });
            System.out.printf("demo content: 400 articles loaded in %.1f s%n", (System.nanoTime() - loadStart) / 1e9);

            Newsroom newsroom = new Newsroom(db, Clock.systemUTC());
            PhotoLibrary photos = new PhotoLibrary(db, Clock.systemUTC());
            ZoneId zone = ZoneId.of("Europe/London");
            Press press = new Press(newsroom, photos, () -> "The Masthead Chronicle", Clock.systemUTC(), zone);
            LocalDate day = press.today();
            List<Long> newest = newsroom.latest(0, 200).stream().map(ArticleSummary::id).toList();

            // find how many of the newest stories fill the target (pages grow with stories)
            int count = 30;
            Composition edition = press.compose(day, newest.subList(0, count));
            for (int tries = 0; tries < 6 && edition.pages() != targetPages; tries++) {
                int next = Math.max(4, Math.min(newest.size(), Math.round((float) count * targetPages / edition.pages())));
                if (next == count) {
                    next = edition.pages() < targetPages ? count + 1 : count - 1;
                }
                count = next;
                edition = press.compose(day, newest.subList(0, count));
            }
            List<Long> order = newest.subList(0, count);
            System.out.printf("running order: %d stories -> %d pages%n", count, edition.pages());

            long cold = System.nanoTime();
            edition = press.compose(day, order);
            double first = (System.nanoTime() - cold) / 1e9;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                edition = press.compose(day, order);
                best = Math.min(best, (System.nanoTime() - t) / 1e9);
            }
            Files.write(pdfOut, edition.pdf());
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf("edition: %d pages, %d stories, PDF %.1f MB (%s)%n", edition.pages(), order.size(),
                    edition.pdf().length / 1024.0 / 1024.0, pdfOut);
            System.out.printf("compose: %.2f s (after the search runs), best of 3 warm: %.2f s%n", first, best);
            System.out.printf("machine: %d cores, load average %.1f%n", Runtime.getRuntime().availableProcessors(), load);
        }
    }
}
