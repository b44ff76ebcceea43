package news.masthead.ads;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;

/** Where the in-article box goes: after the N-th paragraph at the top level of an article's text. */
final class InArticle {
    /** The box, empty and of fixed size; {@code ads/slot.jte} renders the same for the other slots. */
    static final String BOX = "<div class=\"ad-slot ad-slot-in-article\" data-ad-slot=\"in-article\">"
            + "<p class=\"ad-label\">Advertisement</p><div class=\"ad-box\"></div></div>";

    private InArticle() {
    }

    static String place(String bodyHtml, int after) {
        if (bodyHtml == null || bodyHtml.isBlank() || bodyHtml.contains("data-ad-slot=\"in-article\"")) {
            return bodyHtml;
        }
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        List<Element> paragraphs = doc.body().children().stream().filter(e -> e.nameIs("p")).toList();
        if (paragraphs.size() <= after) {
            return bodyHtml;
        }
        paragraphs.get(after - 1).after(BOX);
        return doc.body().html();
    }
}
