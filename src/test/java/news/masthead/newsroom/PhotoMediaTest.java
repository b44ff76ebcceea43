package news.masthead.newsroom;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The media route and the admin guard as wired into a real Masthead node. */
class PhotoMediaTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final PhotoLibrary library = new PhotoLibrary(app.database, app.clock);
    static final Photo photo = library.upload("street.jpg", PhotoFixtures.jpeg(1000, 700), PhotoDetails.BLANK);

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aRenditionIsServedImmutableWithItsTypeAndAnEtag() throws Exception {
        HttpResponse<byte[]> response = app.http.send(HttpRequest.newBuilder(URI.create(app.url(photo.url(640)))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).matches("\"[0-9a-f]{20}-640\""));
        assertThat(response.body()).isEqualTo(library.rendition(photo.id(), 640).orElseThrow().bytes());
    }

    @Test
    void aRepeatRequestWithTheEtagIsNotModified() {
        String etag = app.get(photo.url(320)).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = app.send(HttpRequest.newBuilder(URI.create(app.url(photo.url(320))))
                .header("If-None-Match", etag).build());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void unknownPhotosWidthsAndExtensionsAreNotFound() {
        long id = photo.id();
        for (String path : new String[] {"/media/photos/999999/320.jpg", "/media/photos/" + id + "/1920.jpg",
                "/media/photos/" + id + "/321.jpg", "/media/photos/" + id + "/320.png", "/media/photos/" + id + "/320.gif",
                "/media/photos/" + id + "/320", "/media/photos/abc/320.jpg", "/media/photos/" + id + "/99999999999.jpg",
                "/media/photos/99999999999999999999999/320.jpg"}) {
            HttpResponse<String> response = app.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
    }

    @Test
    void signedOutVisitorsAreSentToSignInAndScriptsGetA401() {
        HttpResponse<String> page = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/photos"))).header("Accept", "text/html").build());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/admin/login?next=%2Fadmin%2Fphotos");
        HttpResponse<String> json = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/photos.json?q=x")))
                .header("Accept", "application/json").build());
        assertThat(json.statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedInContributorUploadsThroughTheRealNodeAndSeesTheEditPage() {
        StaffBrowser browser = StaffBrowser.signedIn(app, Role.CONTRIBUTOR);
        byte[] jpeg = PhotoFixtures.withIptc(PhotoFixtures.jpeg(900, 600), "Lifeboat launch", "Ray Holt", "Coast Pictures");
        PhotoAdminTest.Multipart form = PhotoAdminTest.multipart(browser.csrf(), "lifeboat.jpg", jpeg, java.util.Map.of());

        HttpResponse<String> posted = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/photos")))
                .header("Cookie", cookies(browser))
                .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build());

        assertThat(posted.statusCode()).isEqualTo(303);
        HttpResponse<String> edit = browser.get(posted.headers().firstValue("Location").orElseThrow());
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"Lifeboat launch\"").contains("value=\"Ray Holt / Coast Pictures\"");
    }

    /** The Cookie header the signed-in browser sends (session and CSRF), for a multipart request it cannot build. */
    private static String cookies(StaffBrowser browser) {
        HttpResponse<String> probe = browser.get("/admin/photos.json");
        assertThat(probe.statusCode()).isEqualTo(200);
        return probe.request().headers().firstValue("Cookie").orElseThrow();
    }
}
