package news.masthead.press;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A story's body made ready for print: the newsroom's sanitized HTML split into blocks (paragraphs,
 * subheads, quotes, lists, tables), without what cannot print (embeds, media, scripts, forms: the
 * newsroom's sanitizer already drops most), links turned into their text, and cut at
 * {@link #MAX_WORDS} so a pasted novel cannot stall the press.
 */
final class Copy {
    /** More than a full page of five columns holds; the make-up cuts earlier. */
    static final int MAX_WORDS = 4000;
    private static final String UNPRINTABLE = "script, style, iframe, embed, object, video, audio, source, img, picture, svg, "
            + "math, form, input, button, select, textarea, canvas, noscript, template, link, meta";

    private Copy() {
    }

    /** One block of copy; {@code paragraph} blocks may be split between columns. */
    record Block(String html, boolean paragraph, int words) {
    }

    /** A story's blocks; {@code truncated} when the copy was longer than {@link #MAX_WORDS}. */
    record Blocks(List<Block> blocks, boolean truncated) {
    }

    static Blocks blocks(String bodyHtml) {
        Element body = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml).body();
        body.select(UNPRINTABLE).remove();
        body.select("a").unwrap();
        body.select("figure").unwrap();
        body.select("figcaption").tagName("p");
        List<Block> blocks = new ArrayList<>();
        int words = 0;
        for (Node node : List.copyOf(body.childNodes())) {
            Element block;
            if (node instanceof TextNode text) {
                if (text.isBlank()) {
                    continue;
                }
                block = new Element("p").text(text.text());
            } else if (node instanceof Element element) {
                block = element;
            } else {
                continue;
            }
            String tag = block.normalName();
            if (tag.equals("div") || tag.equals("section") || tag.equals("article")) {
                block.tagName("p");
                tag = "p";
            }
            if (tag.matches("h[1-6]")) {
                block.tagName("h4");
                tag = "h4";
            }
            int count = wordCount(block.text());
            if (count == 0 && !tag.equals("hr")) {
                continue;
            }
            if (words + count > MAX_WORDS) {
                if (tag.equals("p")) {
                    Element cut = firstWords(block, MAX_WORDS - words);
                    blocks.add(new Block(cut.outerHtml(), true, wordCount(cut.text())));
                }
                return new Blocks(blocks, true);
            }
            words += count;
            blocks.add(new Block(block.outerHtml(), tag.equals("p"), count));
        }
        return new Blocks(blocks, false);
    }

    /** A correction printed at the end of its story, kept whole. */
    static Block correction(String text) {
        String clean = text == null ? "" : text.strip();
        return new Block("<p class=\"correction\"><strong>Correction:</strong> " + org.jsoup.nodes.Entities.escape(clean) + "</p>",
                false, wordCount(clean) + 1);
    }

    static int wordCount(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** The paragraph's first {@code n} words, inline markup kept. */
    static Element firstWords(Element paragraph, int n) {
        Element copy = paragraph.clone();
        keep(copy, new int[] {Math.max(n, 0)}, true, new boolean[1]);
        return copy;
    }

    /** The paragraph from word {@code n} on, inline markup kept. */
    static Element fromWord(Element paragraph, int n) {
        Element copy = paragraph.clone();
        keep(copy, new int[] {Math.max(n, 0)}, false, new boolean[1]);
        return copy;
    }

    /** Walks text in order; {@code left[0]} words go to the head. Keeps the head or the tail. */
    private static void keep(Element element, int[] left, boolean head, boolean[] tailStarted) {
        for (Node child : List.copyOf(element.childNodes())) {
            if (child instanceof TextNode text) {
                String whole = text.getWholeText();
                String[] parts = whole.split("(?<=\\S)(?=\\s)");
                StringBuilder kept = new StringBuilder();
                StringBuilder rest = new StringBuilder();
                for (String part : parts) {
                    boolean isWord = !part.isBlank();
                    if (left[0] > 0) {
                        kept.append(part);
                        if (isWord) {
                            left[0]--;
                        }
                    } else {
                        rest.append(part);
                    }
                }
                if (head) {
                    text.text(kept.toString());
                } else if (left[0] > 0) {
                    text.text("");
                } else {
                    // the tail starts without the space at the cut, and keeps every space after it
                    text.text(tailStarted[0] ? rest.toString() : rest.toString().stripLeading());
                    tailStarted[0] = tailStarted[0] || !rest.isEmpty();
                }
            } else if (child instanceof Element e) {
                keep(e, left, head, tailStarted);
                if (e.text().isBlank() && !e.normalName().equals("br")) {
                    e.remove();
                }
            }
        }
    }
}
