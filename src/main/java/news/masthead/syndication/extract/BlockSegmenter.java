package news.masthead.syndication.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Cuts a (pruned) DOM into {@link Block}s in one depth-first pass. Text belongs to its nearest
 * block-level ancestor, so inline markup ({@code a}, {@code span}, {@code em}) never splits a
 * paragraph while a nested {@code div} does. A table row is one block, its cells joined by
 * spaces, because a row of a results table reads as one line.
 */
final class BlockSegmenter {

    private static final Set<String> BLOCK_TAGS = Set.of(
            "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
            "table", "tbody", "tfoot", "thead", "tr", "ul", "caption", "picture", "video", "audio");

    /** Longer than this, text beside a picture is prose that wraps it, not its caption. */
    private static final int CAPTION_MAX_CHARS = 200;

    List<Block> segment(Element root, Set<Element> marks) {
        Collector collector = new Collector(marks);
        root.traverse(collector);
        collector.flush();
        return collector.blocks;
    }

    static boolean isBlockTag(String tag) {
        return BLOCK_TAGS.contains(tag);
    }

    private static final class Collector implements NodeVisitor {
        final List<Block> blocks = new ArrayList<>();
        private final Deque<Element> owners = new ArrayDeque<>();
        private final Deque<Element> openMarks = new ArrayDeque<>();
        private final Set<Element> marks;
        private final StringBuilder text = new StringBuilder();
        private int linkChars;
        private int leadingLinkChars;
        private boolean leadingRunOpen = true;
        private int linkDepth;
        private int listItemDepth;
        private boolean pendingSpace;

        Collector(Set<Element> marks) {
            this.marks = marks;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                append(textNode.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (marks.contains(element)) {
                    flush();
                    openMarks.push(element);
                }
                if (BLOCK_TAGS.contains(tag)) {
                    flush();
                    owners.push(element);
                    if (tag.equals("li")) {
                        listItemDepth++;
                    }
                } else if (tag.equals("br")) {
                    lineBreak();
                } else if (tag.equals("a")) {
                    linkDepth++;
                } else if (tag.equals("td") || tag.equals("th")) {
                    pendingSpace = text.length() > 0;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (BLOCK_TAGS.contains(tag)) {
                    flush();
                    owners.pop();
                    if (tag.equals("li")) {
                        listItemDepth--;
                    }
                } else if (tag.equals("a")) {
                    linkDepth--;
                }
                if (marks.contains(element)) {
                    flush();
                    openMarks.pop();
                }
            }
        }

        private void append(String raw) {
            int added = 0;
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
                    pendingSpace = text.length() > 0;
                    continue;
                }
                if (pendingSpace && text.charAt(text.length() - 1) != '\n') {
                    text.append(' ');
                    added++;
                }
                pendingSpace = false;
                text.append(c);
                added++;
            }
            if (linkDepth > 0) {
                linkChars += added;
                if (leadingRunOpen) {
                    leadingLinkChars += added;
                }
            } else if (added > 0) {
                leadingRunOpen = false;
            }
        }

        private void lineBreak() {
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            pendingSpace = false;
        }

        void flush() {
            String value = text.toString().strip();
            if (!value.isEmpty() && !owners.isEmpty()) {
                Element owner = owners.peek();
                boolean afterLinkedHeading = !blocks.isEmpty() && blocks.getLast().isLinkedHeading();
                blocks.add(new Block(owner, value, Math.min(linkChars, value.length()),
                        Math.min(leadingLinkChars, value.length()), kindOf(owner, value),
                        openMarks.peek(), listItemDepth > 0, afterLinkedHeading));
            }
            text.setLength(0);
            linkChars = 0;
            leadingLinkChars = 0;
            leadingRunOpen = true;
            pendingSpace = false;
        }

        private static Block.Kind kindOf(Element owner, String text) {
            Block.Kind kind = tagKind(owner);
            if (kind == Block.Kind.OTHER && text.length() < CAPTION_MAX_CHARS && isBesideMedia(owner)) {
                return Block.Kind.CAPTION; // a short line under a picture, whatever its class says
            }
            return kind;
        }

        /** The element holds a picture among few children, or directly follows one. */
        private static boolean isBesideMedia(Element owner) {
            if (owner.childrenSize() <= 4 && holdsMedia(owner, 2)) {
                return true;
            }
            Element previous = owner.previousElementSibling();
            return previous != null && holdsMedia(previous, 2);
        }

        private static boolean holdsMedia(Element e, int depth) {
            String tag = e.normalName();
            if (tag.equals("img") || tag.equals("picture") || tag.equals("video") || tag.equals("figure")) {
                return true;
            }
            if (depth > 0 && e.childrenSize() <= 4) {
                for (Element child : e.children()) {
                    if (holdsMedia(child, depth - 1)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static Block.Kind tagKind(Element owner) {
            return switch (owner.normalName()) {
                case "p", "pre" -> Block.Kind.PARAGRAPH;
                case "h1" -> Block.Kind.TITLE;
                case "h2", "h3", "h4", "h5", "h6" -> Block.Kind.HEADING;
                case "li", "dd", "dt" -> Block.Kind.LIST_ITEM;
                case "blockquote" -> Block.Kind.QUOTE;
                case "figcaption", "caption" -> Block.Kind.CAPTION;
                case "tr" -> Block.Kind.ROW;
                default -> Block.Kind.OTHER;
            };
        }
    }
}
