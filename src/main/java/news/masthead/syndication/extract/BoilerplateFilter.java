package news.masthead.syndication.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * Prunes from the DOM what is never article text (scripts, form controls, hidden elements, and
 * appeal boxes found by their wording, since those often carry no telling class names), and
 * marks what is probably boilerplate: page chrome ({@code nav}, {@code header}, {@code footer},
 * {@code aside}, landmark roles) and elements whose class or id names sharing, comments, cookie
 * notices, newsletters, related links, ads and the like.
 */
final class BoilerplateFilter {

    private static final Set<String> NEVER_CONTENT = Set.of(
            "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
            "button", "input", "select", "textarea", "option", "dialog", "menu", "link", "meta", "map");

    /** Page chrome; marked rather than removed, as broken templates sometimes wrap the story in it. */
    private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "header");

    /**
     * Class/id words that name boilerplate: sharing, comments, notices, ads, chrome. Matched as
     * whole words (or hyphenated pairs) so that "ad" does not fire inside "header" or "shadow".
     */
    private static final Set<String> NEGATIVE_WORDS = Set.of(
            "comment", "comments", "commentlist", "disqus", "cookie", "cookies", "consent", "gdpr", "newsletter",
            "newsletters", "subscribe", "subscription", "signup", "sign-up", "share", "sharing", "sharebar",
            "social", "socials", "related", "outbrain", "taboola", "promo", "promotion", "ad", "ads", "adv",
            "donate", "donation", "popup", "modal", "breadcrumb", "breadcrumbs", "skip", "rating", "poll", "tags",
            "taglist", "tag-list", "author-bio", "authorbio", "more-stories", "morestories", "read-more",
            "readmore", "most-popular", "mostpopular", "trending", "popular", "sidebar", "widget", "jump",
            "sr-only", "visually-hidden", "screen-reader", "hidden", "d-none", "print-only", "nav", "navbar",
            "navigation", "menu", "header", "footer", "masthead", "banner", "toolbar", "meta", "byline",
            "dateline", "caption", "credit", "copyright", "extra", "aside", "utility", "tools", "topics",
            "timestamp", "subnav", "pagination", "pager");

    /** Words distinctive enough to count even inside a longer name ("newsCaption", "topcomments"). */
    private static final String[] NEGATIVE_PARTS = {"caption", "comment", "newsletter", "cookie", "sidebar",
        "footer", "advert", "sponsor", "breadcrumb", "related", "social", "promo", "recommend"};

    private static final Set<String> CHROME_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar");

    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private final AppealDetector appeals = new AppealDetector();

    /**
     * Removes what is never content and returns the elements named or shaped as boilerplate.
     * Those are only marked, not removed: a template may put {@code class="widget"} or
     * {@code <header>} around the whole story, and only scoring can tell that case apart.
     */
    Set<Element> prune(Document doc) {
        Element body = doc.body();
        Set<Element> marks = Collections.newSetFromMap(new IdentityHashMap<>());
        if (body == null) {
            return marks;
        }
        // Appeals first: their buttons are what gives them away, and buttons go in the next step.
        appeals.removeAppeals(body);
        body.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && e != body) {
                    if (isNeverContent(e)) {
                        return FilterResult.REMOVE;
                    }
                    if (isMarked(e)) {
                        marks.add(e);
                    }
                }
                return FilterResult.CONTINUE;
            }
        });
        return marks;
    }

    /** @param names class and id words as {@link #words} gives them */
    static boolean hasNegativeName(String names) {
        for (String part : NEGATIVE_PARTS) {
            if (names.contains(part)) {
                return true;
            }
        }
        String previous = null;
        int start = -1;
        for (int i = 0; i <= names.length(); i++) {
            boolean letter = i < names.length() && names.charAt(i) >= 'a' && names.charAt(i) <= 'z';
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                String word = names.substring(start, i);
                if (NEGATIVE_WORDS.contains(word)
                        || previous != null && NEGATIVE_WORDS.contains(previous + "-" + word)) {
                    return true;
                }
                previous = word;
                start = -1;
            }
        }
        return false;
    }

    /** Lower-cased class and id words, camelCase split so that "shareBar" reads "share-bar". */
    static String words(String names) {
        StringBuilder out = new StringBuilder(names.length() + 8);
        for (int i = 0; i < names.length(); i++) {
            char c = names.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(names.charAt(i - 1))) {
                out.append('-');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static boolean isNeverContent(Element e) {
        return NEVER_CONTENT.contains(e.normalName()) || e.hasAttr("hidden")
                || (e.hasAttr("style") && HIDDEN_STYLE.matcher(e.attr("style")).find());
    }

    private static boolean isMarked(Element e) {
        String tag = e.normalName();
        if (CHROME_TAGS.contains(tag)) {
            return true;
        }
        String role = e.attr("role");
        if (!role.isEmpty() && CHROME_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            return false;
        }
        String names = words(e.className() + " " + e.id());
        return names.length() > 1 && hasNegativeName(names);
    }
}
