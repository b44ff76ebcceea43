package news.masthead.newsroom;

import news.masthead.platform.db.Database;
import news.masthead.platform.html.Markdown;
import news.masthead.platform.web.WebError;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The newsroom's one entry point: writing and publishing articles, the paper's sections, tags and
 * authors, and the published articles that the site, feeds and search read.
 */
public final class Newsroom {
    private final Database db;
    private final List<Consumer<ArticleChange>> listeners = new CopyOnWriteArrayList<>();
    private final Desk desk;
    private final Reader reader;
    private final Taxonomy taxonomy;
    private final Listings listings;
    private final Requirements requirements;

    public Newsroom(Database db, Clock clock) {
        this.db = db;
        this.desk = new Desk(db, clock, new Markdown(), listeners);
        this.reader = new Reader(db);
        this.taxonomy = new Taxonomy(db);
        this.listings = new Listings(db, clock);
        this.requirements = new Requirements(db, listeners);
    }

    /** Called after each committed change that readers can see. */
    public void onChange(Consumer<ArticleChange> listener) {
        listeners.add(listener);
    }

    // writing

    /** A new draft (revision 1); returns the article id. */
    public long create(ArticleDraft draft, Long staffId) {
        return desk.create(draft, staffId);
    }

    /** Saves a new revision on top of {@code baseRevision}; refused (409) if someone saved since. Returns the new number. */
    public int save(long articleId, int baseRevision, ArticleDraft draft, Long staffId) {
        return desk.save(articleId, baseRevision, draft, staffId);
    }

    public int restore(long articleId, int revisionNumber, int baseRevision, Long staffId) {
        return desk.restore(articleId, revisionNumber, baseRevision, staffId);
    }

    /** Publishes the latest revision now (or republishes it, showing an "Updated" time). */
    public void publish(long articleId, Long staffId) {
        desk.publish(articleId, staffId);
    }

    /**
     * Publishes the latest revision of a never-published article as first published at a past
     * time (an article brought over from another system keeps its date). Already published: no change.
     */
    public void publishAt(long articleId, Instant firstPublishedAt) {
        desk.publishAt(articleId, firstPublishedAt);
    }

    public void schedule(long articleId, Instant at) {
        desk.schedule(articleId, at);
    }

    /** Publishes scheduled articles whose time has come; returns how many. */
    public int publishDue() {
        return desk.publishDue();
    }

    public void unpublish(long articleId) {
        desk.unpublish(articleId);
    }

    public void addCorrection(long articleId, String text, Long staffId) {
        desk.addCorrection(articleId, text, staffId);
    }

    public EditLock lock(long articleId, long staffId, boolean takeOver) {
        return desk.lock(articleId, staffId, takeOver);
    }

    public void releaseLock(long articleId, long staffId) {
        desk.releaseLock(articleId, staffId);
    }

    // the newsroom's view

