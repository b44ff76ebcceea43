package news.masthead.newsroom;

import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.platform.web.WebError;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewsroomTest {
    static final Database db = TestDatabases.fresh();
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-11-20T09:00:00Z"));
    static final Newsroom newsroom = new Newsroom(db, clock);
    static final List<ArticleChange> changes = new ArrayList<>();
    static final Section world;
    static final Section business;
    static final long editor;

    static {
        newsroom.onChange(changes::add);
        world = newsroom.saveSection(null, "world", "World", "", 1);
        business = newsroom.saveSection(null, "business", "Business", "", 2);
        editor = db.jdbi().withHandle(h -> h.createQuery("insert into staff (email, name, role) values ('ed@example.org', 'Eda Editor', 'editor') returning id")
                .mapTo(Long.class).one());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aPublishedArticleIsLiveWithSanitizedBody() {
        long id = newsroom.create(ArticleDraft.of("Río floods: what we know", "The standfirst", "Hello <script>alert(1)</script> **world**", "world"), editor);
        newsroom.publish(id, editor);
        LiveArticle live = newsroom.live(id).orElseThrow();
        assertThat(live.path()).isEqualTo("/world/rio-floods-what-we-know");
        assertThat(live.bodyHtml()).contains("<strong>world</strong>").doesNotContain("<script");
        assertThat(newsroom.lookup("world", "rio-floods-what-we-know")).isInstanceOf(ArticleLookup.Live.class);
        assertThat(changes).anySatisfy(c -> assertThat(c.articleId()).isEqualTo(id));
    }

    @Test
    void savingOverSomeoneElsesNewerRevisionIsRefused() {
        long id = newsroom.create(ArticleDraft.of("Concurrency", "", "one", "world"), editor);
        int second = newsroom.save(id, 1, ArticleDraft.of("Concurrency", "", "two", "world"), editor);
        assertThat(second).isEqualTo(2);
        assertThatThrownBy(() -> newsroom.save(id, 1, ArticleDraft.of("Concurrency", "", "stale", "world"), editor))
                .isInstanceOf(WebError.class).hasMessageContaining("revision 2");
        assertThat(newsroom.article(id).current().bodyMarkdown()).isEqualTo("two");
    }

    @Test
    void aSlugChangeOnAPublishedArticleKeepsARedirect() {
        long id = newsroom.create(ArticleDraft.of("Old title", "", "text", "world"), editor);
        newsroom.publish(id, editor);
        ArticleDraft moved = new ArticleDraft("New title", "", "", "text", null, "business", List.of(), List.of("Markets"), "new-title", "", "", "");
        newsroom.save(id, 1, moved, editor);
        assertThat(newsroom.lookup("world", "old-title")).isEqualTo(new ArticleLookup.Moved("/business/new-title"));
        assertThat(newsroom.live(id).orElseThrow().updated()).isNotNull();
        assertThat(newsroom.live(id).orElseThrow().tags()).extracting(Tag::slug).containsExactly("markets");
    }

    @Test
    void anUnpublishedArticleIsGone() {
        long id = newsroom.create(ArticleDraft.of("Short lived", "", "text", "world"), editor);
        newsroom.publish(id, editor);
        newsroom.unpublish(id);
        assertThat(newsroom.lookup("world", "short-lived")).isInstanceOf(ArticleLookup.Gone.class);
        assertThat(newsroom.live(id)).isEmpty();
    }

    @Test
    void aScheduledArticleGoesLiveWhenItsTimeComes() {
        long id = newsroom.create(ArticleDraft.of("Embargoed report", "", "text", "business"), editor);
        newsroom.schedule(id, clock.instant().plus(Duration.ofHours(1)));
        assertThat(newsroom.publishDue()).isZero();
        clock.advance(Duration.ofMinutes(61));
        assertThat(newsroom.publishDue()).isEqualTo(1);
        assertThat(newsroom.live(id)).isPresent();
    }

    @Test
    void restoringMakesANewRevisionFromAnOldOne() {
        long id = newsroom.create(ArticleDraft.of("Restore me", "", "first text", "world"), editor);
        newsroom.save(id, 1, ArticleDraft.of("Restore me", "", "second text", "world"), editor);
        int restored = newsroom.restore(id, 1, 2, editor);
        assertThat(restored).isEqualTo(3);
        assertThat(newsroom.article(id).current().bodyMarkdown()).isEqualTo("first text");
        assertThat(newsroom.revisions(id)).hasSize(3);
    }

    @Test
    void correctionsAreAppendedToTheLiveArticle() {
        long id = newsroom.create(ArticleDraft.of("Needs a fix", "", "text", "world"), editor);
        newsroom.publish(id, editor);
        newsroom.addCorrection(id, "An earlier version misspelt the minister's name.", editor);
        assertThat(newsroom.live(id).orElseThrow().corrections()).extracting(Correction::text)
                .containsExactly("An earlier version misspelt the minister's name.");
    }

    @Test
    void anUnknownSectionOrMissingHeadlineNamesTheField() {
        assertThatThrownBy(() -> newsroom.create(ArticleDraft.of("x", "", "", "nowhere"), editor))
                .isInstanceOf(WebError.class).extracting("field").isEqualTo("section");
        assertThatThrownBy(() -> newsroom.create(ArticleDraft.of("  ", "", "", "world"), editor))
                .isInstanceOf(WebError.class).extracting("field").isEqualTo("headline");
    }

    @Test
    void aSectionCannotTakeAnAddressTheSiteUses() {
        assertThatThrownBy(() -> newsroom.saveSection(null, "search", "Search", "", 9))
                .isInstanceOf(WebError.class).extracting("field").isEqualTo("slug");
        assertThatThrownBy(() -> newsroom.saveSection(null, "", "Admin", "", 9))
                .isInstanceOf(WebError.class).hasMessageContaining("/admin is used by the site");
    }

    @Test
    void theEditLockShowsWhoIsEditingAndCanBeTakenOver() {
        long other = db.jdbi().withHandle(h -> h.createQuery("insert into staff (email, name, role) values ('o@example.org', 'Otto Other', 'editor') returning id")
                .mapTo(Long.class).one());
        long id = newsroom.create(ArticleDraft.of("Locked story", "", "text", "world"), editor);
        assertThat(newsroom.lock(id, editor, false).staffName()).isEqualTo("Eda Editor");
        assertThat(newsroom.lock(id, other, false).staffName()).isEqualTo("Eda Editor");
        assertThatThrownBy(() -> newsroom.save(id, 1, ArticleDraft.of("Locked story", "", "mine", "world"), other))
                .isInstanceOf(WebError.class).hasMessageContaining("Eda Editor is editing");
        assertThat(newsroom.lock(id, other, true).staffName()).isEqualTo("Otto Other");
    }
}
