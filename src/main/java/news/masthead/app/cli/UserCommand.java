package news.masthead.app.cli;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffMember;
import news.masthead.app.Main;
import news.masthead.platform.web.WebError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage staff accounts.",
        subcommands = UserCommand.Add.class)
public final class UserCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do, e.g. 'masthead user add --help'.");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a staff member who can sign in to the admin at /admin/login.")
    public static final class Add implements Runnable {
        @Mixin
        DataDirOptions data;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Email address; used to sign in.")
        String email;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "contributor, editor or admin.")
        String role;

        @Option(names = "--name", paramLabel = "NAME", description = "Name shown in the admin (default: the part of the email before @).")
        String name;

        @Option(names = "--password-stdin",
                description = "Read the password (at least 12 characters) from standard input instead of generating one.")
        boolean passwordFromStdin;

        @Override
        public void run() {
            Role parsedRole;
            try {
                parsedRole = Role.parse(role);
            } catch (WebError e) {
                throw new Main.CommandFailed(e.getMessage());
            }
            String displayName = name != null ? name : email.strip().replaceAll("@.*", "");
            String password = passwordFromStdin ? readPassword() : generatePassword();
            StaffMember added = CommandAccounts.with(data, accounts -> accounts.addStaff(email, displayName, parsedRole, password));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Added " + added.role().label() + " " + added.name() + " <" + added.email() + ">.");
            if (!passwordFromStdin) {
                out.println("Password (shown only this once; pass it on safely): " + password);
            }
            out.flush();
        }

        private static String readPassword() {
            try {
                String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                        : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** 24 characters from 144 random bits: strong, and safe to paste anywhere. */
        private static String generatePassword() {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
