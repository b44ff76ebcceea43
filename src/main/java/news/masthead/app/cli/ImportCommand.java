package news.masthead.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.accounts.Accounts;
import news.masthead.accounts.Role;
import news.masthead.app.Main;
import news.masthead.app.Settings;
import news.masthead.comments.Comments;
import news.masthead.membership.Membership;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.site.PageMeta;
import news.masthead.syndication.feedin.WebFetch;
import news.masthead.migration.ImportReport;
import news.masthead.migration.Migration;
import news.masthead.migration.UnusableExport;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a site exported from WordPress or Ghost, or a Masthead archive ('masthead export').",
        subcommands = {ImportCommand.WordPress.class, ImportCommand.Ghost.class, ImportMastheadCommand.class})
public final class ImportCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to import, e.g. 'masthead import wordpress export.xml'.");
    }

    @Command(name = "wordpress", mixinStandardHelpOptions = true,
            description = {"Import a WordPress export (Tools → Export, a WXR .xml file): categories as sections, authors, "
                    + "tags, posts and pages as articles, featured images, old permalinks as redirects.",
                    "Running it again skips what is unchanged. Exit code 0 when the file was read (even if some items failed), "
                            + "1 when the file is unusable."})
    static final class WordPress implements Runnable {
        @Mixin
        DataDirOptions data;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "The WXR export file.")
        Path file;
        @Option(names = "--uploads", paramLabel = "DIR", description = "A copy of the site's wp-content/uploads folder, for featured images.")
        Path uploads;
        @Option(names = "--section-for-pages", paramLabel = "SLUG", defaultValue = "pages",
                description = "The section WordPress pages go to (default ${DEFAULT-VALUE}).")
        String pagesSection;
        @Option(names = "--fetch-media", description = "Fetch images by their URL (public addresses only, 25 MB and 30 s each) "
                + "when they are not in --uploads; without --uploads images are always fetched.")
        boolean fetchMedia;

        @Override
        public void run() {
            ImportCommand.run(data, spec, m -> m.importWordPress(new Migration.WordPress(file, uploads, pagesSection, fetchMedia),
                    progress(spec)));
        }
    }

    @Command(name = "ghost", mixinStandardHelpOptions = true,
            description = {"Import a Ghost export (Settings → Labs → Export, a .json file): authors, tags, posts and pages "
                    + "as articles, feature images, old /slug/ addresses as redirects; members are counted, not imported.",
                    "Running it again skips what is unchanged. Exit code 0 when the file was read, 1 when it is unusable."})
    static final class Ghost implements Runnable {
        @Mixin
        DataDirOptions data;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "The Ghost JSON export.")
        Path file;
        @Option(names = "--images", paramLabel = "DIR", description = "A copy of the site's content/images folder, for feature images.")
        Path images;
        @Option(names = "--members", paramLabel = "CSV", description = "Ghost's members CSV export: every member becomes a reader "
                + "account; paying and complimentary ones also get a complimentary membership.")
        Path members;
        @Option(names = "--plan", paramLabel = "ID|NAME", description = "The plan paying and complimentary members get "
                + "(default: a plan named like their Ghost tier, else the cheapest active plan).")
        String plan;
        @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "When complimentary memberships end (the end of that day, UTC) "
                + "for members whose row has no expiry; without it and without an expiry column none are granted.")
        java.time.LocalDate until;
        @Option(names = "--section", paramLabel = "SLUG", defaultValue = "news",
                description = "The section posts go to (default ${DEFAULT-VALUE}).")
        String section;

        @Override
        public void run() {
            java.time.Instant end = until == null ? null : until.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            ImportCommand.run(data, spec, m -> m.importGhost(new Migration.Ghost(file, images, members, section, plan, end), progress(spec)));
        }
    }

    private static void run(DataDirOptions data, CommandLine.Model.CommandSpec spec, Function<Migration, ImportReport> task) {
        try (Database database = data.openForCommand()) {
            database.migrate();
            Newsroom newsroom = new Newsroom(database, Clock.systemUTC());
            Migration migration = new Migration(database, newsroom, new PhotoLibrary(database, Clock.systemUTC()),
                    features(database, newsroom, data.settings(null)), Clock.systemUTC());
            ImportReport report = task.apply(migration);
            PrintWriter err = spec.commandLine().getErr();
            err.println();
            err.print(report.summary());
            err.flush();
        } catch (UnusableExport e) {
            throw new Main.CommandFailed(e.getMessage());
        }
    }

    /**
     * The features an import writes to besides the newsroom, built as the server builds them but never
     * serving: nothing here answers a request or sends mail (the mail an import queues, none today, would
     * wait in the outbox for the server).
     */
    private static Migration.Features features(Database database, Newsroom newsroom, Settings settings) {
        Clock clock = Clock.systemUTC();
        Templates templates = new Templates();
        ObjectMapper json = Json.mapper();
        Web web = new Web(templates, new Csrf(settings.secureCookies()), json, new ErrorPages(templates, json), new Assets());
        Mailer mailer = new Mailer(database, settings.mail(), clock);
        Supplier<PageMeta.SiteFrame> noFrame = () -> {
            throw new IllegalStateException("the import command renders no pages");
        };
        Accounts accounts = new Accounts(database, web, clock, settings.secureCookies(), mailer, settings::baseUrl, noFrame);
        Membership membership = new Membership(database, web, clock, mailer, settings.payments(), new news.masthead.membership.ReaderDirectory() {
            public java.util.Optional<news.masthead.accounts.Reader> byId(long id) {
                return accounts.reader(id);
            }

            public news.masthead.accounts.Reader findOrAdd(String email) {
                return accounts.readerForEmail(email);
            }
        }, accounts::requireReader,
                (ctx, role) -> accounts.requireStaff(ctx, Role.parse(role)).name(), noFrame, settings::baseUrl);
        Comments comments = new Comments(database, newsroom, mailer, web, clock, reader -> false, email -> false,
                settings::baseUrl, accounts::currentReader, accounts::requireReader,
                ctx -> accounts.requireStaff(ctx, Role.EDITOR).name(), noFrame);
        return new Migration.Features(comments, accounts, membership, new WebFetch(WebFetch.Limits.images(), false));
    }

    /** Progress lines on standard error, at most a few a second: "posts 120/450". */
    private static Migration.Progress progress(CommandLine.Model.CommandSpec spec) {
        long[] last = {0};
        return (kind, done, total) -> {
            long now = System.nanoTime();
            if (done == total || now - last[0] > 250_000_000L) {
                last[0] = now;
                spec.commandLine().getErr().println(kind + " " + done + "/" + total);
                spec.commandLine().getErr().flush();
            }
        };
    }
}
