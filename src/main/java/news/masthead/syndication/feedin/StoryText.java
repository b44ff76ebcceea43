package news.masthead.syndication.feedin;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of an imported story in the newsroom's terms: paragraphs from a feed's HTML, plain text from a
 * summary, and Markdown that says exactly the words (every character Markdown would read as markup is
 * escaped, so a source's text can never become links, images or raw HTML here).
 */
final class StoryText {
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt";

    private StoryText() {
    }

    /** The paragraphs of an HTML fragment, one per block; loose text is one paragraph. */
    static List<String> paragraphs(String html) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        doc.select("script, style, iframe, object, embed, form, nav, aside").remove();
        List<String> out = new ArrayList<>();
        for (Element block : doc.body().select(BLOCKS)) {
            if (block.selectFirst(BLOCKS) != null && !block.is("li, blockquote")) {
                continue; // the inner blocks are read on their own
            }
            String text = clean(block.text());
            if (!text.isEmpty() && (out.isEmpty() || !out.getLast().equals(text))) {
                out.add(text);
            }
        }
        if (out.isEmpty()) {
            String text = clean(doc.body().text());
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    /** An HTML (or plain) summary as one line of plain text, cut at a word before {@code max} characters. */
    static String plain(String html, int max) {
        String text = clean(Jsoup.parseBodyFragment(html == null ? "" : html).body().text());
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    /** Paragraphs as Markdown, each a paragraph of literal text. */
    static String markdown(List<String> paragraphs) {
        StringBuilder md = new StringBuilder();
        for (String p : paragraphs) {
            if (!md.isEmpty()) {
                md.append("\n\n");
            }
            md.append(escape(p));
        }
        return md.toString();
    }

    /** Text with control characters gone and runs of white space made one space. */
    static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\u200d]]", " ").replaceAll("\\s+", " ").strip();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>&|~#!".indexOf(c) >= 0 || (i == 0 && "+-=".indexOf(c) >= 0)) {
                out.append('\\');
            }
            out.append(c);
        }
        // "1. " at the start would become a list
        return out.toString().replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
    }
}
