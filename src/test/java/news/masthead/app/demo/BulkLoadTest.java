package news.masthead.app.demo;

import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.html.Markdown;
import news.masthead.platform.time.Clocks;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BulkLoadTest {
    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    static final RunningMasthead app = RunningMasthead.start();
    static final Database db = app.database;
    static final DemoContent.Report first = demo().load(2000, line -> { });

    @AfterAll
    static void close() {
        app.close();
    }

    static DemoContent demo() {
        return new DemoContent(db, app.masthead.accounts(), new Clocks.Settable(NOW), 2);
    }

    @Test
    void twoThousandArticlesAreLive() {
        assertThat(first.added()).isEqualTo(2000);
        assertThat(new Newsroom(db, new Clocks.Settable(NOW)).countPublished()).isEqualTo(2000);
    }

    @Test
    void fillerKeepsTheNewsroomsInvariants() {
        long broken = db.jdbi().withHandle(h -> h.createQuery("""
                select count(*) from articles a left join article_revisions r on r.id = a.current_revision_id
                where a.slug ~ '-[0-9]+$' and (a.status <> 'published' or a.published_revision_id is distinct from a.current_revision_id
                   or r.number <> 1 or r.article_id <> a.id or r.slug <> a.slug or r.section_id <> a.section_id
                   or a.first_published_at is null
                   or (select count(*) from outbox o where o.ref_id = a.id) = 0
                   or array(select author_id from article_authors x where x.article_id = a.id order by position) <> r.author_ids
                   or (select count(*) from article_tags t where t.article_id = a.id) <> cardinality(r.tag_ids))""")
                .mapTo(Long.class).one());
        assertThat(broken).isZero();
    }

    @Test
    void storedHtmlIsTheRenderOfTheStoredMarkdown() {
        Markdown markdown = new Markdown();
        List<Map<String, Object>> sample = db.jdbi().withHandle(h -> h.createQuery(
                "select body_markdown, body_html from article_revisions order by id desc limit 50").mapToMap().list());
        assertThat(sample).hasSize(50).allSatisfy(r ->
                assertThat(r.get("body_html")).isEqualTo(markdown.toHtml((String) r.get("body_markdown"))));
    }

    @Test
    void askingForMoreAddsOnlyTheDifferenceAndOnlyOnce() {
        DemoContent demo = demo();
        assertThat(demo.load(2100, line -> { }).added()).isEqualTo(100);
        assertThat(demo.load(2100, line -> { }).alreadyLoaded()).isTrue();
        assertThat(demo.load(1000, line -> { }).alreadyLoaded()).isTrue();
        assertThat(demo.loadedArticles()).isEqualTo(2100);
    }
}
