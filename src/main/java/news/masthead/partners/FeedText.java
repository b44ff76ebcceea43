package news.masthead.partners;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * A feed item's HTML as literal Markdown: the text of its paragraphs, headings, list items and quotes,
 * with Markdown's own characters escaped, so nothing in a partner's markup becomes links, images or HTML
 * here. Formatting inside paragraphs is not kept.
 */
final class FeedText {
    private FeedText() {
    }

    static String markdown(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        var document = Jsoup.parseBodyFragment(html);
        List<String> blocks = new ArrayList<>();
        for (Element e : document.body().select("p, h1, h2, h3, h4, h5, h6, li, blockquote")) {
            if (!e.select("p, li").isEmpty() && !e.tagName().equals("li") && e.children().stream().anyMatch(c -> c.tagName().equals("p"))) {
                continue; // a container of paragraphs: its paragraphs are taken one by one
            }
            String text = e.text().strip();
            if (!text.isEmpty()) {
                String prefix = e.tagName().matches("h[1-6]") ? "## " : e.tagName().equals("li") ? "- " : "";
                blocks.add(prefix + escape(text));
            }
        }
        if (blocks.isEmpty()) {
            String text = document.body().text().strip();
            return text.isEmpty() ? "" : escape(text);
        }
        return String.join("\n\n", blocks);
    }

    static String plain(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).body().text().strip();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_{}[]()<>#+-.!|~&".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
