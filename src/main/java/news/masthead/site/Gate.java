package news.masthead.site;

import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.WebError;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The gate: which entitlement reading an article in full needs (its <b>requirement</b>), and the
 * <b>free part</b> everyone gets of a gated article: headline, standfirst, lead photo and the first
 * few blocks of the body (a site setting, {@value #DEFAULT_FREE_PARAGRAPHS} by default).
 *
 * <p>An article's requirement is the first of: its own (newsroom, set in the article editor), its
 * section's (newsroom, set on the section), then each registered {@link Rule} in order. Rules are the
 * extension point for requirements kept outside the newsroom — a magazine issue's articles need
 * {@code magazine}, a partner publication's need {@code partner:<slug>}. {@code app} registers them
 * with {@link #addRule} right after building the gate (the node and the {@code search reindex} command
 * build it through the same code). A rule must be cheap (pages call it once per article they render,
 * feeds and search once per article) and, when its answer changes, its owner must call
 * {@code Newsroom.accessChanged(articleIds)} so pages, feeds and the search index follow.
 *
 * <p>Everything that leaves the site for everyone — anonymous pages, feeds, the content API without a
 * token, the search index — goes through {@link #forEveryone}, so a gated article's text past the free
 * part never reaches them.
 */
public final class Gate {
    /** What the premium section and premium articles require. */
    public static final String PREMIUM = "premium";
    /** The class of the gated part on article pages; also the JSON-LD {@code cssSelector} ({@code .premium-part}). */
    public static final String GATED_CLASS = "premium-part";
    public static final int DEFAULT_FREE_PARAGRAPHS = 3;
    public static final int MAX_FREE_PARAGRAPHS = 20;
    private static final Pattern PARTNER = Pattern.compile("partner:[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * A requirement kept outside the newsroom: the entitlement reading this article in full needs, or
     * empty when this rule has nothing to say about it.
     */
    @FunctionalInterface
    public interface Rule {
        Optional<String> requirementOf(long articleId);
    }

    /** An article's body split at the end of its free part; {@code rest} is empty when nothing is held back. */
    public record Split(String free, String rest) {
        public boolean gated() {
            return !rest.isEmpty();
        }
    }

    private final Database database;
    private final Newsroom newsroom;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    public Gate(Database database, Newsroom newsroom) {
        this.database = database;
        this.newsroom = newsroom;
    }

    /** Adds a rule consulted after the article's and its section's own requirement (see the class comment). */
    public void addRule(Rule rule) {
        rules.add(java.util.Objects.requireNonNull(rule, "rule"));
    }

    /** Whether an entitlement can be an article's requirement: {@code premium}, {@code magazine} or {@code partner:<slug>}. */
    public static boolean isRequirement(String name) {
        return name != null && (name.equals(PREMIUM) || name.equals("magazine") || PARTNER.matcher(name).matches());
    }

    /**
     * A requirement as staff typed it: blank is none (null); anything but a known name is a 400 naming
     * {@code field}. {@code ad-light} and {@code epaper} are entitlements but change no article's access.
     */
    public static String checkRequirement(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!isRequirement(v)) {
            String shown = v.length() > 60 ? v.substring(0, 60) + "…" : v;
            throw WebError.badRequest(field, "'" + shown + "' is not an entitlement an article can require: use premium, "
                    + "magazine or partner:<slug>, or leave it empty for free to read.");
        }
        return v;
    }

    /** The entitlement reading this article in full needs; empty when it is free to read. */
    public Optional<String> requirement(long articleId) {
        Optional<String> own = newsroom.requirement(articleId);
        if (own.isPresent()) {
            return own;
        }
        for (Rule rule : rules) {
            Optional<String> answer = rule.requirementOf(articleId).filter(s -> !s.isBlank());
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    /** The requirement of each of these articles that has one (for the badge on lists). */
    public Map<Long, String> requirements(Collection<Long> articleIds) {
        Map<Long, String> found = new HashMap<>(newsroom.requirements(articleIds));
        if (!rules.isEmpty()) {
            for (long id : articleIds) {
                if (!found.containsKey(id)) {
                    for (Rule rule : rules) {
                        Optional<String> answer = rule.requirementOf(id).filter(s -> !s.isBlank());
                        if (answer.isPresent()) {
                            found.put(id, answer.get());
                            break;
                        }
                    }
                }
            }
        }
        return found;
    }

    /** How many of a gated article's first blocks everyone reads (site setting). */
    public int freeParagraphs() {
        return database.jdbi().withHandle(h -> h.createQuery("select free_paragraphs from site_settings where id = 1")
                .mapTo(Integer.class).findOne().orElse(DEFAULT_FREE_PARAGRAPHS));
    }

    /** Sets how many blocks everyone reads (0 to 20; 400 naming {@code freeParagraphs}). Callers invalidate pages. */
    public void setFreeParagraphs(int count) {
        if (count < 0 || count > MAX_FREE_PARAGRAPHS) {
            throw WebError.badRequest("freeParagraphs", "The free paragraphs must be a number from 0 to " + MAX_FREE_PARAGRAPHS + ".");
        }
        database.jdbi().useHandle(h -> h.createUpdate("update site_settings set free_paragraphs = :n where id = 1")
                .bind("n", count).execute());
    }

    /**
     * Splits body HTML after its first {@code paragraphs} top-level blocks (paragraphs, headings, lists
     * …). Something is always held back: a body of n blocks gives at most n − 1 free ones, so a short
     * article cannot end up entirely free. The parts are serialized from the parsed body, so a cut can
     * never leave an element open.
     */
    public static Split split(String bodyHtml, int paragraphs) {
        Document doc = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml);
        doc.outputSettings().prettyPrint(false);
        List<Node> blocks = new ArrayList<>();
        for (Node node : doc.body().childNodes()) {
            if (node instanceof Element || (node instanceof TextNode t && !t.isBlank())) {
                blocks.add(node);
            }
        }
        int free = Math.max(0, Math.min(paragraphs, blocks.size() - 1));
        StringBuilder freePart = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            (i < free ? freePart : rest).append(blocks.get(i).outerHtml()).append('\n');
        }
        return new Split(freePart.toString().strip(), rest.toString().strip());
    }

    /** The article split for its requirement; the whole body is free when it has none. */
    public Split split(LiveArticle article, Optional<String> requirement) {
        return requirement.isEmpty() ? new Split(article.bodyHtml(), "") : split(article.bodyHtml(), freeParagraphs());
    }

    /**
     * The article as anyone may see it: unchanged when free to read; else its body is the free part
     * and a link to the article saying it continues for members. Feeds, the content API without a
     * token and the search index use this.
     */
    public LiveArticle forEveryone(LiveArticle a) {
        Optional<String> requirement = requirement(a.id());
        if (requirement.isEmpty()) {
            return a;
        }
        Split split = split(a.bodyHtml(), freeParagraphs());
        String body = split.free() + "\n<p class=\"gate-note\"><a href=\"" + escape(a.path()) + "\">"
                + escape(label(requirement.get())) + " article: the rest is for members. Read it on our site.</a></p>";
        return new LiveArticle(a.id(), a.revision(), a.path(), a.headline(), a.seoHeadline(), a.standfirst(), body,
                a.leadPhotoId(), a.section(), a.authors(), a.tags(), a.canonicalUrl(), a.sourceName(), a.sourceUrl(),
                a.published(), a.updated(), a.corrections());
    }

    /** How readers read a requirement: "Premium", "Magazine", "Partner" (the badge on lists and the join box). */
    public static String label(String requirement) {
        if (requirement == null || requirement.isBlank()) {
            return "";
        }
        String head = requirement.contains(":") ? requirement.substring(0, requirement.indexOf(':')) : requirement;
        return Character.toUpperCase(head.charAt(0)) + head.substring(1);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
