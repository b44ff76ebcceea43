package news.masthead.app.cli;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.accounts.StaffMember;
import news.masthead.app.Main;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.ServedDataDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code masthead user add} and {@code masthead token create} run through {@link Main#run}, against the
 * embedded PostgreSQL of a data directory whose "server" (the database this class starts) is running,
 * the way an operator uses them; one test also runs a command on a data directory with no server.
 */
class StaffCommandsTest {
    static ServedDataDir served;
    static Path dataDir;
    static RunningMasthead app;

    @BeforeAll
    static void start() {
        assumeThat(System.getenv("MASTHEAD_DATABASE_URL")).as("the commands would use MASTHEAD_DATABASE_URL").isNull();
        served = ServedDataDir.start("masthead-cli");
        dataDir = served.dataDir;
        app = served.app;
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run mastheadWithInput(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    static Run masthead(String... args) {
        return mastheadWithInput("", args);
    }

    String[] withDataDir(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dataDir.toString();
        return all;
    }

    @Test
    void userAddPrintsAGeneratedPasswordOnceAndItSignsIn() {
        Run run = masthead(withDataDir("user", "add", "--email", "Editor@Example.org", "--role", "editor", "--name", "Ed Itor"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Added editor Ed Itor <Editor@Example.org>.");
        Matcher password = Pattern.compile("Password \\(shown only this once; pass it on safely\\): (\\S+)").matcher(run.out());
        assertThat(password.find()).isTrue();
        assertThat(password.group(1)).hasSizeGreaterThanOrEqualTo(20);
        assertThat(app.masthead.accounts().staff()).contains(new StaffMember(
                app.masthead.accounts().staff().stream().filter(m -> m.email().equals("Editor@Example.org")).findFirst().orElseThrow().id(),
                "Editor@Example.org", "Ed Itor", Role.EDITOR));
        assertThat(new StaffBrowser(app).signIn("editor@example.org", password.group(1)).statusCode()).isEqualTo(303);
    }

    @Test
    void userAddReadsThePasswordFromStandardInputAndNamesThePersonAfterTheEmail() {
        Run run = mastheadWithInput("my own long password\n", withDataDir("user", "add", "--email", "ruth@example.org", "--role", "ADMIN", "--password-stdin"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Added admin ruth <ruth@example.org>.").doesNotContain("Password");
        StaffBrowser browser = new StaffBrowser(app);
        assertThat(browser.signIn("ruth@example.org", "my own long password").statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin/staff").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownRoleIsOneLineAndExitCode1() {
        Run run = masthead(withDataDir("user", "add", "--email", "x@example.org", "--role", "owner"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("masthead: Unknown role 'owner': use contributor, editor or admin.");
        assertNoStackTrace(run);
    }

    @Test
    void aMalformedEmailIsOneLineAndExitCode1() {
        Run run = masthead(withDataDir("user", "add", "--email", "not an email", "--role", "editor"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("masthead: 'not an email' is not an email address");
        assertNoStackTrace(run);
    }

    @Test
    void aDuplicateEmailIsOneLineAndExitCode1() {
        assertThat(masthead(withDataDir("user", "add", "--email", "twice@example.org", "--role", "editor")).exit()).isZero();
        Run run = masthead(withDataDir("user", "add", "--email", "TWICE@example.org", "--role", "admin"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("masthead: A staff account with the email TWICE@example.org already exists.");
        assertNoStackTrace(run);
    }

    @Test
    void aShortPasswordOnStandardInputIsRefused() {
        Run run = mastheadWithInput("short\n", withDataDir("user", "add", "--email", "short@example.org", "--role", "editor", "--password-stdin"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("The password must be at least 12 characters long (got 5).");
        assertNoStackTrace(run);
    }

    @Test
    void aMissingOptionIsAUsageErrorWithExitCode2() {
        Run run = masthead(withDataDir("user", "add", "--role", "editor"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--email=EMAIL'");
        assertNoStackTrace(run);
        assertThat(masthead("user").exit()).isEqualTo(2);
    }

    @Test
    void bothCommandsExplainThemselves() {
        Run user = masthead("user", "add", "--help");
        assertThat(user.exit()).isZero();
        assertThat(user.out()).contains("--email=EMAIL", "--role=ROLE", "--password-stdin", "--data-dir=DIR");
        Run token = masthead("token", "create", "--help");
        assertThat(token.exit()).isZero();
        assertThat(token.out()).contains("--name=NAME", "--data-dir=DIR");
        assertThat(masthead("--help").out()).contains("user", "token");
    }

    @Test
    void tokenCreatePrintsATokenThatTheApiAccepts() {
        Run run = masthead(withDataDir("token", "create", "--name", "wire importer"));
        assertThat(run.exit()).as(run.err()).isZero();
        String token = run.out().strip();
        assertThat(token).matches("mh_[A-Za-z0-9_-]{43}");
        assertThat(run.err()).contains("API token for 'wire importer' (shown only this once");
        var response = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/whoami")))
                .header("Authorization", "Bearer " + token).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"wire importer\"");
    }

    @Test
    void tokenCreateRefusesABlankName() {
        Run run = masthead(withDataDir("token", "create", "--name", "  "));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("masthead: The token name must be 1 to 100 characters");
        assertNoStackTrace(run);
    }

    @Test
    void theCommandsWorkOnADataDirectoryWithNoServerRunning() throws IOException {
        Path fresh = Files.createTempDirectory("masthead-cli-fresh");
        Run user = mastheadWithInput("a password for a fresh site\n",
                "user", "add", "--email", "first@example.org", "--role", "admin", "--password-stdin", "--data-dir", fresh.toString());
        assertThat(user.exit()).as(user.err()).isZero();
        Run token = masthead("token", "create", "--name", "first", "--data-dir", fresh.toString());
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(token.out().strip()).startsWith("mh_");
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("Exception");
    }
}
