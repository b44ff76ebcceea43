package news.masthead.comments;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader typed, made safe: invisible direction and zero-width tricks removed, the small
 * Markdown subset (paragraphs, {@code > quotes}, {@code *emphasis*}, {@code **strong**},
 * {@code [text](https://…)} links) turned into HTML, and the HTML passed through a strict OWASP policy.
 * The reader's text is escaped before any markup is added, so the policy is a second wall, not the first.
 */
final class CommentText {
    static final int MAX_LENGTH = 5000;

    /** Only what the renderer below produces; links only http(s), marked as user content. */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "blockquote", "em", "strong", "br", "a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https")
            .requireRelsOnLinks("nofollow", "ugc", "noopener", "noreferrer")
            .toFactory();

    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]\\n]{1,200})\\]\\((https?://[^\\s()<>\"']{1,500})\\)");
    private static final Pattern STRONG = Pattern.compile("\\*\\*([^*\\n]{1,1000})\\*\\*");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![*\\w])[*_]([^*_\\n]{1,1000})[*_](?![*\\w])");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S");

    private CommentText() {
    }

    /**
     * The text without bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and without
     * zero-width characters (U+200B, U+200C, U+2060, U+FEFF, U+180E; U+200D only where it does not join
     * two emoji), line endings made {@code \n}, other control characters dropped, ends trimmed.
     */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length());
        int[] points = text.codePoints().toArray();
        for (int i = 0; i < points.length; i++) {
            int c = points[i];
            if (c == '\n' || c == '\t') {
                out.appendCodePoint(c == '\t' ? ' ' : c);
            } else if (deceptive(c)) {
                continue;
            } else if (c == 0x200D) {
                if (i > 0 && i + 1 < points.length && emoji(points[i - 1]) && emoji(points[i + 1])) {
                    out.appendCodePoint(c);
                }
            } else if (!Character.isISOControl(c) && Character.getType(c) != Character.PRIVATE_USE
                    && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.SURROGATE) {
                out.appendCodePoint(c);
            }
        }
        return out.toString().strip();
    }

    private static boolean deceptive(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C || c == 0x200B || c == 0x200C || c == 0x2060 || c == 0xFEFF || c == 0x180E
                || (c >= 0xE0000 && c <= 0xE007F);
    }

    private static boolean emoji(int c) {
        return Character.getType(c) == Character.OTHER_SYMBOL || c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF);
    }

    /**
     * Another system's comment HTML as the text a reader could have typed: paragraphs and line breaks kept,
     * {@code <em>/<i>} and {@code <strong>/<b>} as the Markdown subset, http(s) links as {@code [text](url)},
     * quotes as {@code > }, every other element reduced to its text (scripts and styles dropped); then cleaned.
     */
    static String fromHtml(String html) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html == null ? "" : html);
        doc.select("script, style, template, iframe, object, embed, noscript").remove();
        StringBuilder out = new StringBuilder();
        appendText(doc.body(), out);
        String text = out.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
        return clean(text);
    }

    private static void appendText(org.jsoup.nodes.Node node, StringBuilder out) {
        for (org.jsoup.nodes.Node child : node.childNodes()) {
            if (child instanceof org.jsoup.nodes.TextNode t) {
                out.append(t.getWholeText());
            } else if (child instanceof org.jsoup.nodes.Element e) {
                String tag = e.normalName();
                switch (tag) {
                    case "br" -> out.append('\n');
                    case "p", "div", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table" -> {
                        out.append("\n\n");
                        appendText(e, out);
                        out.append("\n\n");
                    }
                    case "li" -> {
                        out.append('\n');
                        appendText(e, out);
                        out.append('\n');
                    }
                    case "blockquote" -> {
                        StringBuilder inner = new StringBuilder();
                        appendText(e, inner);
                        out.append("\n\n");
                        for (String line : inner.toString().strip().split("\n+")) {
                            if (!line.isBlank()) {
                                out.append("> ").append(line.strip()).append('\n');
                            }
                        }
                        out.append('\n');
                    }
                    case "em", "i" -> wrap(e, "*", out);
                    case "strong", "b" -> wrap(e, "**", out);
                    case "a" -> {
                        String href = e.attr("href").strip();
                        String label = e.text().strip().replace('[', '(').replace(']', ')');
                        if (href.matches("(?i)https?://[^\\s()<>\"']{1,500}") && !label.isEmpty() && label.length() <= 200) {
                            out.append('[').append(label).append("](").append(href).append(')');
                        } else {
                            appendText(e, out);
                        }
                    }
                    default -> appendText(e, out);
                }
            }
        }
    }

    private static void wrap(org.jsoup.nodes.Element e, String mark, StringBuilder out) {
        String inner = e.text().strip();
        if (inner.isEmpty() || inner.contains("*") || inner.contains("\n")) {
            appendText(e, out);
        } else {
            out.append(mark).append(inner).append(mark);
        }
    }

    /** A name from another system as plain text: tags and control characters gone, at most 100 characters. */
    static String plainName(String raw) {
        String name = clean(org.jsoup.Jsoup.parseBodyFragment(raw == null ? "" : raw).body().text()).replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            return "Anonymous";
        }
        return name.codePointCount(0, name.length()) <= 100 ? name : name.substring(0, name.offsetByCodePoints(0, 99)) + "…";
    }

    /** How many links the text holds: Markdown links and bare addresses alike. */
    static int links(String cleaned) {
        Matcher m = URL.matcher(cleaned);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Safe HTML for cleaned text. */
    static String html(String cleaned) {
        List<String> blocks = new ArrayList<>();
        for (String block : cleaned.split("\\n\\s*\\n")) {
            if (block.isBlank()) {
                continue;
            }
            String[] lines = block.strip().split("\\n");
            boolean quote = true;
            for (String line : lines) {
                quote &= line.startsWith(">");
            }
            StringBuilder inner = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                String line = quote ? lines[i].substring(1).strip() : lines[i].strip();
                if (i > 0) {
                    inner.append("<br>");
                }
                inner.append(inline(escape(line)));
            }
            blocks.add(quote ? "<blockquote><p>" + inner + "</p></blockquote>" : "<p>" + inner + "</p>");
        }
        return POLICY.sanitize(String.join("\n", blocks));
    }

    private static String inline(String escaped) {
        String linked = LINK.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement(
                "<a href=\"" + m.group(2) + "\">" + m.group(1) + "</a>"));
        String strong = STRONG.matcher(linked).replaceAll("<strong>$1</strong>");
        return EMPHASIS.matcher(strong).replaceAll("<em>$1</em>");
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
