package news.masthead.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.accounts.Accounts;
import news.masthead.app.Main;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.MailSettings;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.PageMeta;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/** Runs an accounts task from the command line: opens (and migrates) the database, turns bad input into a one-line failure. */
final class CommandAccounts {
    private CommandAccounts() {
    }

    static <T> T with(DataDirOptions data, Function<Accounts, T> task) {
        try (Database database = data.openForCommand()) {
            database.migrate();
            return task.apply(on(database));
        } catch (WebError e) {
            throw new Main.CommandFailed(e.getMessage());
        }
    }

    /** Accounts on a database, for a command that serves no pages. */
    static Accounts on(Database database) {
        Templates templates = new Templates();
        ObjectMapper json = Json.mapper();
        Web web = new Web(templates, new Csrf(false), json, new ErrorPages(templates, json), new Assets());
        // staff tasks only: no reader page is served and no mail is sent from here
        Mailer mailer = new Mailer(database, MailSettings.none(), Clock.systemUTC());
        PageMeta.SiteFrame frame = new PageMeta.SiteFrame("Masthead", "", "en", "", "", List.of());
        return new Accounts(database, web, Clock.systemUTC(), false, mailer, () -> "http://localhost", () -> frame);
    }
}
