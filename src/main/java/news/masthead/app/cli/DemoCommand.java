package news.masthead.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Masthead with demo content (loaded once; running it again adds nothing twice).")
public final class DemoCommand implements Runnable {
    @Mixin
    DataDirOptions data;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080, env MASTHEAD_PORT).")
    Integer port;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "300",
            description = "How many articles the demo newsroom holds (default ${DEFAULT-VALUE}).")
    int articles;

    @Override
    public void run() {
        ServeCommand.serve(data.settings(port), true, articles);
    }
}
