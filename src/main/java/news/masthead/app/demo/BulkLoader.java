package news.masthead.app.demo;

import news.masthead.platform.db.Database;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Writes filler articles straight into the newsroom's tables with {@code COPY}, a batch per
 * transaction, keeping the newsroom's invariants: one revision (number 1) that is both current and
 * published, status published, the live projection (slug, section, authors, tags) matching it, the
 * HTML the renderer would make, and an outbox row so each node's search index picks it up. An
 * article whose slug exists already is skipped, so a run killed midway resumes cleanly.
 */
final class BulkLoader {
    static final int BATCH = 1000;

    /** Ids of what filler articles point at: sections, authors and tags by slug or name, the photo pool. */
    record Refs(Map<String, Long> sections, Map<String, Long> authors, Map<String, Long> tags, List<Long> photos,
                Long staffId) {
    }

    private final Database db;

    BulkLoader(Database db) {
        this.db = db;
    }

    /**
     * Writes filler numbers {@code first..last} (inclusive); returns how many were new. The next batch
     * is written in memory on a second thread while the database takes the current one.
     */
    int load(int first, int last, Refs refs, IntFunction<Instant> publishedAt, IntProgress progress) {
        int added = 0;
        ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("demo-filler").daemon().factory());
        try {
            Future<List<Filler.Article>> next = writer.submit(() -> batch(first, last));
            for (int from = first; from <= last; from += BATCH) {
                List<Filler.Article> batch = next.get();
                int following = from + BATCH;
                next = following <= last ? writer.submit(() -> batch(following, last)) : null;
                added += db.jdbi().inTransaction(h -> write(h, batch, refs, publishedAt));
                progress.done(Math.min(last, from + BATCH - 1) - first + 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading filler", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Writing filler failed", e.getCause());
        } finally {
            writer.shutdownNow();
        }
        return added;
    }

    private static List<Filler.Article> batch(int from, int last) {
        List<Filler.Article> batch = new ArrayList<>(BATCH);
        for (int n = from; n <= Math.min(last, from + BATCH - 1); n++) {
            batch.add(Filler.article(n));
        }
        return batch;
    }

    /** Told after each batch how many of the filler numbers have been handled. */
    interface IntProgress {
        void done(int handled);
    }

    private static int write(Handle h, List<Filler.Article> batch, Refs refs, IntFunction<Instant> publishedAt) {
        Set<String> existing = new HashSet<>(h.createQuery("select slug from articles where slug = any(:slugs)")
                .bindArray("slugs", String.class, batch.stream().map(Filler.Article::slug).toList())
                .mapTo(String.class).list());
        List<Filler.Article> fresh = batch.stream().filter(a -> !existing.contains(a.slug())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        List<Long> articleIds = nextIds(h, "articles_id_seq", fresh.size());
        List<Long> revisionIds = nextIds(h, "article_revisions_id_seq", fresh.size());
        Copy articles = new Copy();
        Copy revisions = new Copy();
        Copy authors = new Copy();
        Copy tags = new Copy();
        Copy outbox = new Copy();
        for (int i = 0; i < fresh.size(); i++) {
            Filler.Article a = fresh.get(i);
            long id = articleIds.get(i);
            String at = publishedAt.apply(a.number()).toString();
            long section = refs.sections().get(a.section());
            List<Long> authorIds = a.authorSlugs().stream().map(refs.authors()::get).toList();
            List<Long> tagIds = a.tags().stream().map(refs.tags()::get).toList();
            articles.row(id, "published", at, a.slug(), section, at, at);
            revisions.row(revisionIds.get(i), id, 1, a.headline(), a.standfirst(), a.markdown(), a.html(),
                    refs.photos().get(a.photo() % refs.photos().size()), section, a.slug(), array(authorIds), array(tagIds),
                    refs.staffId(), at);
            for (int p = 0; p < authorIds.size(); p++) {
                authors.row(id, authorIds.get(p), p);
            }
            for (long tag : tagIds) {
                tags.row(id, tag);
            }
            outbox.row("article", id);
        }
        copy(h, "articles (id, status, first_published_at, slug, section_id, created_at, updated_at)", articles);
        copy(h, """
                article_revisions (id, article_id, number, headline, standfirst, body_markdown, body_html, lead_photo_id,
                    section_id, slug, author_ids, tag_ids, created_by, created_at)""", revisions);
        h.createUpdate("""
                update articles a set current_revision_id = v.revision, published_revision_id = v.revision
                from unnest(:ids, :revisions) as v(article, revision) where a.id = v.article""")
                .bindArray("ids", Long.class, articleIds).bindArray("revisions", Long.class, revisionIds).execute();
        copy(h, "article_authors (article_id, author_id, position)", authors);
        copy(h, "article_tags (article_id, tag_id)", tags);
        copy(h, "outbox (topic, ref_id)", outbox);
        return fresh.size();
    }

    private static List<Long> nextIds(Handle h, String sequence, int count) {
        return h.createQuery("select nextval(cast(:seq as regclass)) from generate_series(1, :n)")
                .bind("seq", sequence).bind("n", count).mapTo(Long.class).list();
    }

    private static String array(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static void copy(Handle h, String target, Copy rows) {
        try {
            h.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + target + " from stdin", new StringReader(rows.text.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk copy into " + target + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows in PostgreSQL's COPY text format: tab-separated, backslash escapes, {@code \N} for null. */
    private static final class Copy {
        final StringBuilder text = new StringBuilder(1 << 16);

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                if (values[i] == null) {
                    text.append("\\N");
                } else {
                    escape(values[i].toString());
                }
            }
            text.append('\n');
        }

        private void escape(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    default -> text.append(c);
                }
            }
        }
    }
}
