package news.masthead.syndication.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns the HTML of a news page into a clean {@link ExtractedArticle}: metadata from JSON-LD and
 * meta tags, body text from the DOM after boilerplate is pruned and the story container is
 * found by block scoring. Holds no mutable state, so one instance may serve many threads.
 */
public final class ArticleExtractor {

    /** A DOM body shorter than this, beside a much longer JSON-LD body, is treated as a miss. */
    private static final double DOM_SHORTFALL = 0.5;

    private final StructuredData structuredData = new StructuredData();
    private final BoilerplateFilter boilerplate = new BoilerplateFilter();
    private final BlockSegmenter segmenter = new BlockSegmenter();
    private final BlockScorer scorer = new BlockScorer();
    private final ContentSelector selector = new ContentSelector();

    /**
     * @param html    the page source; null or blank gives an empty article
     * @param pageUrl the page's address, used to resolve relative URLs; may be null
     */
    public ExtractedArticle extract(String html, String pageUrl) {
        Document doc = Jsoup.parse(html == null ? "" : html, pageUrl == null ? "" : pageUrl);
        StructuredData.Facts facts = structuredData.read(doc);
        PageMetadata meta = new PageMetadata(doc, facts);
        // Metadata is read before pruning: pruning removes headers, bylines and figures.
        String headline = meta.headline();
        String standfirst = meta.standfirst();
        List<String> bylines = meta.bylines();
        String imageCaption = meta.imageCaption();
        String imageCredit = meta.imageCredit();
        List<String> paragraphs = body(doc, plainText(facts.body()), headline);
        return new ExtractedArticle(headline, standfirst, bylines, meta.published(), meta.updated(),
                meta.imageUrl(), imageCaption, imageCredit, meta.canonicalUrl(), meta.language(), paragraphs);
    }

    private List<String> body(Document doc, String structuredBody, String headline) {
        Element body = doc.body();
        if (body == null) {
            return List.of();
        }
        Set<Element> marks = boilerplate.prune(doc);
        List<Block> blocks = segmenter.segment(body, marks);
        ReferenceText reference = new ReferenceText(structuredBody);
        Element root = scorer.chooseRoot(blocks, body, reference, marks);
        List<String> paragraphs = root == null ? List.of() : selector.select(blocks, root, reference, headline);
        if (!structuredBody.isEmpty() && length(paragraphs) < DOM_SHORTFALL * structuredBody.length()) {
            return splitParagraphs(structuredBody); // the DOM hides the story (e.g. rendered by script)
        }
        return paragraphs;
    }

    /** JSON-LD bodies sometimes carry markup or entities; reduce them to text with line breaks. */
    private static String plainText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        if (body.indexOf('<') < 0 && body.indexOf('&') < 0) {
            return body.strip();
        }
        Document fragment = Jsoup.parseBodyFragment(body);
        fragment.select("p, br, div, li, h2, h3, h4").forEach(e -> e.after("\n"));
        return fragment.body().wholeText().strip();
    }

    private static List<String> splitParagraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\s*\\n\\s*")) {
            if (!line.isBlank()) {
                out.add(line.strip().replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    private static int length(List<String> paragraphs) {
        int total = 0;
        for (String p : paragraphs) {
            total += p.length();
        }
        return total;
    }
}
