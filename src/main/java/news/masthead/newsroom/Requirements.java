package news.masthead.newsroom;

import news.masthead.platform.db.Database;
import news.masthead.platform.web.WebError;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Requirements: the entitlement an article (or every article of a section) needs to be read in full,
 * stored on {@code articles.requires} and {@code sections.requires} (V120). The newsroom only keeps
 * them and announces their changes; which names exist and what readers see is the site's gate.
 */
final class Requirements {
    /** The shape of an entitlement name: a slug, or two slugs joined by a colon ({@code partner:the-partner}). */
    static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(:[a-z0-9]+(-[a-z0-9]+)*)?");

    private final Database db;
    private final List<Consumer<ArticleChange>> listeners;

    Requirements(Database db, List<Consumer<ArticleChange>> listeners) {
        this.db = db;
        this.listeners = listeners;
    }

    /** Null or blank means none; otherwise the name must have an entitlement's shape (400 naming {@code field}). */
    static String clean(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 80 || !NAME.matcher(v).matches()) {
            throw WebError.badRequest(field, "'" + (v.length() > 80 ? v.substring(0, 80) + "…" : v)
                    + "' is not an entitlement name (such as premium or partner:the-partner).");
        }
        return v;
    }

    /** The article's own requirement, else its section's; empty when it is free to read (or does not exist). */
    Optional<String> of(long articleId) {
        return Optional.ofNullable(of(List.of(articleId)).get(articleId));
    }

    /** The requirement of each of these articles that has one (its own, else its section's). */
    Map<Long, String> of(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> found = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("""
                        select a.id, coalesce(a.requires, s.requires) as requires
                        from articles a join sections s on s.id = a.section_id
                        where a.id = any(:ids) and coalesce(a.requires, s.requires) is not null""")
                .bindArray("ids", Long.class, List.copyOf(new LinkedHashSet<>(articleIds)))
                .map((rs, c) -> Map.entry(rs.getLong("id"), rs.getString("requires")))
                .forEach(e -> found.put(e.getKey(), e.getValue())));
        return found;
    }

    /** The article's own requirement (not its section's), or null. */
    String ownOf(long articleId) {
        String own = db.jdbi().withHandle(h -> h.createQuery("select coalesce(requires, '') from articles where id = :id")
                .bind("id", articleId).mapTo(String.class).findOne()
                .orElseThrow(() -> WebError.notFound("There is no article " + articleId + ".")));
        return own.isEmpty() ? null : own;
    }

    /** Each section's own requirement, by section id (sections without one are absent). */
    Map<Long, String> ofSections() {
        Map<Long, String> found = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("select id, requires from sections where requires is not null")
                .map((rs, c) -> Map.entry(rs.getLong("id"), rs.getString("requires")))
                .forEach(e -> found.put(e.getKey(), e.getValue())));
        return found;
    }

    /** Sets (or clears, with null) an article's own requirement; readers see the change at once. */
    void setForArticle(long articleId, String entitlement) {
        String name = clean("requires", entitlement);
        List<ArticleChange> changes = new ArrayList<>();
        db.jdbi().useTransaction(h -> {
            int updated = h.createUpdate("update articles set requires = :r, updated_at = now() where id = :id and requires is distinct from :r")
                    .bind("r", name).bind("id", articleId).execute();
            if (updated == 0 && h.createQuery("select count(*) from articles where id = :id").bind("id", articleId)
                    .mapTo(Integer.class).one() == 0) {
                throw WebError.notFound("There is no article " + articleId + ".");
            }
            if (updated > 0) {
                changes.addAll(touch(h, List.of(articleId)));
            }
        });
        announce(changes);
    }

    /** Sets (or clears) a section's requirement; every published article of the section changes for readers. */
    void setForSection(long sectionId, String entitlement) {
        String name = clean("requires", entitlement);
        List<ArticleChange> changes = new ArrayList<>();
        db.jdbi().useTransaction(h -> {
            int updated = h.createUpdate("update sections set requires = :r where id = :id and requires is distinct from :r")
                    .bind("r", name).bind("id", sectionId).execute();
            if (updated == 0 && h.createQuery("select count(*) from sections where id = :id").bind("id", sectionId)
                    .mapTo(Integer.class).one() == 0) {
                throw WebError.notFound("There is no such section.");
            }
            if (updated > 0) {
                changes.addAll(touch(h, h.createQuery("select id from articles where section_id = :s and status = 'published'")
                        .bind("s", sectionId).mapTo(Long.class).list()));
            }
        });
        announce(changes);
    }

    /** Something outside the newsroom changed who may read these articles: feeds, pages and search follow. */
    void changed(Collection<Long> articleIds) {
        List<ArticleChange> changes = new ArrayList<>();
        db.jdbi().useTransaction(h -> changes.addAll(touch(h, List.copyOf(new LinkedHashSet<>(articleIds)))));
        announce(changes);
    }

    /** An outbox row (the search index re-reads the article) and a change for each published one. */
    private static List<ArticleChange> touch(Handle h, List<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        List<ArticleChange> changes = new ArrayList<>();
        h.createQuery("""
                        select a.id, a.slug, s.slug as section_slug from articles a join sections s on s.id = a.section_id
                        where a.id = any(:ids) and a.status = 'published' order by a.id""")
                .bindArray("ids", Long.class, articleIds)
                .map((rs, c) -> new ArticleChange(rs.getLong("id"), "/" + rs.getString("section_slug") + "/" + rs.getString("slug"),
                        rs.getString("section_slug"), ArticleChange.Kind.UPDATED))
                .forEach(changes::add);
        for (ArticleChange change : changes) {
            h.createUpdate("insert into outbox (topic, ref_id) values ('article', :a)").bind("a", change.articleId()).execute();
        }
        return changes;
    }

    private void announce(List<ArticleChange> changes) {
        for (ArticleChange change : changes) {
            for (Consumer<ArticleChange> listener : listeners) {
                listener.accept(change);
            }
        }
    }
}
