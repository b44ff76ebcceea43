package news.masthead.migration;

import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * The import benchmark ({@code bench/import/run}): writes a WordPress export of POSTS synthetic
 * posts (news-length HTML bodies, captions, categories, tags, authors, comments), imports it into a
 * fresh embedded database through the production code, then imports it again (everything skipped).
 *
 * <p>Usage: {@code ImportBench POSTS WORK_DIR}
 */
public final class ImportBench {
    private static final DateTimeFormatter WP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String[] WORDS = ("the council said on monday that the new flood barrier would open next week after "
            + "years of delay residents welcomed the news but warned that costs had risen sharply and questions remain about "
            + "who will pay for repairs when the river rises again this winter officials promised a full report").split(" ");

    private ImportBench() {
    }

    public static void main(String[] args) throws IOException {
        int posts = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        Path wxr = work.resolve("export.xml");
        long t0 = System.nanoTime();
        write(wxr, posts);
        System.out.printf("wrote %d posts (%.1f MB) in %.1f s%n", posts, Files.size(wxr) / 1e6, (System.nanoTime() - t0) / 1e9);
        try (Database db = Database.open(null, work.resolve("data"), Database.Role.SERVER, 4)) {
            db.migrate();
            Clock clock = Clock.systemUTC();
            Newsroom newsroom = new Newsroom(db, clock);
            // comments are imported (the server's wiring); images are not fetched (the bench is offline)
            Migration migration = new Migration(db, newsroom, new PhotoLibrary(db, clock), benchFeatures(db, newsroom, clock), clock);
            for (String round : new String[] {"first import", "second import (all unchanged)"}) {
                long start = System.nanoTime();
                ImportReport report = migration.importWordPress(new Migration.WordPress(wxr, null, null), Migration.Progress.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                ImportReport.Counts c = report.kinds().get("posts");
                System.out.printf("%s: %d posts in %.1f s = %.0f posts/s (created %d, updated %d, skipped %d, failed %d)%n",
                        round, c.total(), seconds, c.total() / seconds, c.created(), c.updated(), c.skipped(), c.failed());
                ImportReport.Counts comments = report.kinds().get(WordPressComments.KIND);
                if (comments != null) {
                    System.out.printf("  comments: created %d, skipped %d, failed %d%n", comments.created(), comments.skipped(), comments.failed());
                }
            }
        }
    }

    private static Migration.Features benchFeatures(Database db, Newsroom newsroom, Clock clock) {
        news.masthead.platform.web.Templates templates = new news.masthead.platform.web.Templates();
        var json = news.masthead.platform.web.Json.mapper();
        news.masthead.platform.web.Web web = new news.masthead.platform.web.Web(templates, new news.masthead.platform.web.Csrf(false), json,
                new news.masthead.platform.web.ErrorPages(templates, json), new news.masthead.platform.web.Assets());
        news.masthead.platform.mail.Mailer mailer = new news.masthead.platform.mail.Mailer(db, news.masthead.platform.mail.MailSettings.none(), clock);
        news.masthead.comments.Comments comments = new news.masthead.comments.Comments(db, newsroom, mailer, web, clock,
                reader -> false, email -> false, () -> "http://localhost", ctx -> java.util.Optional.empty(),
                ctx -> { throw new IllegalStateException("no HTTP in the bench"); }, ctx -> "bench", () -> null);
        return new Migration.Features(comments, null, null, null);
    }

    static void write(Path file, int posts) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                      xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                      xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel><title>Bench</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>
                    """);
            for (int a = 0; a < 20; a++) {
                out.write("<wp:author><wp:author_login>writer" + a + "</wp:author_login><wp:author_display_name>Writer "
                        + a + "</wp:author_display_name></wp:author>\n");
            }
            for (int s = 0; s < 12; s++) {
                out.write("<wp:category><wp:term_id>" + s + "</wp:term_id><wp:category_nicename>desk-" + s
                        + "</wp:category_nicename><wp:cat_name>Desk " + s + "</wp:cat_name></wp:category>\n");
            }
            Instant start = Instant.parse("2015-01-01T00:00:00Z");
            for (int i = 1; i <= posts; i++) {
                String title = sentence(random, 6 + random.nextInt(6)) + " " + i;
                String date = WP.format(start.plusSeconds(i * 3600L));
                out.write("<item><title><![CDATA[" + title + "]]></title><link>https://bench.example/2015/01/post-" + i + "/</link>"
                        + "<dc:creator>writer" + random.nextInt(20) + "</dc:creator><content:encoded><![CDATA[" + body(random)
                        + "]]></content:encoded><excerpt:encoded><![CDATA[" + sentence(random, 20) + "]]></excerpt:encoded>"
                        + "<wp:post_id>" + i + "</wp:post_id><wp:post_date>" + date + "</wp:post_date><wp:post_date_gmt>" + date
                        + "</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>post-" + i
                        + "</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                        + "<category domain=\"category\" nicename=\"desk-" + random.nextInt(12) + "\"><![CDATA[Desk]]></category>"
                        + "<category domain=\"post_tag\" nicename=\"t\"><![CDATA[Topic " + random.nextInt(200) + "]]></category>"
                        + "<wp:comment><wp:comment_id>" + i + "</wp:comment_id><wp:comment_author>Reader</wp:comment_author>"
                        + "<wp:comment_date_gmt>" + date + "</wp:comment_date_gmt><wp:comment_parent>0</wp:comment_parent>"
                        + "<wp:comment_approved>1</wp:comment_approved><wp:comment_content>Nice</wp:comment_content></wp:comment>"
                        + "</item>\n");
            }
            out.write("</channel></rss>\n");
        }
    }

    private static String body(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < 8; p++) {
            b.append(sentence(random, 25)).append(". <strong>").append(sentence(random, 3)).append("</strong> ")
                    .append(sentence(random, 30)).append(".\n\n");
            if (p == 3) {
                b.append("[caption id=\"a\" width=\"600\"]<img src=\"https://bench.example/wp-content/uploads/x.jpg\" alt=\"x\"> A caption[/caption]\n\n");
            }
        }
        return b.toString();
    }

    private static String sentence(SplittableRandom random, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
