package news.masthead.syndication.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Finds boxes that talk to the reader instead of telling the story: donation and membership
 * appeals, cookie notices, newsletter sign-ups, closed-comment notices. They are found by their
 * wording, since their markup is as varied as the sites. A box is the smallest element holding
 * two such phrases (greeting and buttons of an appeal), or a box-like ancestor of one phrase.
 */
final class AppealDetector {

    static final Pattern TRIGGER = Pattern.compile("(?i)\\b(?:dear (?:reader|readers|friend|subscriber)s?\\b"
            + "|show (?:me|this|it) later|don['’]?t show (?:it |this |me )?(?:again|anymore)|remind me later"
            + "|maybe later|no,? thanks|not now\\b"
            + "|support (?:our |independent |quality |local |trusted )?(?:journalism|reporting|newsroom)"
            + "|become an? (?:member|supporter|patron|subscriber)"
            + "|(?:make an?|one-off|one-time|monthly) (?:donation|contribution)|donate (?:now|today|here)"
            + "|(?:we|this (?:web)?site|our (?:web)?site) uses? cookies|accept (?:all )?cookies"
            + "|cookie (?:policy|settings|preferences|consent)|manage (?:cookies|consent|preferences)"
            + "|sign up (?:for|to) (?:our|the)(?: \\w+)? newsletters?|subscribe to (?:our|the)(?: \\w+)? newsletters?"
            + "|comments are closed|comments (?:have been|are) disabled|leave a (?:reply|comment)"
            + "|(?:logged|signed) in to (?:post|leave) a comment|join the (?:conversation|discussion))");

    /** A lone trigger phrase in text longer than this is prose, not a button or a notice. */
    static final int MAX_LONE_PHRASE_CHARS = 100;

    private static final Pattern GREETING = Pattern.compile(
            "(?i)\\bdear (?:reader|friend|subscriber|supporter)s?\\b");
    /** The answers an appeal offers its reader; they end an unwrapped appeal. */
    private static final Pattern APPEAL_CLOSE = Pattern.compile("(?i)show (?:me|this|it) later"
            + "|don['’]?t show|remind me later|maybe later|no,? thanks|not now|donate|contribut|support"
            + "|become an? (?:member|supporter|patron|subscriber)");
    /** How far after an unwrapped greeting its buttons may come. */
    private static final int MAX_FLAT_SIBLINGS = 6;

    private static final Pattern BOX_NAMES = Pattern.compile(
            "(?i)modal|popup|pop-up|overlay|banner|notice|appeal|donat|support|cookie|consent|gdpr|newsletter"
            + "|subscri|comment|reply|respond|dialog|lightbox|interstitial|prompt|cta");

    /** An appeal is short; anything longer than this is not removed as a whole. */
    private static final int MAX_BOX_CHARS = 2500;
    /** Two phrases further apart than this are not parts of one box. */
    private static final int MAX_CLIMB = 4;

    /** Every trigger phrase contains one of these; checking them first spares the regex on most text. */
    private static final String[] TRIGGER_WORDS = {"reader", "later", "again", "anymore", "thanks", "not now",
        "journalism", "reporting", "newsroom", "member", "supporter", "patron", "subscriber", "donat",
        "contribution", "cookie", "consent", "preferences", "newsletter", "comment", "reply", "conversation",
        "discussion", "friend"};

    static boolean mentionsTrigger(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : TRIGGER_WORDS) {
            if (lower.contains(word)) {
                return TRIGGER.matcher(text).find();
            }
        }
        return false;
    }

    void removeAppeals(Element body) {
        List<Element> hits = findHits(body);
        if (hits.isEmpty()) {
            return;
        }
        Map<Element, Integer> hitsBelow = countHitsBelow(hits);
        List<Element> boxes = new ArrayList<>();
        for (Element hit : hits) {
            Element box = boxOf(hit, hitsBelow);
            if (box != null) {
                boxes.add(box);
                if (box == blockOf(hit) && GREETING.matcher(hit.ownText()).find()) {
                    boxes.addAll(flatAppeal(box, hitsBelow));
                }
            }
        }
        boxes.forEach(Element::remove);
    }

    /** Elements whose own text holds a trigger phrase; text nodes are checked, not every element. */
    private static List<Element> findHits(Element body) {
        List<Element> hits = new ArrayList<>();
        body.traverse((node, depth) -> {
            if (node instanceof TextNode text && node.parent() instanceof Element parent) {
                String value = text.getWholeText();
                if (value.length() >= 6 && value.length() <= 300 && !value.isBlank() && mentionsTrigger(value)
                        && (hits.isEmpty() || hits.getLast() != parent)) {
                    hits.add(parent);
                }
            }
        });
        return hits;
    }

    /**
     * An appeal pasted into the story without a wrapper: the greeting, its paragraphs and its
     * buttons are siblings of the story's paragraphs. Take the siblings after the greeting up
     * to the one holding the next trigger phrase (the buttons), if that comes soon.
     */
    private static List<Element> flatAppeal(Element greeting, Map<Element, Integer> hitsBelow) {
        List<Element> run = new ArrayList<>();
        Element sibling = greeting.nextElementSibling();
        for (int i = 0; sibling != null && i < MAX_FLAT_SIBLINGS; i++, sibling = sibling.nextElementSibling()) {
            run.add(sibling);
            if (hitsBelow.containsKey(sibling)) {
                // Only the appeal's own buttons close it; a later cookie or comments notice does not.
                return APPEAL_CLOSE.matcher(sibling.text()).find() ? run : List.of();
            }
        }
        return List.of();
    }

    private static Map<Element, Integer> countHitsBelow(List<Element> hits) {
        Map<Element, Integer> counts = new IdentityHashMap<>();
        for (Element hit : hits) {
            Element e = hit;
            for (int level = 0; e != null && level <= MAX_CLIMB; level++, e = e.parent()) {
                counts.merge(e, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Element boxOf(Element hit, Map<Element, Integer> hitsBelow) {
        Element named = null;
        Element e = hit.parent();
        for (int level = 1; e != null && level <= MAX_CLIMB; level++, e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("body") || tag.equals("html") || tag.equals("main") || tag.equals("article")) {
                break;
            }
            if (e.text().length() > MAX_BOX_CHARS || holdsArticleText(e)) {
                break;
            }
            if (hitsBelow.getOrDefault(e, 0) >= 2) {
                return e;
            }
            if (named == null && BOX_NAMES.matcher(e.className() + " " + e.id()).find()) {
                named = e;
            }
        }
        if (named != null) {
            return named;
        }
        // A lone phrase inside longer prose may be the story talking about cookies or donations.
        return hit.ownText().length() <= MAX_LONE_PHRASE_CHARS ? blockOf(hit) : null;
    }

    private static Element blockOf(Element hit) {
        Element e = hit;
        while (e.parent() != null && !BlockSegmenter.isBlockTag(e.normalName())) {
            e = e.parent();
        }
        return e.normalName().equals("body") ? hit : e;
    }

    /** Several long, link-poor paragraphs: the story itself, which must never go as a box. */
    private static boolean holdsArticleText(Element e) {
        int found = 0;
        for (Element p : e.getElementsByTag("p")) {
            String text = p.text();
            if (text.length() >= 120 && p.getElementsByTag("a").text().length() < text.length() / 3 && ++found >= 3) {
                return true;
            }
        }
        return false;
    }
}
