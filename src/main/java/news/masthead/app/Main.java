package news.masthead.app;

import news.masthead.app.cli.DemoCommand;
import news.masthead.app.cli.ExportCommand;
import news.masthead.app.cli.ExtractCommand;
import news.masthead.app.cli.ImportCommand;
import news.masthead.app.cli.MigrateCommand;
import news.masthead.app.cli.SearchCommand;
import news.masthead.app.cli.ServeCommand;
import news.masthead.app.cli.TokenCommand;
import news.masthead.app.cli.UserCommand;
import news.masthead.platform.db.DatabaseUnavailable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar masthead.jar COMMAND}: the entry point of every Masthead process. */
@Command(name = "masthead", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Masthead: a self-hosted publishing platform for news organisations.",
        subcommands = {ServeCommand.class, DemoCommand.class, MigrateCommand.class, UserCommand.class, TokenCommand.class,
                SearchCommand.class, ExtractCommand.class, ExportCommand.class, ImportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 ok, 1 failure, 2 usage error). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof Settings.InvalidSetting || e instanceof DatabaseUnavailable || e instanceof CommandFailed
                    || e instanceof news.masthead.platform.web.WebError) {
                commandLine.getErr().println("masthead: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command that cannot do what was asked; its message tells the operator why. */
    public static final class CommandFailed extends RuntimeException {
        public CommandFailed(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Masthead " + (v == null ? "development build" : v)};
        }
    }
}
