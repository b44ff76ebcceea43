package news.masthead.newsroom;

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
    void theAdminPagesRefuseAnyoneUntilAccountsIsWired() {
        assertThat(app.get("/admin/photos").statusCode()).isEqualTo(401);
        assertThat(app.get("/admin/photos.json?q=x").statusCode()).isEqualTo(401);
        assertThat(app.get("/admin/photos/" + photo.id()).statusCode()).isEqualTo(401);
    }
}
