package news.masthead.site;

import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Addresses an imported site used to have lead readers to the article's new home. */
class OldAddressesTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Newsroom newsroom = app.masthead.newsroom();

    static {
        newsroom.saveSection(null, "world", "World", "", 1);
        long id = newsroom.create(ArticleDraft.of("Bridge reopens", "", "Traffic flows again.", "world"), null);
        newsroom.publish(id, null);
        newsroom.addRedirect("/2019/03/12/bridge-reopens/", "/world/bridge-reopens");
        newsroom.addRedirect("/bridge-story/", "/world/bridge-reopens");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aWordPressDatePermalinkRedirectsWithOrWithoutItsTrailingSlash() {
        for (String old : new String[] {"/2019/03/12/bridge-reopens/", "/2019/03/12/bridge-reopens"}) {
            var response = app.get(old);
            assertThat(response.statusCode()).as(old).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(old).contains("/world/bridge-reopens");
        }
    }

    @Test
    void aOneSegmentGhostAddressRedirects() {
        var response = app.get("/bridge-story/");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).contains("/world/bridge-reopens");
    }

    @Test
    void unknownDeepPathsAreStillA404Page() {
        var response = app.get("/2020/01/01/never-was/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found");
        assertThat(app.get("/a/b/c/d/e/f").statusCode()).isEqualTo(404);
    }
}
