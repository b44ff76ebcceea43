package news.masthead.accounts;

import news.masthead.testing.RunningMasthead;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's worth of cookies in front of a {@link RunningMasthead}: follows no redirects, keeps
 * what {@code Set-Cookie} says, sends forms with the CSRF token. Other features' tests use it to act
 * as a signed-in staff member: {@code StaffBrowser.signedIn(app, Role.EDITOR)}.
 */
public final class StaffBrowser {
    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();

    private final RunningMasthead app;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public StaffBrowser(RunningMasthead app) {
        this.app = app;
    }

    /** A browser signed in as a new staff member with {@code role}. */
    public static StaffBrowser signedIn(RunningMasthead app, Role role) {
        String email = role.label() + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@example.org";
        app.masthead.accounts().addStaff(email, "Test " + role.label(), role, "correct horse battery");
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> response = browser.signIn(email, "correct horse battery");
        if (response.statusCode() != 303) {
            throw new IllegalStateException("Sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return browser;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path))).GET();
        return send(request, headers);
    }

    /** Posts a form; adds the CSRF token unless the form already has a {@code _csrf} entry. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf());
        return postExactly(path, fields);
    }

    /** Posts exactly these fields (no CSRF token added). */
    public HttpResponse<String> postExactly(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), new String[0]);
    }

    public HttpResponse<String> signIn(String email, String password) {
        return post("/admin/login", Map.of("email", email, "password", password));
    }

    public HttpResponse<String> signOut() {
        return post("/admin/logout", Map.of());
    }

    /** The CSRF token, fetching the sign-in page first when there is no cookie yet. */
    public String csrf() {
        if (!cookies.containsKey("mh_csrf") && !cookies.containsKey("__Host-mh_csrf")) {
            get("/admin/login");
        }
        return cookies.getOrDefault("mh_csrf", cookies.get("__Host-mh_csrf"));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String[] headers) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = app.send(request.build());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (setCookie.toLowerCase().contains("max-age=0") || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}
