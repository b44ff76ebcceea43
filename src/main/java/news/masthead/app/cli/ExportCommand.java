package news.masthead.app.cli;

import news.masthead.app.Main;
import news.masthead.archive.ArchiveError;
import news.masthead.archive.SiteArchive;
import news.masthead.platform.db.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the whole site (settings, staff, sections, tags, authors, photos, articles with every revision, "
                + "corrections, redirects) into a new directory, for 'masthead import masthead'.",
                "Not included: sessions, API tokens, sign-in attempts, the search index."})
public final class ExportCommand implements Runnable {
    @Mixin
    DataDirOptions data;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "A new (or empty) directory for the archive.")
    Path out;

    @Option(names = "--without-password-hashes",
            description = "Leave staff password hashes out; staff then need a new password after the import.")
    boolean withoutPasswordHashes;

    @Override
    public void run() {
        try (Database database = data.openForCommand()) {
            database.migrate();
            long started = System.nanoTime();
            SiteArchive.Summary summary = new SiteArchive(database, Clock.systemUTC()).export(out, !withoutPasswordHashes);
            spec.commandLine().getOut().printf("Exported %d row(s) and %d media file(s) (%.1f MB) to %s in %.1f s.%n",
                    summary.totalRows(), summary.mediaFiles(), summary.mediaBytes() / 1e6, out.toAbsolutePath(),
                    (System.nanoTime() - started) / 1e9);
            spec.commandLine().getOut().flush();
        } catch (ArchiveError e) {
            throw new Main.CommandFailed(e.getMessage());
        }
    }
}
