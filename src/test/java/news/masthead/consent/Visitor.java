package news.masthead.consent;

import news.masthead.testing.RunningMasthead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A reader's HTTP client with its own cookie jar: reads the status, posts choices as JSON or as a form. */
final class Visitor {
    private final String base;
    private final CookieManager jar = new CookieManager();
    private final HttpClient http;

    Visitor(RunningMasthead app) {
        this(app.url(""));
    }

    Visitor(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String cookie(String name) {
        return jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    List<String> cookieNames() {
        return jar.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList();
    }

    void setCookie(String name, String value) {
        jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> jar.getCookieStore().remove(null, c));
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        jar.getCookieStore().add(URI.create(base), cookie);
    }

    String csrf() {
        if (cookie("mh_csrf") == null) {
            get("/csrf");
        }
        return cookie("mh_csrf");
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    HttpResponse<String> postJson(String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/consent"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-Token", csrf()).POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request, headers);
    }

    /** Posts a form; {@code fields} alternate name and value (a name may repeat); adds the CSRF token. */
    HttpResponse<String> postForm(String path, String... fields) {
        return postFormExactly(path, append(fields, "_csrf", csrf()));
    }

    HttpResponse<String> postFormExactly(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), new String[0]);
    }

    private static String[] append(String[] fields, String name, String value) {
        String[] all = java.util.Arrays.copyOf(fields, fields.length + 2);
        all[fields.length] = name;
        all[fields.length + 1] = value;
        return all;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String[] headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }
}
