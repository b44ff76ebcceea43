package news.masthead.syndication.feedin;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text for feeds and pages. The encoding comes from, in order: a byte-order mark, the document's
 * own declaration (XML declaration; {@code <meta charset>} for HTML), the {@code Content-Type} charset, and
 * else UTF-8. Feeds are decoded strictly: bytes that are not what the feed claims make the whole feed
 * unreadable (a feed that lies about its encoding would otherwise store garbled text). Pages are decoded
 * leniently, since a stray byte in a page should not lose the story.
 */
final class TextDecoding {
    private static final Pattern XML_DECLARATION = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private TextDecoding() {
    }

    /** A feed's text; fails when its bytes are not valid in the encoding it declares. */
    static String feed(byte[] bytes, String contentType) throws ImportFailure {
        Bom bom = Bom.of(bytes);
        String head = new String(bytes, bom.length, Math.min(bytes.length - bom.length, 512), StandardCharsets.ISO_8859_1);
        String declared = bom.charset != null ? bom.charset.name() : first(XML_DECLARATION.matcher(head.stripLeading()));
        if (declared == null) {
            declared = first(HEADER_CHARSET.matcher(contentType == null ? "" : contentType));
        }
        Charset charset = charset(declared == null ? "UTF-8" : declared);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer text = decoder.decode(ByteBuffer.wrap(bytes, bom.length, bytes.length - bom.length));
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new ImportFailure("The feed's bytes are not valid " + charset.name()
                    + (declared == null ? " (no encoding declared, so UTF-8 was assumed)" : " although it says they are")
                    + "; it was not read.", e);
        }
    }

    /** A page's text, decoded leniently (undecodable bytes become U+FFFD). */
    static String page(byte[] bytes, String contentType) {
        Bom bom = Bom.of(bytes);
        Charset charset = bom.charset;
        if (charset == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            charset = known(first(META_CHARSET.matcher(head)));
        }
        if (charset == null) {
            charset = known(first(HEADER_CHARSET.matcher(contentType == null ? "" : contentType)));
        }
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        return new String(bytes, bom.length, bytes.length - bom.length, charset);
    }

    private static String first(Matcher m) {
        return m.find() ? m.group(1) : null;
    }

    private static Charset charset(String name) throws ImportFailure {
        Charset charset = known(name);
        if (charset == null) {
            throw new ImportFailure("The feed says its encoding is '" + name + "', which we do not know.");
        }
        return charset;
    }

    private static Charset known(String name) {
        if (name == null) {
            return null;
        }
        try {
            String n = name.strip().toLowerCase(Locale.ROOT);
            // browsers read iso-8859-1 and us-ascii as windows-1252; so do we
            return Charset.forName(n.equals("iso-8859-1") || n.equals("us-ascii") || n.equals("latin1") ? "windows-1252" : n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private record Bom(Charset charset, int length) {
        static Bom of(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            return new Bom(null, 0);
        }
    }
}
