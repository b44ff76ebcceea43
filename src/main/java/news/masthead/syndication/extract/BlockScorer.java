package news.masthead.syndication.extract;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Chooses the element that holds the article: the one whose blocks add up to the highest
 * score. Prose (long, sentence-like, few links) scores its length; link lists and short labels
 * score negatively, so a container that drags in a menu or a teaser rail loses to the tighter
 * one beneath it. When the page's JSON-LD carries the body, blocks it confirms count double.
 */
final class BlockScorer {

    /** Class/id/itemprop names that publishers put on the story container. */
    private static final Pattern BODY_NAMES = Pattern.compile(
            "(?i)articlebody|article-body|article__body|article_body|story-body|storybody|story__body|entry-content"
            + "|post-content|postcontent|article-content|articlecontent|post-body|postbody|article-text|articletext"
            + "|story-content|storycontent|body-text|bodytext|main-content|content-body|news-text|blog-post");

    private static final int SHORT = 25;
    /** About one sentence of prose: less than that anywhere on the page, and there is no story. */
    private static final double MIN_STORY_SCORE = 40;
    private static final double MAX_NAME_FACTOR = 1.3;
    /** A root inside a marked region (a comment thread, a widget) needs a clear lead to win. */
    private static final double MARKED_ROOT_FACTOR = 0.25;
    /** What a boilerplate character costs the containers above its mark. */
    private static final double MARKED_PENALTY = 0.5;
    /** Levels above a block's owner that receive its full weight; further up it fades. */
    private static final int FULL_DISTANCE = 2;
    private static final double FADE = 0.5;
    /** Net score a parent must add to the chosen root to be taken instead: about a paragraph. */
    private static final double MIN_WIDENING_GAIN = 80;
    /** A step up that costs more than this (a share bar, a byline box) ends the widening. */
    private static final double WIDENING_TOLERANCE = 25;
    private static final int MAX_WIDENING_LEVELS = 3;

    /** @return the story container, or null when no element holds enough prose to be one */
    Element chooseRoot(List<Block> blocks, Element body, ReferenceText reference, Set<Element> marks) {
        Map<Element, Double> totals = new IdentityHashMap<>();
        Map<Element, Double> scores = accumulate(blocks, body, reference, totals);
        Element best = bestCandidate(scores, body, marks);
        return best == null ? null : widen(best, body, totals);
    }

    /**
     * The story may be cut into sibling sections (around an ad slot, a pull quote) so that the
     * best-scoring container holds only part of it. Climb while the parent adds net prose.
     */
    private static Element widen(Element root, Element body, Map<Element, Double> totals) {
        Element current = root;
        Element e = root;
        for (int level = 0; level < MAX_WIDENING_LEVELS && e != body && e.parent() != null; level++) {
            Element parent = e.parent();
            double step = totals.getOrDefault(parent, 0.0) - totals.getOrDefault(e, 0.0);
            if (step < -WIDENING_TOLERANCE) {
                break; // the parent brings in chrome: whatever lies beyond is not the story
            }
            e = parent;
            if (totals.getOrDefault(e, 0.0) - totals.getOrDefault(current, 0.0) >= MIN_WIDENING_GAIN) {
                current = e;
            }
        }
        return current;
    }

    private static Element bestCandidate(Map<Element, Double> scores, Element body, Set<Element> marks) {
        Map<Element, Double> adjusted = new IdentityHashMap<>();
        double bestAdjusted = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = entry.getValue();
            if (score > 0 && isInsideMark(entry.getKey(), marks)) {
                score *= MARKED_ROOT_FACTOR;
            }
            if (score > 0) {
                adjusted.put(entry.getKey(), score);
                bestAdjusted = Math.max(bestAdjusted, score);
            }
        }
        if (bestAdjusted < MIN_STORY_SCORE) {
            return null; // a front page or an error page: menus and labels, no story
        }
        // A name can lift a score by at most MAX_NAME_FACTOR, so only near-best candidates
        // need the (costlier) look at their names.
        double cutoff = bestAdjusted / MAX_NAME_FACTOR;
        Element best = body;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Element, Double> entry : adjusted.entrySet()) {
            if (entry.getValue() < cutoff) {
                continue;
            }
            double score = entry.getValue() * nameFactor(entry.getKey());
            if (score > bestScore || (score == bestScore && isAncestor(best, entry.getKey()))) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Adds each block's weight to its owner and ancestors up to body, fading with distance so
     * that paragraphs count most for the container that holds them side by side: a teaser rail
     * spreads its descriptions over one card each and adds up only far above them. Seen from
     * above a boilerplate mark, a block counts against the container however good its prose,
     * so a comment thread drags down the element that holds both it and the story.
     */
    private static Map<Element, Double> accumulate(List<Block> blocks, Element body, ReferenceText reference,
                                                   Map<Element, Double> totals) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Block block : blocks) {
            double w = weight(block, reference);
            double outside = Math.min(w, -MARKED_PENALTY * block.length());
            boolean passedMark = false;
            double fade = 1;
            int distance = 0;
            for (Element e = block.owner(); e != null; e = e.parent(), distance++) {
                double value = passedMark ? outside : w;
                scores.merge(e, value > 0 ? value * fade : value, Double::sum);
                // List items (a ticker, a teaser list) must not lure the widening away from the story.
                totals.merge(e, value > 0 && block.inListItem() ? 0 : value, Double::sum);
                if (e == body) {
                    break;
                }
                passedMark |= e == block.mark();
                if (distance >= FULL_DISTANCE) {
                    fade *= FADE;
                }

            }
        }
        return scores;
    }

    private static boolean isInsideMark(Element e, Set<Element> marks) {
        for (Element p = e; p != null; p = p.parent()) {
            if (marks.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** How much a block says "article": positive for prose, negative for links and labels. */
    static double weight(Block block, ReferenceText reference) {
        if (block.kind() == Block.Kind.TITLE || block.kind() == Block.Kind.CAPTION) {
            return 0;
        }
        int length = block.weightedLength();
        double linkDensity = block.linkDensity();
        if (linkDensity > 0.5) {
            // From zero at half-linked to minus its length for a pure link: a link roundup in
            // the story costs little, a menu costs fully.
            return -length * (2 * linkDensity - 1);
        }
        if (block.kind() == Block.Kind.ROW && !block.isSentenceLike()) {
            return length * 0.3; // a row of a data table: short, yet part of the story when inside it
        }
        if (length < SHORT) {
            return -5;
        }
        double value = length * (1 - linkDensity) * (1 - linkDensity);
        if (!block.isSentenceLike()) {
            value *= 0.3;
        }
        if (block.isLinkLed() || block.afterLinkedHeading()) {
            value *= 0.2; // a linked headline followed by its summary: a teaser, not the story
        }
        if (reference.isPresent()) {
            value = reference.contains(block.text()) ? value * 2 : -value * 0.5;
        }
        return value;
    }

    private static double nameFactor(Element e) {
        if (e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            return MAX_NAME_FACTOR;
        }
        String names = e.className() + " " + e.id();
        return names.length() > 1 && BODY_NAMES.matcher(names).find() ? 1.15 : 1.0;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
