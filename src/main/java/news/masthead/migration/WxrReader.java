package news.masthead.migration;

import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a WordPress export (WXR) one element at a time: the channel's authors, categories and
 * tags, then each item, handed to a {@link Visitor} as soon as it is read, so a file of any size
 * takes the memory of one item. Refuses a DOCTYPE, a document that is not RSS, and RSS without
 * {@code wp:wxr_version} (a feed, not an export).
 */
final class WxrReader {
    /** The longest text we take from one field (a post body over 4 M characters is not an article). */
    static final int MAX_FIELD = 4_000_000;
    private static final String WP = "http://wordpress.org/export/";

    interface Visitor {
        default void channel(String key, String value) {
        }

        default void author(Map<String, String> fields) {
        }

        default void category(Map<String, String> fields) {
        }

        default void tag(Map<String, String> fields) {
        }

        void item(WxrItem item);
    }

    private WxrReader() {
    }

    static void read(Path file, Visitor visitor) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader r = SafeXml.open(in);
            try {
                walk(r, visitor);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new UnusableExport(notWellFormed(e), e);
        } catch (IOException e) {
            throw new UnusableExport("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void walk(XMLStreamReader r, Visitor visitor) throws XMLStreamException {
        boolean root = true;
        boolean wxr = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw new UnusableExport("The file declares a DOCTYPE, which WordPress exports never do; refused "
                        + "(a DOCTYPE can hide entity expansion or references to other files).");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String key = key(r.getName());
            if (root) {
                if (!key.equals("rss")) {
                    throw new UnusableExport("This is not a WordPress export: the document is <" + r.getLocalName()
                            + ">, a WordPress export (WXR) is <rss> with wp: elements. Export from WordPress under Tools → Export.");
                }
                root = false;
                continue;
            }
            switch (key) {
                case "wp:wxr_version" -> {
                    wxr = true;
                    visitor.channel(key, text(r));
                }
                case "wp:base_site_url", "wp:base_blog_url", "link", "title" -> visitor.channel(key, text(r));
                case "wp:author" -> visitor.author(fields(r));
                case "wp:category" -> visitor.category(fields(r));
                case "wp:tag" -> visitor.tag(fields(r));
                case "item" -> {
                    if (!wxr) {
                        throw notWxr();
                    }
                    visitor.item(item(r));
                }
                default -> {
                    // channel, image, generator …: nothing we need
                }
            }
        }
        if (root) {
            throw new UnusableExport("The file is empty or holds no XML element.");
        }
        if (!wxr) {
            throw notWxr();
        }
    }

    private static UnusableExport notWxr() {
        return new UnusableExport("This is an RSS feed, not a WordPress export: it has no wp:wxr_version. "
                + "Export the whole site from WordPress under Tools → Export (a .xml file of type WXR).");
    }

    /** The simple child elements of the current element, by key. */
    private static Map<String, String> fields(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                fields.put(key(r.getName()), text(r));
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return fields;
    }

    private static WxrItem item(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        List<WxrItem.Term> terms = new ArrayList<>();
        Map<String, String> meta = new HashMap<>();
        List<WxrItem.Comment> comments = new ArrayList<>();
        String tooLong = null;
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return new WxrItem(fields, terms, meta, comments, tooLong);
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String key = key(r.getName());
            switch (key) {
                case "category" -> {
                    String domain = attribute(r, "domain");
                    String nicename = attribute(r, "nicename");
                    terms.add(new WxrItem.Term(domain, nicename, text(r).strip()));
                }
                case "wp:postmeta" -> {
                    Map<String, String> m = fields(r);
                    meta.putIfAbsent(m.getOrDefault("wp:meta_key", ""), m.getOrDefault("wp:meta_value", ""));
                }
                case "wp:comment" -> {
                    Map<String, String> c = commentFields(r);
                    comments.add(new WxrItem.Comment(c));
                }
                default -> {
                    TextOrTooLong t = boundedText(r);
                    if (t.tooLong()) {
                        tooLong = key;
                    }
                    fields.put(key, t.text());
                }
            }
        }
    }

    /** A comment's own fields (its nested comment meta skipped). */
    private static Map<String, String> commentFields(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && !key(r.getName()).equals("wp:commentmeta")) {
                    fields.put(key(r.getName()), text(r));
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return fields;
    }

    private static String attribute(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null ? "" : v.strip();
    }

    private static String text(XMLStreamReader r) throws XMLStreamException {
        return boundedText(r).text();
    }

    private record TextOrTooLong(String text, boolean tooLong) {
    }

    /** The text inside the current element (nested elements' text included), up to {@link #MAX_FIELD} characters. */
    private static TextOrTooLong boundedText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!tooLong && text.length() + r.getTextLength() <= MAX_FIELD) {
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    } else {
                        tooLong = true;
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                }
            }
        }
        return new TextOrTooLong(tooLong ? "" : text.toString(), tooLong);
    }

    /** "wp:post_id", "content:encoded", "excerpt:encoded", "dc:creator", or the bare name for RSS's own elements. */
    static String key(QName name) {
        String ns = name.getNamespaceURI() == null ? "" : name.getNamespaceURI();
        String local = name.getLocalPart();
        if (ns.startsWith(WP) && ns.endsWith("/excerpt/")) {
            return "excerpt:" + local;
        }
        if (ns.startsWith(WP)) {
            return "wp:" + local;
        }
        return switch (ns) {
            case "http://purl.org/rss/1.0/modules/content/" -> "content:" + local;
            case "http://purl.org/dc/elements/1.1/" -> "dc:" + local;
            case "" -> local;
            default -> "?" + local;
        };
    }

    private static String notWellFormed(XMLStreamException e) {
        Location at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        String why = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        return "The file is not well-formed XML" + where + " (damaged or cut short?): " + why.strip();
    }
}
