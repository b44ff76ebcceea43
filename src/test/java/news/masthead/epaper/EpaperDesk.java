package news.masthead.epaper;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.testing.RunningMasthead;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An editor at {@code /admin/epaper}, uploading PDFs the way the form does (multipart). */
record EpaperDesk(RunningMasthead app, StaffBrowser browser) {

    static EpaperDesk editor(RunningMasthead app) {
        return new EpaperDesk(app, StaffBrowser.signedIn(app, Role.EDITOR));
    }

    HttpResponse<String> upload(String path, byte[] pdf, Map<String, String> fields) {
        String boundary = "----epaper" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", browser.csrf());
        all.putAll(fields);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"pdf\"; filename=\"edition.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Cookie", "mh_csrf=" + browser.csrf() + "; mh_staff=" + browser.cookie("mh_staff"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** The notice the desk shows after a redirect (URL-decoded). */
    static String notice(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElse("");
        int at = location.indexOf("notice=");
        return at < 0 ? "" : java.net.URLDecoder.decode(location.substring(at + 7), StandardCharsets.UTF_8);
    }
}
