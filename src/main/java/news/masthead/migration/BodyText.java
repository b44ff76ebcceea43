package news.masthead.migration;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a post's HTML into the Markdown the newsroom stores: WordPress shortcodes resolved to their
 * content, WordPress's bare paragraphs (blank lines, no {@code <p>}) made into paragraphs, scripts and
 * embeds dropped, then converted by flexmark. The newsroom sanitizes again when it saves.
 */
final class BodyText {
    /** Shortcodes WordPress core and common plugins write; anything else in brackets is left as text. */
    private static final Set<String> SHORTCODES = Set.of("caption", "wp_caption", "gallery", "embed", "audio", "video",
            "playlist", "youtube", "vimeo", "soundcloud", "contact-form-7", "contact-form", "et_pb_section",
            "et_pb_row", "et_pb_column", "et_pb_text", "vc_row", "vc_column", "vc_column_text");
    private static final Pattern ENCLOSING = Pattern.compile("\\[([a-z_][a-z0-9_-]*)(\\s[^\\]]*)?\\](.*?)\\[/\\1\\]",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SELF_CLOSING = Pattern.compile("\\[([a-z_][a-z0-9_-]*)(\\s[^\\]]*)?/?\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPTION_IMAGE = Pattern.compile("(?s)^\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*)$");
    private static final Pattern BLOCK_START = Pattern.compile("(?is)^\\s*<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|dl|section|article|aside|header|footer|address|iframe|script|style|form)\\b");
    private static final String[] DROPPED = {"script", "style", "iframe", "object", "embed", "form", "noscript", "template"};
    private static final FlexmarkHtmlConverter CONVERTER = FlexmarkHtmlConverter.builder(
            new MutableDataSet().set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)).build();

    private BodyText() {
    }

    /** Markdown and what was changed on the way (for the report). */
    record Converted(String markdown, List<String> notes) {
    }

    static Converted fromWordPress(String html) {
        List<String> notes = new ArrayList<>();
        String text = html.replace("<!--more-->", "").replaceAll("<!--nextpage-->", "");
        text = shortcodes(text, notes);
        return convert(paragraphs(text), notes);
    }

    static Converted fromHtml(String html) {
        return convert(html, new ArrayList<>());
    }

    /** Plain text of an HTML fragment (an excerpt), whitespace collapsed. */
    static String plain(String html) {
        return Jsoup.parseBodyFragment(html == null ? "" : html).body().text().strip();
    }

    private static Converted convert(String html, List<String> notes) {
        Document doc = Jsoup.parseBodyFragment(html);
        int dropped = 0;
        for (String tag : DROPPED) {
            for (Element e : doc.body().select(tag)) {
                e.remove();
                dropped++;
            }
        }
        if (dropped > 0) {
            notes.add(dropped + " script/embed element(s) dropped");
        }
        String markdown = CONVERTER.convert(doc.body().html()).strip();
        return new Converted(markdown, List.copyOf(notes));
    }

    /** [caption]<img> Text[/caption] → the image with its caption under it; other known shortcodes → their content or nothing. */
    static String shortcodes(String text, List<String> notes) {
        String previous;
        String current = text;
        int removed = 0;
        int rounds = 0;
        do {
            previous = current;
            Matcher m = ENCLOSING.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
                if (!SHORTCODES.contains(name)) {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                    continue;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(enclosed(name, m.group(3))));
            }
            m.appendTail(out);
            current = out.toString();
        } while (!current.equals(previous) && ++rounds < 5);
        Matcher m = SELF_CLOSING.matcher(current);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (SHORTCODES.contains(name) || name.startsWith("et_pb_") || name.startsWith("vc_")) {
                removed++;
                m.appendReplacement(out, "");
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            }
        }
        m.appendTail(out);
        if (removed > 0) {
            notes.add(removed + " shortcode(s) without content removed (e.g. [gallery])");
        }
        return out.toString();
    }

    private static String enclosed(String name, String content) {
        if (name.equals("caption") || name.equals("wp_caption")) {
            Matcher img = CAPTION_IMAGE.matcher(content);
            if (img.matches()) {
                String caption = img.group(2).strip();
                return "\n\n<p>" + img.group(1).strip() + "</p>\n\n" + (caption.isEmpty() ? "" : "<p><em>" + caption + "</em></p>\n\n");
            }
            return content;
        }
        if (name.equals("embed")) {
            String url = content.strip();
            return "\n\n<p><a href=\"" + url.replace("\"", "%22") + "\">" + url + "</a></p>\n\n";
        }
        return content;
    }

    /** WordPress's wpautop, simply: text separated by blank lines becomes paragraphs, single newlines line breaks. */
    static String paragraphs(String text) {
        if (text.contains("<p>") || text.contains("<p ")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String block : text.replace("\r\n", "\n").split("\\n\\s*\\n")) {
            String b = block.strip();
            if (b.isEmpty()) {
                continue;
            }
            if (BLOCK_START.matcher(b).find()) {
                out.append(b).append('\n');
            } else {
                out.append("<p>").append(b.replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return out.toString();
    }
}
