import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.accounts.Accounts;
import news.masthead.app.demo.DemoContent;
import news.masthead.platform.mail.MailSettings;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.site.PageMeta;
import news.masthead.platform.db.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Loads the demo newspaper with N articles into a fresh embedded database and prints how long it took. */
public class DemoBulkBench {
    public static void main(String[] args) throws Exception {
        int articles = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        try (Database db = Database.open(null, dir, Database.Role.SERVER, 4)) {
            db.migrate();
            Templates templates = new Templates();
            ObjectMapper json = Json.mapper();
            Web web = new Web(templates, new Csrf(false), json, new ErrorPages(templates, json), new Assets());
            Mailer mailer = new Mailer(db, MailSettings.none(), Clock.systemUTC());
            PageMeta.SiteFrame frame = new PageMeta.SiteFrame("Masthead", "", "en", "", "", List.of());
            Accounts accounts = new Accounts(db, web, Clock.systemUTC(), false, mailer, () -> "http://localhost", () -> frame);
            DemoContent demo = new DemoContent(db, accounts, Clock.systemUTC());
            DemoContent.Report first = demo.load(articles, line -> System.out.println("  " + line));
            System.out.printf("load %d articles: %d added in %.1f s (%.0f articles/s)%n", articles, first.added(),
                    first.took().toMillis() / 1000.0, first.added() / (first.took().toMillis() / 1000.0));
            DemoContent.Report again = demo.load(articles, line -> { });
            System.out.printf("second run: %s, %d added, %d ms%n", again.alreadyLoaded() ? "already loaded" : "not marked",
                    again.added(), again.took().toMillis());
            long bytes = db.jdbi().withHandle(h -> h.createQuery("select pg_database_size(current_database())").mapTo(Long.class).one());
            System.out.printf("database size: %d MB%n", bytes / 1024 / 1024);
        }
    }
}
