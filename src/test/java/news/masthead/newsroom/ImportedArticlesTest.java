package news.masthead.newsroom;

import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.platform.web.WebError;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What imports need from the newsroom: publishing with the original date, and old addresses kept. */
class ImportedArticlesTest {
    static final Database db = TestDatabases.fresh();
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-11-20T09:00:00Z"));
    static final Newsroom newsroom = new Newsroom(db, clock);
    static final List<ArticleChange> changes = new ArrayList<>();

    static {
        newsroom.onChange(changes::add);
        newsroom.saveSection(null, "world", "World", "", 1);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anImportedArticleIsPublishedWithItsOriginalDateAndNoUpdatedTime() {
        long id = newsroom.create(ArticleDraft.of("From the archive", "", "Old news.", "world"), null);
        newsroom.publishAt(id, Instant.parse("2011-04-05T06:07:08Z"));
        LiveArticle live = newsroom.live(id).orElseThrow();
        assertThat(live.published()).isEqualTo(Instant.parse("2011-04-05T06:07:08Z"));
        assertThat(live.updated()).isNull();
        assertThat(changes).anySatisfy(c -> assertThat(c.articleId()).isEqualTo(id));
    }

    @Test
    void publishingAtAgainLeavesALiveArticleAsItWas() {
        long id = newsroom.create(ArticleDraft.of("Twice", "", "x", "world"), null);
        newsroom.publishAt(id, Instant.parse("2012-01-01T00:00:00Z"));
        newsroom.publishAt(id, Instant.parse("2015-01-01T00:00:00Z"));
        assertThat(newsroom.live(id).orElseThrow().published()).isEqualTo(Instant.parse("2012-01-01T00:00:00Z"));
    }

    @Test
    void aFirstPublishedTimeInTheFutureIsRefused() {
        long id = newsroom.create(ArticleDraft.of("Tomorrow", "", "x", "world"), null);
        assertThatThrownBy(() -> newsroom.publishAt(id, clock.instant().plusSeconds(60)))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.field()).isEqualTo("publishAt"));
    }

    @Test
    void anOldAddressLeadsToTheArticle() {
        long id = newsroom.create(ArticleDraft.of("Moved house", "", "x", "world"), null);
        newsroom.publish(id, null);
        assertThat(newsroom.addRedirect("/2019/03/moved-house", "/world/moved-house")).isTrue();
        assertThat(newsroom.redirect("/2019/03/moved-house")).contains("/world/moved-house");
        assertThat(newsroom.addRedirect("/2019/03/moved-house", "/world/moved-house")).as("again: still leads there").isTrue();
        assertThat(newsroom.addRedirect("/old/moved-house", "/world/moved-house")).isTrue();
        assertThat(newsroom.lookup("old", "moved-house")).isEqualTo(new ArticleLookup.Moved("/world/moved-house"));
    }

    @Test
    void aRedirectNeverTakesAPathThatLeadsElsewhereOrALiveArticle() {
        long id = newsroom.create(ArticleDraft.of("Resident", "", "x", "world"), null);
        newsroom.publish(id, null);
        assertThat(newsroom.addRedirect("/world/resident", "/world/other")).isFalse();
        assertThat(newsroom.lookup("world", "resident")).isInstanceOf(ArticleLookup.Live.class);
        assertThat(newsroom.addRedirect("/a/b", "/world/resident")).isTrue();
        assertThat(newsroom.addRedirect("/a/b", "/world/other")).isFalse();
        assertThat(newsroom.redirect("/a/b")).contains("/world/resident");
        assertThat(newsroom.addRedirect("/same", "/same")).isFalse();
    }

    @Test
    void aRedirectPathMustBeAPathOnThisSite() {
        for (String bad : new String[] {"https://evil.example/x", "//evil.example/x", "/with space", "", "/x\n"}) {
            assertThatThrownBy(() -> newsroom.addRedirect(bad, "/world/x")).isInstanceOf(WebError.class);
        }
    }

    @Test
    void slugsForImportsAreTheNewsroomsOwn() {
        assertThat(Newsroom.slugFor("Zoë's Café & Bar")).isEqualTo("zoe-s-cafe-bar");
        assertThat(Newsroom.slugFor("日本")).isEqualTo("untitled");
    }
}
