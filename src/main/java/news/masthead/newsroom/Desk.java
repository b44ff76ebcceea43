package news.masthead.newsroom;

import news.masthead.platform.db.Database;
import news.masthead.platform.html.Markdown;
import news.masthead.platform.web.WebError;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rules of writing: saving revisions (refusing a save over someone else's newer one), edit
 * locks, publishing, scheduling, unpublishing, restoring and corrections. Every change readers can
 * see writes an outbox row in the same transaction and is announced to listeners after commit.
 */
final class Desk {
    static final Duration LOCK_TIME = Duration.ofMinutes(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC' 'on' d MMM").withZone(ZoneOffset.UTC);

    private final Database db;
    private final Clock clock;
    private final Markdown markdown;
    private final List<Consumer<ArticleChange>> listeners;

    Desk(Database db, Clock clock, Markdown markdown, List<Consumer<ArticleChange>> listeners) {
        this.db = db;
        this.clock = clock;
        this.markdown = markdown;
        this.listeners = listeners;
    }

    long create(ArticleDraft draft, Long staffId) {
        return db.jdbi().inTransaction(h -> {
            ResolvedDraft d = resolve(h, draft, null);
            long articleId = h.createQuery("""
                    insert into articles (status, slug, section_id, created_at, updated_at)
                    values ('draft', :slug, :section, :now, :now) returning id""")
                    .bind("slug", d.slug()).bind("section", d.sectionId()).bind("now", now()).mapTo(Long.class).one();
            long revisionId = RevisionRows.insert(h, articleId, 1, d, staffId);
            h.createUpdate("update articles set current_revision_id = :r where id = :a").bind("r", revisionId).bind("a", articleId).execute();
            return articleId;
        });
    }

    /** Saves revision baseRevision+1; refuses when the article moved on since baseRevision was loaded. */
    int save(long articleId, int baseRevision, ArticleDraft draft, Long staffId) {
        List<ArticleChange> changes = new ArrayList<>();
        int number = db.jdbi().inTransaction(h -> {
            ArticleState state = lockRow(h, articleId);
            Revision current = RevisionRows.byId(h, state.currentRevisionId()).orElseThrow();
            if (current.number() != baseRevision) {
                throw WebError.conflict("Not saved: " + (current.createdByName() == null ? "someone" : current.createdByName())
                        + " saved a newer version (revision " + current.number() + ") at " + TIME.format(current.createdAt())
                        + ". Your text is below — copy what you need, reload, and apply your changes again.");
            }
            refuseIfLockedByOther(h, articleId, staffId);
            ResolvedDraft d = resolve(h, draft, articleId);
            return writeRevision(h, state, current.number() + 1, d, staffId, changes);
        });
        announce(changes);
        return number;
    }

    /** A new revision that copies an old one; the old one stays as it was. */
    int restore(long articleId, int number, int baseRevision, Long staffId) {
        List<ArticleChange> changes = new ArrayList<>();
        int restored = db.jdbi().inTransaction(h -> {
            ArticleState state = lockRow(h, articleId);
            Revision current = RevisionRows.byId(h, state.currentRevisionId()).orElseThrow();
            if (current.number() != baseRevision) {
                throw WebError.conflict("Not restored: the article changed since you opened it (now at revision " + current.number() + "). Reload and try again.");
            }
            Revision old = RevisionRows.byNumber(h, articleId, number)
                    .orElseThrow(() -> WebError.notFound("This article has no revision " + number + "."));
            ResolvedDraft d = ResolvedDraft.of(old).withSlug(freeSlug(h, old.slug(), articleId));
            return writeRevision(h, state, current.number() + 1, d, staffId, changes);
        });
        announce(changes);
        return restored;
    }

    private int writeRevision(Handle h, ArticleState state, int number, ResolvedDraft d, Long staffId, List<ArticleChange> changes) {
        long revisionId = RevisionRows.insert(h, state.id(), number, d, staffId);
        h.createUpdate("update articles set current_revision_id = :r, updated_at = :now where id = :a")
                .bind("r", revisionId).bind("now", now()).bind("a", state.id()).execute();
        if (state.status() == ArticleStatus.PUBLISHED) {
            changes.add(goLive(h, state, revisionId, ArticleChange.Kind.UPDATED));
        } else if (state.firstPublishedAt() == null) {
            // never public: the address can follow the draft freely
            h.createUpdate("update articles set slug = :s, section_id = :sec where id = :a")
                    .bind("s", d.slug()).bind("sec", d.sectionId()).bind("a", state.id()).execute();
        }
        return number;
    }

    void publish(long articleId, Long staffId) {
        List<ArticleChange> changes = new ArrayList<>();
        db.jdbi().useTransaction(h -> {
            ArticleState state = lockRow(h, articleId);
            refuseIfLockedByOther(h, articleId, staffId);
            changes.add(goLive(h, state, state.currentRevisionId(),
                    state.status() == ArticleStatus.PUBLISHED ? ArticleChange.Kind.UPDATED : ArticleChange.Kind.PUBLISHED));
        });
        announce(changes);
    }

    /** Publishes a never-published article with a first-published time in the past (imports keep their dates). */
    void publishAt(long articleId, Instant firstPublishedAt) {
        if (firstPublishedAt.isAfter(now())) {
            throw WebError.badRequest("publishAt", "A first-published time cannot be in the future; schedule the article instead.");
        }
        List<ArticleChange> changes = new ArrayList<>();
        db.jdbi().useTransaction(h -> {
            ArticleState state = lockRow(h, articleId);
            if (state.status() == ArticleStatus.PUBLISHED) {
                return;
            }
            changes.add(goLive(h, state, state.currentRevisionId(), ArticleChange.Kind.PUBLISHED));
            if (state.firstPublishedAt() == null) {
                h.createUpdate("update articles set first_published_at = :at where id = :a")
                        .bind("at", firstPublishedAt).bind("a", articleId).execute();
            }
        });
        announce(changes);
    }

    void schedule(long articleId, Instant at) {
        if (!at.isAfter(now())) {
            throw WebError.badRequest("publishAt", "Choose a time in the future, or publish now.");
        }
        db.jdbi().useTransaction(h -> {
            ArticleState state = lockRow(h, articleId);
            if (state.status() == ArticleStatus.PUBLISHED) {
                throw WebError.conflict("This article is already published; unpublish it first to schedule it.");
            }
            h.createUpdate("update articles set status = 'scheduled', publish_at = :at, updated_at = :now where id = :a")
                    .bind("at", at).bind("now", now()).bind("a", articleId).execute();
        });
    }

    /** Publishes every scheduled article whose time has come; safe to run on every node at once. */
    int publishDue() {
        List<ArticleChange> changes = new ArrayList<>();
        db.jdbi().useTransaction(h -> {
            List<Long> due = h.createQuery("""
                    select id from articles where status = 'scheduled' and publish_at <= :now
                    order by publish_at limit 100 for update skip locked""").bind("now", now()).mapTo(Long.class).list();
            for (long id : due) {
                ArticleState state = lockRow(h, id);
                changes.add(goLive(h, state, state.currentRevisionId(), ArticleChange.Kind.PUBLISHED));
            }
        });
        announce(changes);
        return changes.size();
    }

    void unpublish(long articleId) {
        List<ArticleChange> changes = new ArrayList<>();
        db.jdbi().useTransaction(h -> {
            ArticleState state = lockRow(h, articleId);
            if (state.status() == ArticleStatus.UNPUBLISHED || state.status() == ArticleStatus.DRAFT) {
                return;
            }
            h.createUpdate("update articles set status = 'unpublished', publish_at = null, updated_at = :now where id = :a")
                    .bind("now", now()).bind("a", articleId).execute();
            outbox(h, articleId);
            if (state.firstPublishedAt() != null) {
                changes.add(new ArticleChange(articleId, state.path(), state.sectionSlug(), ArticleChange.Kind.UNPUBLISHED));
            }
        });
        announce(changes);
    }

    void addCorrection(long articleId, String text, Long staffId) {
        String body = Fields.required("correction", text, 2000);
        List<ArticleChange> changes = new ArrayList<>();
        db.jdbi().useTransaction(h -> {
            ArticleState state = lockRow(h, articleId);
            h.createUpdate("insert into corrections (article_id, body, created_by, created_at) values (:a, :b, :s, :now)")
                    .bind("a", articleId).bind("b", body).bind("s", staffId).bind("now", now()).execute();
            if (state.status() == ArticleStatus.PUBLISHED) {
                h.createUpdate("update articles set updated_visible_at = :now where id = :a").bind("now", now()).bind("a", articleId).execute();
                outbox(h, articleId);
                changes.add(new ArticleChange(articleId, state.path(), state.sectionSlug(), ArticleChange.Kind.UPDATED));
            }
        });
        announce(changes);
    }

    /** Takes or renews the edit lock; returns the holder, who is someone else when they hold it and no take-over was asked. */
    EditLock lock(long articleId, long staffId, boolean takeOver) {
        return db.jdbi().inTransaction(h -> {
            lockRow(h, articleId);
            Instant now = now();
            h.createUpdate("""
                    update articles set lock_staff_id = :s, lock_expires_at = :until
                    where id = :a and (lock_staff_id is null or lock_staff_id = :s or lock_expires_at < :now or :takeOver)""")
                    .bind("s", staffId).bind("until", now.plus(LOCK_TIME)).bind("a", articleId).bind("now", now)
                    .bind("takeOver", takeOver).execute();
            return currentLock(h, articleId).orElseThrow();
        });
    }

    void releaseLock(long articleId, long staffId) {
        db.jdbi().useHandle(h -> h.createUpdate("update articles set lock_staff_id = null, lock_expires_at = null where id = :a and lock_staff_id = :s")
                .bind("a", articleId).bind("s", staffId).execute());
    }

    static java.util.Optional<EditLock> currentLock(Handle h, long articleId) {
        return h.createQuery("""
                select a.lock_staff_id, s.name, a.lock_expires_at from articles a join staff s on s.id = a.lock_staff_id
                where a.id = :a""").bind("a", articleId)
                .map((rs, c) -> new EditLock(rs.getLong(1), rs.getString(2), RevisionRows.instant(rs, "lock_expires_at"))).findOne();
    }

    private void refuseIfLockedByOther(Handle h, long articleId, Long staffId) {
        currentLock(h, articleId).filter(l -> l.expiresAt().isAfter(now()) && (staffId == null || l.staffId() != staffId))
                .ifPresent(l -> {
                    throw WebError.conflict(l.staffName() + " is editing this article right now. Take over the edit lock before saving.");
                });
    }

    /** Makes a revision the one readers see, keeping a redirect when the address changes. */
    private ArticleChange goLive(Handle h, ArticleState state, long revisionId, ArticleChange.Kind kind) {
        Revision r = RevisionRows.byId(h, revisionId).orElseThrow();
        Instant now = now();
        String sectionSlug = h.createQuery("select slug from sections where id = :id").bind("id", r.sectionId()).mapTo(String.class).one();
        String newPath = "/" + sectionSlug + "/" + r.slug();
        h.createUpdate("""
                update articles set status = 'published', published_revision_id = :r, publish_at = null,
                    updated_visible_at = case when first_published_at is null then null else cast(:now as timestamptz) end,
                    first_published_at = coalesce(first_published_at, :now), slug = :slug, section_id = :section, updated_at = :now
                where id = :a""")
                .bind("r", revisionId).bind("now", now).bind("slug", r.slug()).bind("section", r.sectionId()).bind("a", state.id()).execute();
        h.createUpdate("delete from article_authors where article_id = :a").bind("a", state.id()).execute();
        for (int i = 0; i < r.authorIds().size(); i++) {
            h.createUpdate("insert into article_authors (article_id, author_id, position) values (:a, :au, :p) on conflict do nothing")
                    .bind("a", state.id()).bind("au", r.authorIds().get(i)).bind("p", i).execute();
        }
        h.createUpdate("delete from article_tags where article_id = :a").bind("a", state.id()).execute();
        for (long tag : r.tagIds()) {
            h.createUpdate("insert into article_tags (article_id, tag_id) values (:a, :t) on conflict do nothing")
                    .bind("a", state.id()).bind("t", tag).execute();
        }
        if (state.firstPublishedAt() != null && !state.path().equals(newPath)) {
            Redirects.move(h, state.path(), newPath);
        }
        h.createUpdate("delete from redirects where from_path = :p").bind("p", newPath).execute();
        outbox(h, state.id());
        return new ArticleChange(state.id(), newPath, sectionSlug, kind);
    }

    private static void outbox(Handle h, long articleId) {
        h.createUpdate("insert into outbox (topic, ref_id) values ('article', :a)").bind("a", articleId).execute();
    }

    private ResolvedDraft resolve(Handle h, ArticleDraft draft, Long articleId) {
        String headline = Fields.required("headline", draft.headline(), 300);
        String seo = Fields.optional("seoHeadline", draft.seoHeadline(), 300);
        String standfirst = Fields.optional("standfirst", draft.standfirst(), 1000);
        String body = Fields.optional("body", draft.bodyMarkdown(), 200_000);
        String sectionSlug = Fields.required("section", draft.sectionSlug(), 120);
        long sectionId = h.createQuery("select id from sections where slug = :s").bind("s", sectionSlug).mapTo(Long.class)
                .findOne().orElseThrow(() -> WebError.badRequest("section", "There is no section '" + sectionSlug + "'."));
        if (draft.leadPhotoId() != null && h.createQuery("select count(*) from photos where id = :p")
                .bind("p", draft.leadPhotoId()).mapTo(Integer.class).one() == 0) {
            throw WebError.badRequest("leadPhoto", "There is no photo " + draft.leadPhotoId() + " in the library.");
        }
        List<Long> authorIds = draft.authorIds().stream().distinct().toList();
        if (!authorIds.isEmpty() && Taxonomy.authorsByIds(h, authorIds).size() != authorIds.size()) {
            throw WebError.badRequest("authors", "One of the chosen authors does not exist.");
        }
        List<Long> tagIds = Taxonomy.ensureTags(h, draft.tagNames());
        String wantedSlug = Fields.optional("slug", draft.slug(), 120);
        if (!wantedSlug.isEmpty()) {
            Fields.slug("slug", wantedSlug);
        }
        String slug = freeSlug(h, wantedSlug.isEmpty() ? Slugs.of(headline) : wantedSlug, articleId);
        return new ResolvedDraft(headline, seo, standfirst, body, markdown.toHtml(body), draft.leadPhotoId(), sectionId, slug,
                authorIds, tagIds, Fields.url("canonicalUrl", draft.canonicalUrl()),
                Fields.optional("sourceName", draft.sourceName(), 200), Fields.url("sourceUrl", draft.sourceUrl()));
    }

    /** The slug, or the slug with -2, -3 … when another article has it. */
    private static String freeSlug(Handle h, String slug, Long articleId) {
        String candidate = slug;
        for (int n = 2; taken(h, candidate, articleId); n++) {
            candidate = slug + "-" + n;
        }
        return candidate;
    }

    private static boolean taken(Handle h, String slug, Long articleId) {
        return h.createQuery("select count(*) from articles where slug = :s and id is distinct from :a")
                .bind("s", slug).bind("a", articleId).mapTo(Integer.class).one() > 0;
    }

    private static ArticleState lockRow(Handle h, long articleId) {
        return h.createQuery("""
                select a.id, a.status, a.current_revision_id, a.first_published_at, s.slug as section_slug, a.slug
                from articles a join sections s on s.id = a.section_id where a.id = :a for update of a""")
                .bind("a", articleId)
                .map((rs, c) -> new ArticleState(rs.getLong("id"), ArticleStatus.of(rs.getString("status")),
                        rs.getLong("current_revision_id"), RevisionRows.instant(rs, "first_published_at"),
                        rs.getString("section_slug"), "/" + rs.getString("section_slug") + "/" + rs.getString("slug")))
                .findOne().orElseThrow(() -> WebError.notFound("There is no article " + articleId + "."));
    }

    private record ArticleState(long id, ArticleStatus status, long currentRevisionId, Instant firstPublishedAt,
                                String sectionSlug, String path) {
    }

    private void announce(List<ArticleChange> changes) {
        for (ArticleChange change : changes) {
            for (Consumer<ArticleChange> listener : listeners) {
                listener.accept(change);
            }
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
