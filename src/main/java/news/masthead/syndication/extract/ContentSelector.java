package news.masthead.syndication.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Picks, from the blocks inside the chosen root, those that are article text, and turns them
 * into paragraphs. Drops what survives inside story containers: headline, captions, link
 * lines ("Read more: ..."), labels ("Advertisement") and one-line calls to action.
 */
final class ContentSelector {

    /** Whole-block boilerplate lines that sit inside story containers. */
    private static final Pattern LINE_BOILERPLATE = Pattern.compile("(?i)^(?:advertisement|advertising|sponsored"
            + "|ad|story continues below|article continues below|continue reading|read more|read more:.*"
            + "|related(?: \\w+)?:.*"
            + "|related (?:articles|stories|posts|content|coverage)|more (?:from|on|about) .{0,60}|see also:?.*"
            + "|share(?: this)?(?: (?:article|story|post))?:?|share on .{0,30}|follow us.{0,80}"
            + "|(?:photo|image|picture|video|graphic)(?: credit)?:.{0,120}|all rights reserved.{0,80}|©.{0,120}"
            + "|copyright .{0,120}|sign up.{0,120}|subscribe.{0,120}|tags?:.{0,200}"
            + "|filed under:?.{0,200}|print|email|comments?|\\d+ comments?|loading\\.*|previous|next"
            + "|don['’]?t miss:?.{0,80}|explore further|source: .{0,60}|\\S+@\\S+\\.\\w+"
            + "|(?:reading time|tempo de leitura|temps de lecture|lesezeit|tiempo de lectura):? .{0,30}"
            + "|\\d+ min(?:ute)?s? read)$");

    /** A date with a clock time and little else: the dateline of the story, not its text. */
    private static final Pattern TIMESTAMP_LINE = Pattern.compile("(?:19|20)\\d\\d.*\\b\\d{1,2}:\\d\\d"
            + "|\\b\\d{1,2}:\\d\\d\\b.*(?:19|20)\\d\\d");
    private static final int TIMESTAMP_LINE_MAX = 60;

    /** Tell-tale pieces of credit lines, captions and calls to action; only checked on short lines. */
    private static final Pattern SHORT_LINE_BOILERPLATE = Pattern.compile("(?i)©|\\(photo\\b|\\bphoto:|\\bimage:"
            + "|\\[\\+\\]|getty images|shutterstock|istock|contributed to this report"
            + "|^\\(?(?:additional )?reporting by|share (?:it|this) with|you (?:may|might) also like"
            + "|recommended for you|^(?:most read|most popular|more stories|trending now)\\b");
    private static final int SHORT_LINE = 160;

    private static final double CONFIRMED_SHARE = 0.6;
    private static final int UNCONFIRMED_LIMIT = 40;
    private static final int LINKED_HEADING_PROSE = 150;

    List<String> select(List<Block> blocks, Element root, ReferenceText reference, String headline) {
        String title = headline == null ? "" : ReferenceText.normalise(headline);
        List<Block> inside = new ArrayList<>();
        for (Block block : blocks) {
            if (isWithin(block.owner(), root) && !block.isMarkedBelow(root)) {
                inside.add(block);
            }
        }
        List<Block> kept = new ArrayList<>();
        for (int i = 0; i < inside.size(); i++) {
            Block block = inside.get(i);
            if (keep(block, textAfter(inside, i))
                    && (title.isEmpty() || !title.equals(ReferenceText.normalise(block.text())))) {
                kept.add(block);
            }
        }
        if (confirms(reference, kept)) {
            // The structured body vouches for the story; long blocks it lacks are teasers or asides.
            kept.removeIf(b -> b.weightedLength() >= UNCONFIRMED_LIMIT && !reference.overlaps(b.text()));
        }
        List<String> paragraphs = new ArrayList<>();
        for (Block block : kept) {
            for (String line : block.text().split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !isBoilerplateLine(trimmed)) {
                    paragraphs.add(trimmed);
                }
            }
        }
        return paragraphs;
    }

    private static boolean isBoilerplateLine(String line) {
        return LINE_BOILERPLATE.matcher(line).matches()
                || line.length() < SHORT_LINE && SHORT_LINE_BOILERPLATE.matcher(line).find()
                || line.length() < TIMESTAMP_LINE_MAX && !line.endsWith(".") && TIMESTAMP_LINE.matcher(line).find();
    }

    /** Most of the chosen text is found in the JSON-LD body, so that body is a fair judge. */
    private static boolean confirms(ReferenceText reference, List<Block> kept) {
        if (!reference.isPresent()) {
            return false;
        }
        long total = 0;
        long confirmed = 0;
        for (Block block : kept) {
            total += block.length();
            if (reference.contains(block.text())) {
                confirmed += block.length();
            }
        }
        return total > 0 && confirmed >= CONFIRMED_SHARE * total;
    }

    private static boolean keep(Block block, Block next) {
        switch (block.kind()) {
            case TITLE, CAPTION -> {
                return false;
            }
            case HEADING -> {
                // A subheading belongs to the story only when text follows it. A linked one (a
                // product or a place in a guide) only when a real paragraph follows, since a
                // teaser's linked headline is followed by a short summary.
                if (next == null || !isProse(next)) {
                    return false;
                }
                boolean siblings = next.owner().parent() == block.owner().parent();
                return block.linkDensity() < 0.5 || siblings && next.weightedLength() >= LINKED_HEADING_PROSE;
            }
            default -> {
                if (isLinkList(block) || block.length() <= AppealDetector.MAX_LONE_PHRASE_CHARS
                        && AppealDetector.mentionsTrigger(block.text())) {
                    return false;
                }
                // Short paragraphs and list items were written into the story (a subhead in bold,
                // an ingredient); short loose text in a div is more often a label or a widget.
                return block.weightedLength() >= 25 || block.isSentenceLike() || block.kind() != Block.Kind.OTHER;
            }
        }
    }

    /** The first block after {@code index} that is not a heading or a caption, or null. */
    private static Block textAfter(List<Block> blocks, int index) {
        for (int i = index + 1; i < blocks.size(); i++) {
            Block.Kind kind = blocks.get(i).kind();
            if (kind != Block.Kind.HEADING && kind != Block.Kind.CAPTION && kind != Block.Kind.TITLE) {
                return blocks.get(i);
            }
        }
        return null;
    }

    /** Mostly links, unless a long sentence that merely cites many sources. */
    private static boolean isLinkList(Block block) {
        double density = block.linkDensity();
        return density > 0.5 && !(density < 0.8 && block.length() >= 80 && block.isSentenceLike());
    }

    private static boolean isProse(Block block) {
        return block.kind() != Block.Kind.HEADING && block.kind() != Block.Kind.TITLE
                && block.kind() != Block.Kind.CAPTION && !isLinkList(block);
    }

    private static boolean isWithin(Element e, Element root) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }
}
