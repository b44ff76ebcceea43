package news.masthead.newsroom;

import news.masthead.platform.db.Database;
import news.masthead.platform.web.WebError;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sections, tags and authors: the paper's structure and bylines. */
final class Taxonomy {
    static final RowMapper<Section> SECTION = (rs, c) -> new Section(rs.getLong("id"), rs.getString("slug"),
            rs.getString("name"), rs.getString("description"), rs.getInt("position"));
    static final RowMapper<Tag> TAG = (rs, c) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"));
    static final RowMapper<Author> AUTHOR = (rs, c) -> new Author(rs.getLong("id"), rs.getString("slug"),
            rs.getString("name"), rs.getString("bio"), RevisionRows.nullableLong(rs, "photo_id"));

    /** First path segments the site, admin and APIs use; a section there would be unreachable. */
    static final java.util.Set<String> RESERVED_SECTION_SLUGS = java.util.Set.of("admin", "api", "assets", "author",
            "tag", "search", "sitemaps", "media", "healthz", "metrics", "webhooks", "epaper", "magazine", "membership",
            "account", "feeds", "login", "logout");

    private final Database db;

    Taxonomy(Database db) {
        this.db = db;
    }

    List<Section> sections() {
        return db.jdbi().withHandle(h -> h.createQuery("select * from sections order by position, name").map(SECTION).list());
    }

    Optional<Section> section(String slug) {
        return db.jdbi().withHandle(h -> h.createQuery("select * from sections where slug = :s").bind("s", slug).map(SECTION).findOne());
    }

    Section saveSection(Long id, String slug, String name, String description, int position) {
        String cleanName = Fields.required("name", name, 80);
        String cleanSlug = slug == null || slug.isBlank() ? Slugs.of(cleanName) : slug.trim();
        Fields.slug("slug", cleanSlug);
        if (RESERVED_SECTION_SLUGS.contains(cleanSlug)) {
            throw WebError.badRequest("slug", "/" + cleanSlug + " is used by the site itself; choose another address for this section.");
        }
        String desc = Fields.optional("description", description, 500);
        return uniquely("slug", "A section with the address /" + cleanSlug + " already exists.", () -> db.jdbi().withHandle(h -> id == null
                ? h.createQuery("insert into sections (slug, name, description, position) values (:slug, :name, :d, :p) returning *")
                        .bind("slug", cleanSlug).bind("name", cleanName).bind("d", desc).bind("p", position).map(SECTION).one()
                : h.createQuery("update sections set slug = :slug, name = :name, description = :d, position = :p where id = :id returning *")
                        .bind("id", id).bind("slug", cleanSlug).bind("name", cleanName).bind("d", desc).bind("p", position)
                        .map(SECTION).findOne().orElseThrow(() -> WebError.notFound("No such section."))));
    }

    List<Tag> tags() {
        return db.jdbi().withHandle(h -> h.createQuery("select * from tags order by name").map(TAG).list());
    }

    Optional<Tag> tag(String slug) {
        return db.jdbi().withHandle(h -> h.createQuery("select * from tags where slug = :s").bind("s", slug).map(TAG).findOne());
    }

    /** The tags with these names, creating the missing ones (within the caller's transaction). */
    static List<Long> ensureTags(Handle h, Collection<String> names) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                String clean = Fields.required("tags", name, 60);
                bySlug.putIfAbsent(Slugs.of(clean), clean);
            }
        }
        List<Long> ids = new ArrayList<>();
        for (var e : bySlug.entrySet()) {
            h.createUpdate("insert into tags (slug, name) values (:s, :n) on conflict (slug) do nothing")
                    .bind("s", e.getKey()).bind("n", e.getValue()).execute();
            ids.add(h.createQuery("select id from tags where slug = :s").bind("s", e.getKey()).mapTo(Long.class).one());
        }
        return ids;
    }

    static List<Tag> tagsByIds(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Tag> found = new LinkedHashMap<>();
        h.createQuery("select * from tags where id = any(:ids)").bindArray("ids", Long.class, ids).map(TAG)
                .forEach(t -> found.put(t.id(), t));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    List<Author> authors() {
        return db.jdbi().withHandle(h -> h.createQuery("select * from authors order by name").map(AUTHOR).list());
    }

    Optional<Author> author(String slug) {
        return db.jdbi().withHandle(h -> h.createQuery("select * from authors where slug = :s").bind("s", slug).map(AUTHOR).findOne());
    }

    Author saveAuthor(Long id, String slug, String name, String bio, Long photoId) {
        String cleanName = Fields.required("name", name, 120);
        String cleanSlug = slug == null || slug.isBlank() ? Slugs.of(cleanName) : slug.trim();
        Fields.slug("slug", cleanSlug);
        String cleanBio = Fields.optional("bio", bio, 2000);
        return uniquely("slug", "An author with the address /author/" + cleanSlug + " already exists.", () -> db.jdbi().withHandle(h -> id == null
                ? h.createQuery("insert into authors (slug, name, bio, photo_id) values (:s, :n, :b, :p) returning *")
                        .bind("s", cleanSlug).bind("n", cleanName).bind("b", cleanBio).bind("p", photoId).map(AUTHOR).one()
                : h.createQuery("update authors set slug = :s, name = :n, bio = :b, photo_id = :p where id = :id returning *")
                        .bind("id", id).bind("s", cleanSlug).bind("n", cleanName).bind("b", cleanBio).bind("p", photoId)
                        .map(AUTHOR).findOne().orElseThrow(() -> WebError.notFound("No such author."))));
    }

    static List<Author> authorsByIds(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Author> found = new LinkedHashMap<>();
        h.createQuery("select * from authors where id = any(:ids)").bindArray("ids", Long.class, ids).map(AUTHOR)
                .forEach(a -> found.put(a.id(), a));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Runs a write and turns a unique-key violation into a 400 naming the field. */
    static <T> T uniquely(String field, String message, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                throw WebError.badRequest(field, message);
            }
            if (e.getCause() instanceof java.sql.SQLException sql && "23503".equals(sql.getSQLState())) {
                throw WebError.badRequest(field, "That refers to something that does not exist.");
            }
            throw e;
        }
    }
}
