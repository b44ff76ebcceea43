package news.masthead.app.cli;

import news.masthead.app.Settings;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.search.Search;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;

@Command(name = "search", mixinStandardHelpOptions = true, description = "Manage this node's search index.",
        subcommands = SearchCommand.Reindex.class)
public final class SearchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "reindex", mixinStandardHelpOptions = true,
            description = {"Rebuild the search index from the database.",
                    "Builds a new index beside the current one and switches to it atomically; a server running on the "
                            + "same data directory picks it up within a second."})
    static final class Reindex implements Runnable {
        @Mixin
        DataDirOptions data;

        @Override
        public void run() {
            Settings settings = data.settings(null);
            try (Database database = data.openForCommand()) {
                String language = database.jdbi().withHandle(h -> h.createQuery("select language from site_settings where id = 1")
                        .mapTo(String.class).findOne()).orElse("en");
                Newsroom newsroom = new Newsroom(database, Clock.systemUTC());
                long started = System.nanoTime();
                // only what everyone may read is indexed: gate as the node does
                var gate = news.masthead.app.Masthead.gate(database, newsroom);
                int articles = Search.rebuild(newsroom, settings.dataDir().resolve("search"), language, gate::forEveryone);
                System.out.printf("Indexed %d published article(s) in %.1f s.%n", articles, (System.nanoTime() - started) / 1e9);
            }
        }
    }
}
