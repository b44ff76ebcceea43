package news.masthead.newsroom;

import news.masthead.platform.db.Database;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Read queries over published articles, for the public site, feeds, sitemaps and search. */
final class Reader {
    private static final String SUMMARY_SELECT = """
            select a.id, a.slug, a.first_published_at, a.updated_visible_at, r.headline, r.standfirst, r.lead_photo_id,
                   r.author_ids, s.id as s_id, s.slug as s_slug, s.name as s_name, s.description as s_description,
                   s.position as s_position
            from articles a
            join article_revisions r on r.id = a.published_revision_id
            join sections s on s.id = a.section_id
            """;

    private final Database db;

    Reader(Database db) {
        this.db = db;
    }

    /** What lives at /{section}/{slug}. */
    ArticleLookup lookup(String sectionSlug, String slug) {
        String path = "/" + sectionSlug + "/" + slug;
        return db.jdbi().withHandle(h -> {
            var row = h.createQuery("""
                    select a.id, a.status, a.first_published_at is not null as was_public, s.slug as section_slug
                    from articles a join sections s on s.id = a.section_id where a.slug = :slug""")
                    .bind("slug", slug)
                    .map((rs, c) -> new PathRow(rs.getLong("id"), ArticleStatus.of(rs.getString("status")),
                            rs.getBoolean("was_public"), "/" + rs.getString("section_slug") + "/" + slug))
                    .findOne();
            if (row.isPresent()) {
                PathRow r = row.get();
                if (r.status() == ArticleStatus.PUBLISHED) {
                    return r.path().equals(path) ? live(h, r.id()).<ArticleLookup>map(ArticleLookup.Live::new)
                            .orElse(new ArticleLookup.Missing()) : new ArticleLookup.Moved(r.path());
                }
                if (r.status() == ArticleStatus.UNPUBLISHED && r.wasPublic() && r.path().equals(path)) {
                    return new ArticleLookup.Gone();
                }
            }
            return Redirects.target(h, path).<ArticleLookup>map(ArticleLookup.Moved::new).orElse(new ArticleLookup.Missing());
        });
    }

    private record PathRow(long id, ArticleStatus status, boolean wasPublic, String path) {
    }

    Optional<LiveArticle> live(long id) {
        return db.jdbi().withHandle(h -> live(h, id));
    }

    List<LiveArticle> live(Collection<Long> ids) {
        return db.jdbi().withHandle(h -> {
            List<LiveArticle> out = new ArrayList<>();
            for (long id : new LinkedHashSet<>(ids)) {
                live(h, id).ifPresent(out::add);
            }
            return out;
        });
    }

    private Optional<LiveArticle> live(Handle h, long id) {
        return h.createQuery("""
                select r.*, a.slug as live_slug, a.first_published_at, a.updated_visible_at, null as created_by_name,
                       s.id as s_id, s.slug as s_slug, s.name as s_name, s.description as s_description, s.position as s_position
                from articles a
                join article_revisions r on r.id = a.published_revision_id
                join sections s on s.id = a.section_id
                where a.id = :id and a.status = 'published'""")
                .bind("id", id)
                .map((rs, c) -> new LiveRow(section(rs), rs.getString("live_slug"), RevisionRows.MAPPER.map(rs, c),
                        RevisionRows.instant(rs, "first_published_at"), RevisionRows.instant(rs, "updated_visible_at")))
                .findOne()
                .map(row -> {
                    Revision r = row.revision();
                    return new LiveArticle(id, r.number(), "/" + row.section().slug() + "/" + row.slug(), r.headline(),
                            r.seoHeadline(), r.standfirst(), r.bodyHtml(), r.leadPhotoId(), row.section(),
                            Taxonomy.authorsByIds(h, r.authorIds()), Taxonomy.tagsByIds(h, r.tagIds()), r.canonicalUrl(),
                            r.sourceName(), r.sourceUrl(), row.published(), row.updated(), corrections(h, id));
                });
    }

    private record LiveRow(Section section, String slug, Revision revision, Instant published, Instant updated) {
    }

    private static List<Correction> corrections(Handle h, long articleId) {
        return h.createQuery("select id, body, created_at from corrections where article_id = :a order by created_at, id")
                .bind("a", articleId)
                .map((rs, c) -> new Correction(rs.getLong("id"), rs.getString("body"), RevisionRows.instant(rs, "created_at"))).list();
    }

