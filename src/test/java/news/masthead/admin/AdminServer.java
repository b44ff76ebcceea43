package news.masthead.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.SecurityHeaders;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.testing.RunningMasthead;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin feature served over real HTTP for tests: a real Masthead node (database, clock, public
 * pages) plus a Javalin built the way {@code app} builds it, with {@link Admin} given test sign-in
 * rules: the header {@code X-Test-Staff: <staff id>} is the signed-in staff member, and the
 * bearer token {@value #TOKEN} is the one valid API client.
 */
final class AdminServer implements AutoCloseable {
    static final String TOKEN = "test-token-0123456789";

    final RunningMasthead node;
    final Newsroom newsroom;
    final Admin admin;
    final Javalin http;
    final ObjectMapper json = Json.mapper();

    private AdminServer(RunningMasthead node) {
        this.node = node;
        this.newsroom = node.masthead.newsroom();
        Templates templates = new Templates();
        Web web = new Web(templates, new Csrf(false), json, new ErrorPages(templates, json), new Assets());
        this.admin = new Admin(newsroom, node.masthead.site(), web, () -> node.masthead.settings().baseUrl(),
                this::requireStaff, AdminServer::requireApiClient);
        this.http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.port = 0;
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.routes.before(SecurityHeaders::apply);
            config.routes.before(ctx -> web.csrf().verify(ctx));
            web.errors().register(config.routes);
            admin.routes(config.routes);
        }).start();
    }

    static AdminServer start() {
        return new AdminServer(RunningMasthead.start());
    }

    private Editor requireStaff(Context ctx, String minimum) {
        String header = ctx.header("X-Test-Staff");
        if (header == null) {
            throw WebError.unauthorized("Sign in.");
        }
        Editor editor = node.database.jdbi().withHandle(h -> h.createQuery("select id, name, role from staff where id = :id")
                .bind("id", Long.parseLong(header))
                .map((rs, c) -> new Editor(rs.getLong("id"), rs.getString("name"), rs.getString("role"))).one());
        if (!editor.atLeast(minimum)) {
            throw WebError.forbidden("Your role does not allow this.");
        }
        return editor;
    }

    private static String requireApiClient(Context ctx) {
        if (!("Bearer " + TOKEN).equals(ctx.header("Authorization"))) {
            throw WebError.unauthorized("Send a valid API token.");
        }
        return "test client";
    }

    long staff(String email, String name, String role) {
        return node.database.jdbi().withHandle(h -> h.createQuery(
                        "insert into staff (email, name, role) values (:e, :n, :r) returning id")
                .bind("e", email).bind("n", name).bind("r", role).mapTo(Long.class).one());
    }

    String url(String path) {
        return "http://localhost:" + http.port() + path;
    }

    /** A staff member's browser: keeps cookies, sends the CSRF token with every form. */
    Browser browser(long staffId) {
        return new Browser(staffId);
    }

    HttpResponse<String> api(String method, String path, String body, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(node.http, request.build());
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        return RunningMasthead.send(client, request);
    }

    @Override
    public void close() {
        admin.close();
        http.stop();
        node.close();
    }

    final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final long staffId;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        private Browser(long staffId) {
            this.staffId = staffId;
        }

        HttpResponse<String> get(String path) {
            HttpResponse<String> response = send(client, HttpRequest.newBuilder(URI.create(url(path)))
                    .header("X-Test-Staff", Long.toString(staffId)).GET().build());
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        }

        /** Posts a form as the page would: fields in order (repeat a name for several values), plus the CSRF token. */
        HttpResponse<String> post(String path, String... namesAndValues) {
            if (csrf == null) {
                get("/admin/articles");
            }
            List<String> pairs = new ArrayList<>();
            pairs.add("_csrf=" + csrf);
            for (int i = 0; i < namesAndValues.length; i += 2) {
                pairs.add(enc(namesAndValues[i]) + "=" + enc(namesAndValues[i + 1]));
            }
            return send(client, HttpRequest.newBuilder(URI.create(url(path)))
                    .header("X-Test-Staff", Long.toString(staffId))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(pairs.stream().collect(Collectors.joining("&")))).build());
        }

        /** A script's request: the CSRF token in the {@code X-CSRF-Token} header. */
        HttpResponse<String> script(String path, String... namesAndValues) {
            if (csrf == null) {
                get("/admin/articles");
            }
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                pairs.add(enc(namesAndValues[i]) + "=" + enc(namesAndValues[i + 1]));
            }
            return send(client, HttpRequest.newBuilder(URI.create(url(path)))
                    .header("X-Test-Staff", Long.toString(staffId)).header("X-CSRF-Token", csrf)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
