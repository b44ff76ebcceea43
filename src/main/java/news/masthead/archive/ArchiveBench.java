package news.masthead.archive;

import news.masthead.platform.db.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * The benchmark behind {@code bench/archive/run}: fills an embedded database with synthetic articles
 * (two revisions each) and photos, exports it, imports the archive into a second embedded database,
 * and prints times, sizes and the peak heap (run it with a small {@code -Xmx} to see that both ways stream).
 */
public final class ArchiveBench {
    private ArchiveBench() {
    }

    public static void main(String[] args) {
        int articles = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        try (Database source = Database.open(null, work.resolve("source"), Database.Role.SERVER, 4)) {
            source.migrate();
            long started = System.nanoTime();
            fill(source, articles);
            System.out.printf("filled: %,d articles, %,d revisions, 20 photos in %.1f s%n", articles, 2L * articles, seconds(started));
            Path archive = work.resolve("archive");
            started = System.nanoTime();
            SiteArchive.Summary exported = new SiteArchive(source, Clock.systemUTC()).export(archive, true);
            double exportSeconds = seconds(started);
            System.out.printf("export: %,d rows, %,d media files in %.1f s (%,.0f rows/s); archive %,.0f MB%n", exported.totalRows(),
                    exported.mediaFiles(), exportSeconds, exported.totalRows() / exportSeconds, size(archive) / 1e6);
            try (Database target = Database.open(null, work.resolve("target"), Database.Role.SERVER, 4)) {
                target.migrate();
                started = System.nanoTime();
                SiteArchive.Summary imported = new SiteArchive(target, Clock.systemUTC()).importFrom(archive);
                double importSeconds = seconds(started);
                System.out.printf("import: %,d rows, %,d media files in %.1f s (%,.0f rows/s)%n", imported.totalRows(),
                        imported.mediaFiles(), importSeconds, imported.totalRows() / importSeconds);
            }
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
        System.out.printf("peak heap: %,.0f MB (max %,.0f MB)%n", peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static void fill(Database db, int articles) {
        db.jdbi().useTransaction(h -> {
            h.execute("insert into staff (email, name, role) select 'staff' || i || '@example.org', 'Staff ' || i, 'editor' from generate_series(1, 3) i");
            h.execute("insert into sections (slug, name, position) select 's' || i, 'Section ' || i, i from generate_series(1, 5) i");
            h.execute("""
                    insert into photos (sha256, original_name, mime, width, height, caption, bytes)
                    select md5(i::text), 'p' || i || '.jpg', 'image/jpeg', 1600, 900, 'Caption ' || i,
                           (select string_agg(decode(md5(i::text || j::text), 'hex'), ''::bytea) from generate_series(1, 16384) j)
                    from generate_series(1, 20) i""");
            h.createUpdate("""
                    insert into articles (status, slug, section_id, first_published_at, created_at, updated_at)
                    select 'published', 'article-' || i, 1 + i % 5, now() - i * interval '1 minute', now(), now()
                    from generate_series(1, :n) i""").bind("n", articles).execute();
            h.execute("""
                    insert into article_revisions (article_id, number, headline, standfirst, body_markdown, body_html, section_id, slug,
                                                   author_ids, tag_ids, created_by, created_at)
                    select a.id, r, 'Headline of article ' || a.id, 'A standfirst.', repeat('Words of a news story, ' || a.id || '. ', 60),
                           '<p>' || repeat('Words of a news story, ' || a.id || '. ', 60) || '</p>', a.section_id, a.slug,
                           '{}', '{}', 1 + a.id % 3, now()
                    from articles a, generate_series(1, 2) r""");
            h.execute("""
                    update articles a set current_revision_id = r.id, published_revision_id = r.id
                    from article_revisions r where r.article_id = a.id and r.number = 2""");
        });
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
