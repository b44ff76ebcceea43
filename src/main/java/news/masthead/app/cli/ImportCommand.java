package news.masthead.app.cli;

import news.masthead.app.Main;
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

        @Override
        public void run() {
            ImportCommand.run(data, spec, m -> m.importWordPress(new Migration.WordPress(file, uploads, pagesSection), progress(spec)));
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
        @Option(names = "--members", paramLabel = "CSV", description = "Ghost's members CSV export, to check and count.")
        Path members;
        @Option(names = "--section", paramLabel = "SLUG", defaultValue = "news",
                description = "The section posts go to (default ${DEFAULT-VALUE}).")
        String section;

        @Override
        public void run() {
            ImportCommand.run(data, spec, m -> m.importGhost(new Migration.Ghost(file, images, members, section), progress(spec)));
        }
    }

    private static void run(DataDirOptions data, CommandLine.Model.CommandSpec spec, Function<Migration, ImportReport> task) {
        try (Database database = data.openForCommand()) {
            database.migrate();
            Newsroom newsroom = new Newsroom(database, Clock.systemUTC());
            Migration migration = new Migration(database, newsroom, new PhotoLibrary(database, Clock.systemUTC()), Clock.systemUTC());
            ImportReport report = task.apply(migration);
            PrintWriter err = spec.commandLine().getErr();
            err.println();
            err.print(report.summary());
            err.flush();
        } catch (UnusableExport e) {
            throw new Main.CommandFailed(e.getMessage());
        }
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
