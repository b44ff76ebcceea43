package news.masthead.platform.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One cached representation of a page: the bytes, a gzip copy made once, and every header value
 * worked out in advance so that serving it allocates nothing of its size.
 */
public final class CachedPage {
    /** Below this a gzip copy is not worth its header and CPU on the client. */
    static final int MIN_GZIP_BYTES = 256;

    final String key;
    final String contentType;
    final byte[] body;
    /** Null when gzip does not make the page smaller. */
    final byte[] gzip;
    final String etag;
    final String gzipEtag;
    final Set<String> surrogateKeys;
    final String surrogateHeader;
    final String cacheControl;
    final String vary;
    final long weight;
    /**
     * When the page was last served, for eviction. A plain field on purpose: a lost update only makes
     * the least-recently-used order slightly approximate, and a hit stays a single store.
     */
    long lastUsed;

    CachedPage(String key, Rendered rendered, Set<String> surrogateKeys, String defaultCacheControl) {
        this.key = key;
        this.contentType = rendered.contentType();
        this.body = rendered.body();
        byte[] compressed = body.length >= MIN_GZIP_BYTES ? gzip(body) : null;
        this.gzip = compressed != null && compressed.length < body.length ? compressed : null;
        String digest = digest(body);
        this.etag = '"' + digest + '"';
        this.gzipEtag = '"' + digest + "-gz\"";
        this.surrogateKeys = Set.copyOf(surrogateKeys);
        this.surrogateHeader = String.join(" ", surrogateKeys.stream().sorted().toList());
        this.cacheControl = rendered.cacheControl() != null ? rendered.cacheControl() : defaultCacheControl;
        this.vary = rendered.vary();
        this.weight = 256L + 2L * key.length() + body.length + (gzip == null ? 0 : gzip.length);
        this.lastUsed = System.nanoTime();
    }

    public String key() {
        return key;
    }

    public String contentType() {
        return contentType;
    }

    /** The identity bytes; do not modify. */
    public byte[] body() {
        return body;
    }

    /** The gzip bytes, or null when the page is too small to gain from them; do not modify. */
    public byte[] gzipBody() {
        return gzip;
    }

    /** The strong ETag of the identity bytes (quoted). */
    public String etag() {
        return etag;
    }

    public Set<String> surrogateKeys() {
        return surrogateKeys;
    }

    public String cacheControl() {
        return cacheControl;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new BestGzip(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The page is compressed once and served many times, so the slowest, smallest level pays off. */
    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 15));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
