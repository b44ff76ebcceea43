package news.masthead.ads;

import news.masthead.accounts.StaffBrowser;
import news.masthead.testing.RunningMasthead;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Images and admin form posts for the ads tests. */
final class AdFixtures {
    private AdFixtures() {
    }

    /** A plain PNG banner of this size and colour. */
    static byte[] banner(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A small real PNG whose header claims 100 000 × 100 000 pixels (a decompression bomb's calling card). */
    static byte[] bomb() {
        byte[] png = banner(8, 8, Color.RED);
        // IHDR's width and height are the big-endian ints at bytes 16..23
        byte[] huge = {0, 1, (byte) 0x86, (byte) 0xA0};
        System.arraycopy(huge, 0, png, 16, 4);
        System.arraycopy(huge, 0, png, 20, 4);
        return png;
    }

    /** The admin's new-ad form with sensible values; {@code overrides} replace fields (a null value drops one). */
    static Map<String, String> form(Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "Test ad", "linkUrl", "https://example.org/offer",
                "altText", "An offer", "slot", "top", "weight", "10", "active", "on"));
        overrides.forEach((k, v) -> {
            if (v == null) {
                fields.remove(k);
            } else {
                fields.put(k, v);
            }
        });
        return fields;
    }

    /** Posts a multipart form as the staff browser (its cookies and, unless {@code csrf} is null, its CSRF token). */
    static HttpResponse<String> postMultipart(RunningMasthead app, StaffBrowser staff, String path, Map<String, String> fields,
                                              byte[] image, String csrf) {
        String boundary = "----adtest" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        all.putAll(fields);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (image != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"ad.png\""
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(image);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String cookies = "mh_staff=" + staff.cookie("mh_staff") + "; mh_csrf=" + staff.csrf();
        return app.send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Cookie", cookies)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}
