package news.masthead.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static files under {@code /assets/} (classpath {@code public/}) with a content hash in their URL,
 * so they can be cached for a year and still change the moment a release does.
 */
public final class Assets {
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    /** {@code /assets/site.css?v=1a2b3c4d} for {@code site.css}. */
    public String url(String file) {
        return urls.computeIfAbsent(file, f -> "/assets/" + f + "?v=" + hash(f));
    }

    private static String hash(String file) {
        try (InputStream in = Assets.class.getResourceAsStream("/public/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No asset named " + file);
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(in.readAllBytes())).substring(0, 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
