package news.masthead.app.cli;

import news.masthead.app.Main;
import news.masthead.archive.ArchiveError;
import news.masthead.archive.SiteArchive;
import news.masthead.platform.db.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;

@Command(name = "masthead", mixinStandardHelpOptions = true,
        description = {"Load an archive written by 'masthead export' into an empty database (a new --data-dir).",
                "All or nothing: on any error nothing is changed. Ids are kept."})
public final class ImportMastheadCommand implements Runnable {
    @Mixin
    DataDirOptions data;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The archive directory (the one holding manifest.json).")
    Path archive;

    @Override
    public void run() {
        try (Database database = data.openForCommand()) {
            database.migrate();
            long started = System.nanoTime();
            SiteArchive.Summary summary = new SiteArchive(database, Clock.systemUTC()).importFrom(archive);
            spec.commandLine().getOut().printf("Imported %d row(s) and %d media file(s) (%.1f MB) in %.1f s: %d article(s), "
                            + "%d revision(s), %d photo(s), %d staff.%n", summary.totalRows(), summary.mediaFiles(),
                    summary.mediaBytes() / 1e6, (System.nanoTime() - started) / 1e9, summary.rows().get("articles"),
                    summary.rows().get("article_revisions"), summary.rows().get("photos"), summary.rows().get("staff"));
            spec.commandLine().getOut().flush();
        } catch (ArchiveError e) {
            throw new Main.CommandFailed(e.getMessage());
        }
    }
}
