package news.masthead.magazine;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.html.Markdown;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.Labels;
import news.masthead.site.PhotoFigures;
import news.masthead.site.Site;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The monthly magazine: issues (number, title, month, cover, editor's letter) collecting newsroom articles
 * in a table of contents. Editors keep issues at {@code /admin/magazine}; readers browse the archive at
 * {@code /magazine} and an issue at {@code /magazine/{slug}} (public pages with teasers only).
 *
 * <p>Gating: an article that is in any issue, draft or published, needs the {@value #ENTITLEMENT}
 * entitlement to be read in full ({@link #requirementOf}); the site's gate asks, this feature never gates
 * pages itself. Counting draft issues keeps an article picked for next month's issue from being free
 * until the issue comes out. Labels ("In Issue 3: …") show only published issues.
 *
 * <p>Every change tells the {@link #onChange} listeners which surrogate keys are stale: {@code magazine}
 * (the archive), {@code magazine:<id>} (the issue page), and {@code article:<id>} of every article that
 * entered or left the issue (their gate and label changed).
 */
public final class Magazine {
    public static final String ENTITLEMENT = "magazine";
    static final String KEY = "magazine";

    private final Jdbi jdbi;
    private final Newsroom newsroom;
    private final Clock clock;
    private final Markdown markdown = new Markdown();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final MagazinePages pages;

    /**
     * @param requireStaff answers the signed-in staff member's name when their role is at least the one given
     *                     ({@code editor}) and throws otherwise
     */
    public Magazine(Database database, Newsroom newsroom, PhotoFigures photos, Site site, Web web, Clock clock,
                    BiFunction<Context, String, String> requireStaff) {
        this.jdbi = database.jdbi();
        this.newsroom = newsroom;
        this.clock = clock;
        this.pages = new MagazinePages(this, newsroom, photos, site, web, requireStaff);
    }

    public void routes(RoutesConfig routes) {
        pages.routes(routes);
    }

    /** Called after each committed change with the surrogate keys it made stale. */
    public void onChange(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    // what other features ask

    /** The entitlement needed to read this article in full: {@code magazine} when it is in an issue. */
    public Optional<String> requirementOf(long articleId) {
        return requirementOf(jdbi, articleId);
    }

    /**
     * The site gate's rule for magazine articles, over the database alone: the node and the
     * {@code search reindex} command build the gate before (or without) a {@code Magazine}.
     */
    public static news.masthead.site.Gate.Rule rule(Database database) {
        Jdbi jdbi = database.jdbi();
        return articleId -> requirementOf(jdbi, articleId);
    }

    private static Optional<String> requirementOf(Jdbi jdbi, long articleId) {
        boolean inIssue = jdbi.withHandle(h -> h.createQuery("select exists (select 1 from magazine_entries where article_id = :a)")
                .bind("a", articleId).mapTo(Boolean.class).one());
        return inIssue ? Optional.of(ENTITLEMENT) : Optional.empty();
    }

    /** "In Issue 3: Spring words", linking to the issue, for each published issue holding the article. */
    public List<Labels.Label> labels(long articleId) {
        return jdbi.withHandle(h -> IssueRows.holding(h, articleId, true)).stream()
                .map(i -> new Labels.Label("In " + i.name(), i.path())).toList();
    }

    // issues

    public Issue create(IssueDraft draft) {
        long id = jdbi.inTransaction(h -> {
            unique(h, draft, null);
            return IssueRows.insert(h, draft, markdown.toHtml(draft.letterMarkdown()), clock.instant());
        });
        changed(id, Set.of());
        return issue(id);
    }

    public Issue update(long id, IssueDraft draft) {
        jdbi.useTransaction(h -> {
            IssueRows.find(h, id).orElseThrow(Magazine::noIssue);
            unique(h, draft, id);
            IssueRows.update(h, id, draft, markdown.toHtml(draft.letterMarkdown()), clock.instant());
        });
        changed(id, Set.of());
        return issue(id);
    }

    /**
     * Replaces the table of contents. Each article must exist (400 naming {@code contents[i]}) and appear
     * once; an article may also be in other issues.
     */
    public void setContents(long id, List<Entry> entries) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (!seen.add(e.articleId())) {
                throw WebError.badRequest("contents[" + i + "]", "Article " + e.articleId() + " is in the contents twice.");
            }
            if (e.department().length() > 80) {
                throw WebError.badRequest("contents[" + i + "]", "A department name has at most 80 characters.");
            }
            try {
                newsroom.article(e.articleId());
            } catch (WebError missing) {
                throw WebError.badRequest("contents[" + i + "]", "There is no article " + e.articleId() + ".");
            }
        }
        List<Entry> before = jdbi.inTransaction(h -> {
            IssueRows.find(h, id).orElseThrow(Magazine::noIssue);
            List<Entry> old = IssueRows.entries(h, id);
            IssueRows.replaceEntries(h, id, entries);
            return old;
        });
        Set<Long> touched = new HashSet<>();
        before.forEach(e -> touched.add(e.articleId()));
        entries.forEach(e -> touched.add(e.articleId()));
        changed(id, touched);
    }

    /** Shows the issue to readers (its first publication time is kept when republished). */
    public void publish(long id) {
        setPublished(id, true);
    }

    /** Takes the issue back to draft: its page is gone, its articles stay gated. */
    public void unpublish(long id) {
        setPublished(id, false);
    }

    private void setPublished(long id, boolean published) {
        jdbi.useTransaction(h -> {
            IssueRows.find(h, id).orElseThrow(Magazine::noIssue);
            IssueRows.publish(h, id, published, clock.instant());
        });
        Set<Long> articles = new HashSet<>();
        contents(id).forEach(e -> articles.add(e.articleId()));
        changed(id, articles);
    }

    public Issue issue(long id) {
        return jdbi.withHandle(h -> IssueRows.find(h, id)).orElseThrow(Magazine::noIssue);
    }

    /** A published issue by its address. */
    public Optional<Issue> publishedIssue(String slug) {
        return jdbi.withHandle(h -> IssueRows.bySlug(h, slug)).filter(Issue::published);
    }

    /** Every issue, newest month first; {@code publishedOnly} for the readers' archive. */
    public List<Issue> issues(boolean publishedOnly) {
        return jdbi.withHandle(h -> IssueRows.all(h, publishedOnly));
    }

    public List<Entry> contents(long issueId) {
        return jdbi.withHandle(h -> IssueRows.entries(h, issueId));
    }

    /** The table of contents as readers see it: only articles that are live, in order. */
    List<MagazineViews.Line> liveContents(long issueId) {
        List<Entry> entries = contents(issueId);
        var live = new java.util.HashMap<Long, LiveArticle>();
        newsroom.live(entries.stream().map(Entry::articleId).toList()).forEach(a -> live.put(a.id(), a));
        List<MagazineViews.Line> lines = new ArrayList<>();
        for (Entry e : entries) {
            LiveArticle a = live.get(e.articleId());
            if (a != null) {
                lines.add(new MagazineViews.Line(e.department(), a));
            }
        }
        return lines;
    }

    private static void unique(org.jdbi.v3.core.Handle h, IssueDraft d, Long self) {
        if (IssueRows.idByNumber(h, d.number()).filter(other -> !other.equals(self)).isPresent()) {
            throw WebError.badRequest("number", "There is already an issue " + d.number() + ".");
        }
        if (IssueRows.idBySlug(h, d.slug()).filter(other -> !other.equals(self)).isPresent()) {
            throw WebError.badRequest("slug", "Another issue already has the address /magazine/" + d.slug() + ".");
        }
    }

    private void changed(long issueId, Set<Long> articleIds) {
        Set<String> keys = new LinkedHashSet<>(List.of(KEY, KEY + ":" + issueId));
        articleIds.forEach(a -> keys.add("article:" + a));
        listeners.forEach(l -> l.accept(Set.copyOf(keys)));
        if (!articleIds.isEmpty()) {
            // entering or leaving an issue changes what the article requires (magazine): pages, feeds and search follow
            newsroom.accessChanged(articleIds);
        }
    }

    private static WebError noIssue() {
        return WebError.notFound("There is no such issue.");
    }
}