    public Article article(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        select a.id, a.status, a.current_revision_id, pr.number as published_number, s.slug as section_slug,
                               a.slug, a.publish_at, a.first_published_at, a.updated_visible_at
                        from articles a join sections s on s.id = a.section_id
                        left join article_revisions pr on pr.id = a.published_revision_id where a.id = :id""")
                .bind("id", id)
                .map((rs, c) -> new ArticleRow(rs.getLong("current_revision_id"), ArticleStatus.of(rs.getString("status")),
                        (Integer) rs.getObject("published_number"), "/" + rs.getString("section_slug") + "/" + rs.getString("slug"),
                        RevisionRows.instant(rs, "publish_at"), RevisionRows.instant(rs, "first_published_at"),
                        RevisionRows.instant(rs, "updated_visible_at")))
                .findOne()
                .map(r -> new Article(id, r.status(), RevisionRows.byId(h, r.currentRevision()).orElseThrow(), r.publishedNumber(),
                        r.path(), r.publishAt(), r.firstPublished(), r.updated(), Desk.currentLock(h, id).orElse(null)))
                .orElseThrow(() -> WebError.notFound("There is no article " + id + ".")));
    }

    /** Every article (any status), latest change first; {@code status} null for all, {@code search} matches headlines. */
    public List<ArticleListing> articles(ArticleStatus status, String search, int offset, int limit) {
        return listings.page(status, search, offset, limit);
    }

    public int countArticles(ArticleStatus status, String search) {
        return listings.count(status, search);
    }

    private record ArticleRow(long currentRevision, ArticleStatus status, Integer publishedNumber, String path,
                              Instant publishAt, Instant firstPublished, Instant updated) {
    }

    public List<Revision> revisions(long articleId) {
        return db.jdbi().withHandle(h -> RevisionRows.all(h, articleId));
    }

    public Revision revision(long articleId, int number) {
        return db.jdbi().withHandle(h -> RevisionRows.byNumber(h, articleId, number))
                .orElseThrow(() -> WebError.notFound("This article has no revision " + number + "."));
    }

    // old addresses

    /**
     * Keeps an old public path (e.g. a WordPress permalink) leading to {@code toPath}. Never takes a
     * path that already leads somewhere else or where a live article is; returns whether the path
     * now leads to {@code toPath}.
     */
    public boolean addRedirect(String fromPath, String toPath) {
        return db.jdbi().inTransaction(h -> Redirects.add(h, Redirects.path("fromPath", fromPath), Redirects.path("toPath", toPath)));
    }

    /** Where an old path leads now, if anywhere. */
    public Optional<String> redirect(String path) {
        return db.jdbi().withHandle(h -> Redirects.target(h, path));
    }

    /** The slug the newsroom would make from this text (lower-case ASCII words and hyphens; "untitled" when nothing is left). */
    public static String slugFor(String text) {
        return Slugs.of(text);
    }

    // the paper's structure

    public List<Section> sections() {
        return taxonomy.sections();
    }

    public Optional<Section> section(String slug) {
        return taxonomy.section(slug);
    }

    public Section saveSection(Long id, String slug, String name, String description, int position) {
        return taxonomy.saveSection(id, slug, name, description, position);
    }

    public List<Tag> tags() {
        return taxonomy.tags();
    }

    public Optional<Tag> tag(String slug) {
        return taxonomy.tag(slug);
    }

    public List<Author> authors() {
        return taxonomy.authors();
    }

    public Optional<Author> author(String slug) {
        return taxonomy.author(slug);
    }

    public Author saveAuthor(Long id, String slug, String name, String bio, Long photoId) {
        return taxonomy.saveAuthor(id, slug, name, bio, photoId);
    }

    // what readers see

    public ArticleLookup lookup(String sectionSlug, String slug) {
        return reader.lookup(sectionSlug, slug);
    }

    public Optional<LiveArticle> live(long id) {
        return reader.live(id);
    }

    public List<LiveArticle> live(Collection<Long> ids) {
        return reader.live(ids);
    }

    public List<ArticleSummary> latest(int offset, int limit) {
        return reader.latest(Reader.Filter.ALL, offset, limit);
    }

    public int countPublished() {
        return reader.count(Reader.Filter.ALL);
    }

    public List<ArticleSummary> latestInSection(Section section, int offset, int limit) {
        return reader.latest(Reader.Filter.section(section.id()), offset, limit);
    }

    public int countInSection(Section section) {
        return reader.count(Reader.Filter.section(section.id()));
    }

    public List<ArticleSummary> latestByAuthor(Author author, int offset, int limit) {
        return reader.latest(Reader.Filter.author(author.id()), offset, limit);
    }

    public int countByAuthor(Author author) {
        return reader.count(Reader.Filter.author(author.id()));
    }

    public List<ArticleSummary> latestWithTag(Tag tag, int offset, int limit) {
        return reader.latest(Reader.Filter.tag(tag.id()), offset, limit);
    }

    public int countWithTag(Tag tag) {
        return reader.count(Reader.Filter.tag(tag.id()));
    }

    /** Published since a time, newest first (the news sitemap's last 48 hours). */
    public List<ArticleSummary> publishedSince(Instant since, int limit) {
        return reader.latest(Reader.Filter.since(since), 0, limit);
    }

    public List<ArticleSummary> related(LiveArticle article, int limit) {
        return reader.related(article, limit);
    }

    // requirements: which entitlement reading an article in full needs (the site's gate decides what that means)

    /** The article's own requirement, else its section's; empty when free to read. */
    public Optional<String> requirement(long articleId) {
        return requirements.of(articleId);
    }

    /** The requirement of each of these articles that has one (its own, else its section's). */
    public java.util.Map<Long, String> requirements(Collection<Long> articleIds) {
        return requirements.of(articleIds);
    }

    /** The article's own requirement (not its section's), or null; 404 for no such article. */
    public String ownRequirement(long articleId) {
        return requirements.ownOf(articleId);
    }

    /** Each section's requirement by section id; free sections are absent. */
    public java.util.Map<Long, String> sectionRequirements() {
        return requirements.ofSections();
    }

    /**
     * Sets an article's own requirement ({@code null} or blank: none, its section's applies). Only the
     * shape of the name is checked here (400 on {@code requires}); which names exist is the caller's
     * business. A live article is announced as updated, so pages, feeds and search follow at once.
     */
    public void requireForArticle(long articleId, String entitlement) {
        requirements.setForArticle(articleId, entitlement);
    }

    /** Sets a section's requirement; each of its live articles is announced as updated. */
    public void requireForSection(long sectionId, String entitlement) {
        requirements.setForSection(sectionId, entitlement);
    }

    /**
     * Tells the newsroom's listeners (page cache, search) that who may read these articles changed for
     * a reason kept outside the newsroom (a magazine issue, a partner publication): each live one is
     * announced as updated and re-indexed.
     */
    public void accessChanged(Collection<Long> articleIds) {
        requirements.changed(articleIds);
    }

    // the change log that each node's search index follows

    /** Outbox entries after {@code afterId}, oldest first. */
    public List<Change> changesSince(long afterId, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("select id, ref_id from outbox where id > :after order by id limit :limit")
                .bind("after", afterId).bind("limit", limit)
                .map((rs, c) -> new Change(rs.getLong("id"), rs.getLong("ref_id"))).list());
    }

    /** The id of the newest outbox entry (0 when empty). */
    public long lastChangeId() {
        return db.jdbi().withHandle(h -> h.createQuery("select coalesce(max(id), 0) from outbox").mapTo(Long.class).one());
    }

    /** Ids of all published articles, in batches, for a full reindex. */
    public List<Long> publishedIdsAfter(long afterId, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("select id from articles where status = 'published' and id > :after order by id limit :limit")
                .bind("after", afterId).bind("limit", limit).mapTo(Long.class).list());
    }

    /** One row of the outbox: article {@code articleId} changed. */
    public record Change(long id, long articleId) {
    }
}
