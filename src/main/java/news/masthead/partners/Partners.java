package news.masthead.partners;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.Labels;
import news.masthead.syndication.feedin.FeedImport;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Partner publications: other newsrooms whose articles we republish, labelled "From &lt;Partner&gt;" with
 * their byline and a canonical link to the original, for readers with the {@code partner:<slug>}
 * entitlement. Articles arrive through the admin API ({@code /api/admin/v1/partners/{slug}/articles}) or
 * the partner's RSS/Atom feed, polled with the feed import's job and safe reader; either way at most one
 * article per (partner, guid). Admins keep partners at {@code /admin/partners}.
 */
public final class Partners {
    static final int DUE_PER_RUN = 10;

    private final Jdbi jdbi;
    private final Newsroom newsroom;
    private final Clock clock;
    private final PartnerDesk desk;
    private final FeedPoll poll;
    private final PartnerPages pages;
    private final PartnerApi api;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param requireStaff     the signed-in staff member's name when their role is at least the one given, else throws
     * @param requireApiClient the API client's name for a valid bearer token, else throws (401)
     */
    public Partners(Database database, Newsroom newsroom, FeedImport feeds, Web web, Clock clock,
                    BiFunction<Context, String, String> requireStaff, Function<Context, String> requireApiClient) {
        this.jdbi = database.jdbi();
        this.newsroom = newsroom;
        this.clock = clock;
        this.desk = new PartnerDesk(jdbi, newsroom, clock);
        this.poll = new FeedPoll(jdbi, feeds, desk, clock);
        this.pages = new PartnerPages(this, web, requireStaff);
        this.api = new PartnerApi(this, web, requireApiClient);
        feeds.alsoOnEachPoll(this::pollDue);
    }

    public void routes(RoutesConfig routes) {
        pages.routes(routes);
        api.routes(routes);
    }

    /** Called after a partner's settings change, with the surrogate keys made stale (every page showing their label). */
    public void onChange(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    // what other features ask

    /** The entitlement needed to read this article in full: {@code partner:<slug>} for a partner's article. */
    public Optional<String> requirementOf(long articleId) {
        return requirementOf(jdbi, articleId);
    }

    /**
     * The site gate's rule for partners' articles, over the database alone: the node and the
     * {@code search reindex} command build the gate before (or without) a {@code Partners}.
     */
    public static news.masthead.site.Gate.Rule rule(Database database) {
        Jdbi jdbi = database.jdbi();
        return articleId -> requirementOf(jdbi, articleId);
    }

    private static Optional<String> requirementOf(Jdbi jdbi, long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select p.slug from partner_articles pa join partners p on p.id = pa.partner_id where pa.article_id = :a""")
                .bind("a", articleId).mapTo(String.class).findOne()).map(slug -> "partner:" + slug);
    }

    /** "From The Lakeside Ledger" (linking to the original) and "By …" (the partner's byline) for a partner's article. */
    public List<Labels.Label> labels(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select p.name, pa.url, pa.byline from partner_articles pa join partners p on p.id = pa.partner_id
                        where pa.article_id = :a""")
                .bind("a", articleId).map((rs, c) -> {
                    List<Labels.Label> labels = new ArrayList<>();
                    labels.add(new Labels.Label("From " + rs.getString("name"), rs.getString("url")));
                    if (!rs.getString("byline").isBlank()) {
                        labels.add(new Labels.Label("By " + rs.getString("byline"), null));
                    }
                    return labels;
                }).findOne()).orElse(List.of());
    }

    // partners

    public Partner create(PartnerDraft draft) {
        checkSection(draft);
        long id = jdbi.inTransaction(h -> {
            if (PartnerRows.bySlug(h, draft.slug()).isPresent()) {
                throw WebError.badRequest("slug", "Another partner already has the slug " + draft.slug() + ".");
            }
            return PartnerRows.insert(h, draft, clock.instant());
        });
        return partner(id);
    }

    public Partner update(long id, PartnerDraft draft) {
        checkSection(draft);
        jdbi.useTransaction(h -> {
            PartnerRows.find(h, id).orElseThrow(Partners::noPartner);
            if (PartnerRows.bySlug(h, draft.slug()).filter(p -> p.id() != id).isPresent()) {
                throw WebError.badRequest("slug", "Another partner already has the slug " + draft.slug() + ".");
            }
            PartnerRows.update(h, id, draft, clock.instant());
        });
        List<Long> articles = jdbi.withHandle(h -> PartnerArticleRows.articleIds(h, id));
        Set<String> keys = new java.util.LinkedHashSet<>();
        articles.forEach(a -> keys.add("article:" + a));
        if (!keys.isEmpty()) {
            listeners.forEach(l -> l.accept(Set.copyOf(keys)));
            // the slug names the entitlement these articles require: pages, feeds and search follow
            newsroom.accessChanged(articles);
        }
        return partner(id);
    }

    public Partner partner(long id) {
        return jdbi.withHandle(h -> PartnerRows.find(h, id)).orElseThrow(Partners::noPartner);
    }

    public Optional<Partner> partner(String slug) {
        return jdbi.withHandle(h -> PartnerRows.bySlug(h, slug));
    }

    public List<Partner> partners() {
        return jdbi.withHandle(PartnerRows::all);
    }

    /** The partner's items, most recently seen first. */
    public List<PartnerArticle> articles(long partnerId, int limit) {
        return jdbi.withHandle(h -> PartnerArticleRows.recent(h, partnerId, limit));
    }

    /** The partner's item by their guid. */
    public Optional<PartnerArticle> article(long partnerId, String guid) {
        return jdbi.withHandle(h -> PartnerArticleRows.find(h, partnerId, guid));
    }

    // articles arriving

    /** Stores a story the partner sent (the API; the demo): created, updated (a new revision) or unchanged. */
    public Arrival receive(Partner partner, PartnerStory story) {
        return desk.store(partner, story, "api");
    }

    /** The partner took a story down: ours is unpublished. False when we do not have it live. */
    boolean remove(Partner partner, String guid) {
        return desk.remove(partner, guid, "removed by the partner (API)");
    }

    news.masthead.newsroom.Article newsroomArticle(long articleId) {
        return newsroom.article(articleId);
    }

    /** Polls one partner's feed now, due or not (the admin's "Poll now"; tests); returns the report. */
    public String pollNow(long partnerId) {
        partner(partnerId);
        return poll.poll(partnerId);
    }

    /** Polls every partner feed whose time has come (run with the feed import's recurring job). */
    public void pollDue() {
        for (long id : jdbi.withHandle(h -> PartnerRows.due(h, clock.instant(), DUE_PER_RUN))) {
            poll.poll(id);
        }
    }

    List<String> sectionSlugs() {
        return newsroom.sections().stream().map(news.masthead.newsroom.Section::slug).toList();
    }

    private void checkSection(PartnerDraft draft) {
        if (newsroom.section(draft.sectionSlug()).isEmpty()) {
            throw WebError.badRequest("section", "Choose the section the partner's articles go to.");
        }
    }

    static WebError noPartner() {
        return WebError.notFound("There is no such partner.");
    }
}