    /** Newest first; {@code where} is one of the fixed filters below. */
    List<ArticleSummary> latest(Filter filter, int offset, int limit) {
        return db.jdbi().withHandle(h -> {
            var query = h.createQuery(SUMMARY_SELECT + " where a.status = 'published' " + filter.sql
                    + " order by a.first_published_at desc, a.id desc limit :limit offset :offset")
                    .bind("limit", limit).bind("offset", offset);
            if (filter.id != null) {
                query.bind("ref", filter.id);
            }
            if (filter.since != null) {
                query.bind("since", filter.since);
            }
            return withAuthors(h, query.map((rs, c) -> new SummaryRow(rs.getLong("id"),
                    "/" + rs.getString("s_slug") + "/" + rs.getString("slug"), rs.getString("headline"),
                    rs.getString("standfirst"), RevisionRows.nullableLong(rs, "lead_photo_id"), section(rs),
                    RevisionRows.longs(rs.getArray("author_ids")), RevisionRows.instant(rs, "first_published_at"),
                    RevisionRows.instant(rs, "updated_visible_at"))).list());
        });
    }

    int count(Filter filter) {
        return db.jdbi().withHandle(h -> {
            var query = h.createQuery("select count(*) from articles a where a.status = 'published' " + filter.sql);
            if (filter.id != null) {
                query.bind("ref", filter.id);
            }
            if (filter.since != null) {
                query.bind("since", filter.since);
            }
            return query.mapTo(Integer.class).one();
        });
    }

    /** Other published articles sharing tags, else the section; newest first. */
    List<ArticleSummary> related(LiveArticle article, int limit) {
        List<Long> tagIds = article.tags().stream().map(Tag::id).toList();
        return db.jdbi().withHandle(h -> withAuthors(h, h.createQuery(SUMMARY_SELECT + """
                 where a.status = 'published' and a.id <> :id
                   and (a.id in (select article_id from article_tags where tag_id = any(:tags)) or a.section_id = :section)
                 order by (a.id in (select article_id from article_tags where tag_id = any(:tags))) desc,
                          a.first_published_at desc, a.id desc limit :limit""")
                .bind("id", article.id()).bindArray("tags", Long.class, tagIds).bind("section", article.section().id())
                .bind("limit", limit)
                .map((rs, c) -> new SummaryRow(rs.getLong("id"), "/" + rs.getString("s_slug") + "/" + rs.getString("slug"),
                        rs.getString("headline"), rs.getString("standfirst"), RevisionRows.nullableLong(rs, "lead_photo_id"),
                        section(rs), RevisionRows.longs(rs.getArray("author_ids")), RevisionRows.instant(rs, "first_published_at"),
                        RevisionRows.instant(rs, "updated_visible_at"))).list()));
    }

    private static List<ArticleSummary> withAuthors(Handle h, List<SummaryRow> rows) {
        Set<Long> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.addAll(r.authorIds()));
        Map<Long, Author> authors = new HashMap<>();
        Taxonomy.authorsByIds(h, List.copyOf(ids)).forEach(a -> authors.put(a.id(), a));
        return rows.stream().map(r -> new ArticleSummary(r.id(), r.path(), r.headline(), r.standfirst(), r.leadPhotoId(),
                r.section(), r.authorIds().stream().map(authors::get).filter(java.util.Objects::nonNull).toList(),
                r.published(), r.updated())).toList();
    }

    private static Section section(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Section(rs.getLong("s_id"), rs.getString("s_slug"), rs.getString("s_name"), rs.getString("s_description"),
                rs.getInt("s_position"));
    }

    private record SummaryRow(long id, String path, String headline, String standfirst, Long leadPhotoId, Section section,
                              List<Long> authorIds, Instant published, Instant updated) {
    }

    /** Which published articles a list shows. */
    record Filter(String sql, Long id, Instant since) {
        static final Filter ALL = new Filter("", null, null);

        static Filter section(long id) {
            return new Filter("and a.section_id = :ref", id, null);
        }

        static Filter author(long id) {
            return new Filter("and a.id in (select article_id from article_authors where author_id = :ref)", id, null);
        }

        static Filter tag(long id) {
            return new Filter("and a.id in (select article_id from article_tags where tag_id = :ref)", id, null);
        }

        static Filter since(Instant since) {
            return new Filter("and a.first_published_at >= :since", null, since);
        }
    }
}
