package news.masthead.migration;

import news.masthead.accounts.Accounts;
import news.masthead.comments.Comments;
import news.masthead.membership.Membership;
import news.masthead.membership.PaymentSettings;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.MailSettings;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.syndication.feedin.WebFetch;

import java.time.Clock;

/** The features an import writes to, built on a test database as the server builds them (no HTTP). */
record ImportFeatures(Comments comments, Accounts accounts, Membership membership, Migration.Features features) {
    static ImportFeatures on(Database db, Newsroom newsroom, Clock clock, WebFetch web) {
        Templates templates = new Templates();
        var json = Json.mapper();
        Web w = new Web(templates, new Csrf(false), json, new ErrorPages(templates, json), new Assets());
        Mailer mailer = new Mailer(db, MailSettings.none(), clock);
        Accounts accounts = new Accounts(db, w, clock, false, mailer, () -> "http://localhost", () -> null);
        Membership membership = new Membership(db, w, clock, mailer, new PaymentSettings(null, null),
                new news.masthead.membership.ReaderDirectory() {
                    public java.util.Optional<news.masthead.accounts.Reader> byId(long id) {
                        return accounts.reader(id);
                    }

                    public news.masthead.accounts.Reader findOrAdd(String email) {
                        return accounts.readerForEmail(email);
                    }
                },
                ctx -> { throw new AssertionError("no HTTP here"); }, (ctx, role) -> "nobody", () -> null, () -> "http://localhost");
        Comments comments = new Comments(db, newsroom, mailer, w, clock, reader -> false, email -> false, () -> "http://localhost",
                ctx -> java.util.Optional.empty(), ctx -> { throw new AssertionError("no HTTP here"); },
                ctx -> "nobody", () -> null);
        return new ImportFeatures(comments, accounts, membership, new Migration.Features(comments, accounts, membership, web));
    }
}
