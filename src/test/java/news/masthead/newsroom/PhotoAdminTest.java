package news.masthead.newsroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.SecurityHeaders;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages over HTTP with real CSRF: its own Javalin with the platform's CSRF, security
 * headers and error pages (as {@code Masthead} builds them) and a staff resolver naming a fixed
 * editor, so the page behaviour is tested apart from sign-in ({@code PhotoMediaTest} covers the real
 * node with a signed-in contributor).
 */
class PhotoAdminTest {
    static final Database database = TestDatabases.fresh();
    static final PhotoLibrary library = new PhotoLibrary(database, new Clocks.Settable(Instant.parse("2026-03-01T09:00:00Z")));
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final ObjectMapper json = Json.mapper();
    static Javalin server;
    static String cookie;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        Templates templates = new Templates();
        Web web = new Web(templates, new Csrf(false), json, new ErrorPages(templates, json), new Assets());
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 60L * 1024 * 1024;
            config.jetty.port = 0;
            config.routes.before(SecurityHeaders::apply);
            config.routes.before(ctx -> web.csrf().verify(ctx));
            web.errors().register(config.routes);
            library.routes(config.routes);
            library.adminRoutes(config.routes, web, ctx -> "Test Editor");
        }).start();
        HttpResponse<String> form = get("/admin/photos/new");
        cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(m.find()).isTrue();
        token = m.group(1);
    }

    @AfterAll
    static void stop() {
        server.stop();
        database.close();
    }

    @Test
    void theUploadFormCarriesTheCsrfTokenAndTheSignedInName() throws Exception {
        HttpResponse<String> form = get("/admin/photos/new");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("enctype=\"multipart/form-data\"").contains("name=\"_csrf\"")
                .contains("Test Editor").contains("name=\"altText\"");
    }

    @Test
    void uploadingLeadsToTheEditPageWithCaptionAndCreditFromTheFile() throws Exception {
        byte[] jpeg = PhotoFixtures.withIptc(PhotoFixtures.jpeg(1400, 900), "Flood water reaches the high street", "Ann Lee", "Valley Photos");

        HttpResponse<String> posted = post("/admin/photos", multipart(token, "flood.jpg", jpeg, Map.of("licence", "Staff")));

        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/admin/photos/[0-9]+\\?uploaded=1");
        HttpResponse<String> edit = get(location);
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"Flood water reaches the high street\"")
                .contains("value=\"Ann Lee / Valley Photos\"").contains("value=\"Staff\"")
                .contains("srcset=\"/media/photos/").contains("1280w").contains("name=\"_csrf\"");
    }

    @Test
    void editingDetailsSavesThemAndTheLibraryAndPickerFindThem() throws Exception {
        Photo photo = library.upload("market.jpg", PhotoFixtures.jpeg(700, 500), PhotoDetails.BLANK);
        String form = "_csrf=" + enc(token) + "&caption=" + enc("Saturday market <b>stalls</b>") + "&credit=" + enc("Pat Kim")
                + "&altText=" + enc("Stalls under awnings") + "&licence=";

        HttpResponse<String> saved = send(HttpRequest.newBuilder(uri("/admin/photos/" + photo.id())).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(library.find(photo.id()).orElseThrow().caption()).isEqualTo("Saturday market <b>stalls</b>");
        HttpResponse<String> grid = get("/admin/photos?q=market");
        assertThat(grid.body()).contains("/admin/photos/" + photo.id()).contains("Saturday market &lt;b&gt;stalls&lt;/b&gt;")
                .doesNotContain("<b>stalls");
        JsonNode picker = json.readTree(get("/admin/photos.json?q=saturday").body());
        assertThat(picker.get("total").asLong()).isEqualTo(1);
        JsonNode first = picker.get("photos").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(photo.id());
        assertThat(first.get("src").asText()).isEqualTo("/media/photos/" + photo.id() + "/640.jpg");
        assertThat(first.get("credit").asText()).isEqualTo("Pat Kim");
    }

    @Test
    void theLibraryPagesThroughManyPhotos() throws Exception {
        for (int i = 0; i < PhotoAdmin.PAGE_SIZE + 1; i++) {
            library.upload("paging-" + i + ".jpg", PhotoFixtures.jpeg(100 + i, 80), new PhotoDetails("Paging test " + i, "", "", ""));
        }

        HttpResponse<String> first = get("/admin/photos?q=" + enc("paging test"));
        HttpResponse<String> second = get("/admin/photos?q=" + enc("paging test") + "&page=2");

        assertThat(first.body()).contains("Page 1 of 2").contains("href=\"/admin/photos?q=paging+test&amp;page=2\"");
        assertThat(second.body()).contains("Page 2 of 2").contains("Paging test 0").doesNotContain("Paging test 1<");
        assertThat(get("/admin/photos?page=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> response = post("/admin/photos", multipart("wrong", "x.jpg", PhotoFixtures.jpeg(50, 50), Map.of()));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aTextFileNamedJpgIsRefusedWithAPageNotAStackTrace() throws Exception {
        HttpResponse<String> response = post("/admin/photos",
                multipart(token, "notes.jpg", "just words".getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("not a JPEG, PNG or WebP").doesNotContain("Exception");
    }

    @Test
    void aFiftyMegabyteUploadIsRefusedAsTooLarge() throws Exception {
        byte[] big = new byte[50 * 1024 * 1024];

        HttpResponse<String> response = post("/admin/photos", multipart(token, "huge.jpg", big, Map.of()));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("25 MB");
    }

    @Test
    void anUnknownPhotoIsNotFound() throws Exception {
        assertThat(get("/admin/photos/424242").statusCode()).isEqualTo(404);
        assertThat(get("/admin/photos/nope").statusCode()).isEqualTo(404);
    }

    static Multipart multipart(String csrf, String fileName, byte[] file, Map<String, String> fields) {
        String boundary = "----masthead" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", csrf);
        all.putAll(fields);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    record Multipart(String contentType, byte[] body) {
    }

    static HttpResponse<String> post(String path, Multipart multipart) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body())).build());
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
