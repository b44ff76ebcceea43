package news.masthead.migration;

import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files that are not what they claim, damaged or built to hurt: refused with a clear message, nothing stored, nothing harmed. */
class HostileExportTest {
    static Database db;
    static Newsroom newsroom;
    static Migration migration;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        Clocks.Settable clock = new Clocks.Settable(Instant.parse("2024-02-01T12:00:00Z"));
        newsroom = new Newsroom(db, clock);
        migration = new Migration(db, newsroom, null, clock);
        newsroom.saveSection(null, "world", "World", "", 1);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Path file(String text) throws IOException {
        Path f = Files.createTempFile("hostile", ".xml");
        Files.writeString(f, text);
        return f;
    }

    private void refused(String xml, String message) throws IOException {
        Path f = file(xml);
        assertThatThrownBy(() -> migration.importWordPress(new Migration.WordPress(f, null, null), Migration.Progress.NONE))
                .isInstanceOf(UnusableExport.class).hasMessageContaining(message);
        assertThat(newsroom.countArticles(null, "")).isZero();
        assertThat(newsroom.sections()).extracting(s -> s.slug()).containsExactly("world");
    }

    @Test
    void anExternalEntityIsRefusedAndNeverRead() throws IOException {
        refused("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
                <item><title>&xxe;</title><wp:post_type>post</wp:post_type></item></channel></rss>""", "DOCTYPE");
    }

    @Test
    void billionLaughsAreRefusedAtTheDoctype() throws IOException {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]><rss><channel><title>&lol9;</title></channel></rss>");
        refused(lol.toString(), "DOCTYPE");
    }

    @Test
    void aTruncatedFileIsRefusedBeforeAnythingIsWritten() throws IOException {
        String whole = Files.readString(WordPressImportTest.copy("site.wxr.xml"));
        refused(whole.substring(0, whole.length() / 2), "not well-formed XML at line");
    }

    @Test
    void anRssFeedIsNotAWordPressExport() throws IOException {
        refused("""
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>A feed</title><link>https://example.org</link>
                <item><title>Hello</title><link>https://example.org/hello</link></item></channel></rss>""", "RSS feed, not a WordPress export");
    }

    @Test
    void anAtomFeedOrAnyOtherDocumentIsNotAWordPressExport() throws IOException {
        refused("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>", "document is <feed>");
        refused("", "not well-formed XML");
    }

    @Test
    void aFiftyMegabyteExportIsReadAsAStreamInBoundedMemory() throws IOException {
        Path big = Files.createTempFile("big", ".xml");
        String body = "<p>" + "All the news that fits, and then some more words to fill the page. ".repeat(150) + "</p>";
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\"?><rss xmlns:wp=\"http://wordpress.org/export/1.2/\" "
                    + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><wp:wxr_version>1.2</wp:wxr_version>\n");
            for (int i = 0; Files.size(big) < 50L * 1024 * 1024 || i % 1000 != 0; i++) {
                out.write("<item><title>Post " + i + "</title><wp:post_id>" + i + "</wp:post_id><wp:post_type>post</wp:post_type>"
                        + "<content:encoded><![CDATA[" + body + "]]></content:encoded></item>\n");
                if (i % 1000 == 999) {
                    out.flush();
                }
            }
            out.write("</channel></rss>");
        }
        assertThat(Files.size(big)).isGreaterThan(50L * 1024 * 1024);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        AtomicInteger items = new AtomicInteger();
        long[] peak = {0};
        WxrReader.read(big, item -> {
            if (items.incrementAndGet() % 2000 == 0) {
                System.gc();
                peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory() - before);
            }
        });
        assertThat(items.get()).isGreaterThan(4000);
        assertThat(peak[0]).as("heap held while streaming 50 MB").isLessThan(32L * 1024 * 1024);
        Files.delete(big);
    }

    @Test
    void aMissingFileIsUnusable() {
        assertThatThrownBy(() -> migration.importWordPress(new Migration.WordPress(Path.of("/nonexistent.xml"), null, null),
                Migration.Progress.NONE)).isInstanceOf(UnusableExport.class).hasMessageContaining("There is no file");
    }

    @Test
    void aRefusedFileIsListedAsAFailedRun() throws IOException {
        refused("<rss><channel></channel></rss>", "no wp:wxr_version");
        Migration.Run run = migration.runs(1).get(0);
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.message()).contains("no wp:wxr_version");
    }
}
