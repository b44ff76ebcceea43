package news.masthead.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens.",
        subcommands = TokenCommand.Create.class)
public final class TokenCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do, e.g. 'masthead token create --help'.");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an admin API token and print it (to standard output, on its own line). "
                    + "It is shown only this once: only its SHA-256 is stored.")
    public static final class Create implements Runnable {
        @Mixin
        DataDirOptions data;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who or what uses the token, e.g. 'wire importer'.")
        String name;

        @Override
        public void run() {
            String token = CommandAccounts.with(data, accounts -> accounts.createApiToken(name));
            spec.commandLine().getErr().println("API token for '" + name.strip()
                    + "' (shown only this once; send it as 'Authorization: Bearer <token>'):");
            spec.commandLine().getErr().flush();
            spec.commandLine().getOut().println(token);
            spec.commandLine().getOut().flush();
        }
    }
}
