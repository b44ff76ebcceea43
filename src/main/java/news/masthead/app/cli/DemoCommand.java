package news.masthead.app.cli;

import news.masthead.app.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Masthead with demo content (loaded once; running it again adds nothing twice).")
public final class DemoCommand implements Runnable {
    static final int MAX_ARTICLES = 10_000_000;

    @Mixin
    DataDirOptions data;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080, env MASTHEAD_PORT).")
    Integer port;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "300",
            description = "How many articles the demo newsroom holds, the twelve hand-written ones included "
                    + "(default ${DEFAULT-VALUE}; up to 1000000 for benchmarks, bulk-loaded).")
    int articles;

    @Override
    public void run() {
        if (articles < 0 || articles > MAX_ARTICLES) {
            throw new Main.CommandFailed("--articles must be between 0 and " + MAX_ARTICLES + " (got " + articles + ")");
        }
        ServeCommand.serve(data.settings(port), true, articles);
    }
}
