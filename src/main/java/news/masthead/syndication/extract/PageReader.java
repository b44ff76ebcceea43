package news.masthead.syndication.extract;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads a saved page from disk as text: un-gzips it when the name ends in {@code .gz} or the
 * bytes start with the gzip magic number, and decodes it by BOM, then by the charset a
 * {@code <meta>} tag declares, then as UTF-8.
 */
final class PageReader {

    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:-]+)");
    private static final int SNIFF_BYTES = 4096;

    String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (isGzip(file, bytes)) {
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(new ByteArrayInputStream(bytes)))) {
                bytes = in.readAllBytes();
            }
        }
        return decode(bytes);
    }

    static String nameWithoutExtension(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : new String[] {".html.gz", ".htm.gz", ".html", ".htm", ".gz"}) {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static boolean isGzip(Path file, byte[] bytes) {
        boolean magic = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        return magic || (file.getFileName().toString().endsWith(".gz") && bytes.length == 0);
    }

    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        return new String(bytes, declaredCharset(bytes));
    }

    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8; // an unknown label is a page bug; UTF-8 is the best guess
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
