package news.masthead.e2e;

import com.microsoft.playwright.Page;
import news.masthead.magazine.Entry;
import news.masthead.magazine.Issue;
import news.masthead.magazine.IssueDraft;
import news.masthead.magazine.Magazine;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("browser")
class BrowsingTheMagazineTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();

    static {
        Newsroom newsroom = app.masthead.newsroom();
        Magazine magazine = app.masthead.magazine();
        newsroom.saveSection(null, "languages", "Languages", "Learning languages", 1);
        long verbs = publish(newsroom, "Irregular verbs without tears", "Learn the twelve that matter most.");
        long coffee = publish(newsroom, "Ordering coffee in Lisbon", "Bica, galão or meia de leite?");
        Issue issue = magazine.create(new IssueDraft(3, "Spring words", YearMonth.of(2026, 3), "spring-words", null,
                "Dear reader,\n\nthis month we **travel**."));
        magazine.setContents(issue.id(), List.of(new Entry(verbs, "Grammar"), new Entry(coffee, "Travel")));
        magazine.publish(issue.id());
    }

    static long publish(Newsroom newsroom, String headline, String standfirst) {
        long id = newsroom.create(ArticleDraft.of(headline, standfirst, "The whole article about " + headline + ".", "languages"), null);
        newsroom.publish(id, null);
        return id;
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void aReaderGoesFromTheMagazineArchiveToAnIssueAndOneOfItsArticles() {
        Page page = browser.page();
        page.navigate(app.url("/magazine"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Magazine");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.locator(".magazine-issue a").first().click();
        assertThat(page.url()).endsWith("/magazine/spring-words");
        assertThat(page.locator("h1").textContent()).isEqualTo("Issue 3: Spring words");
        assertThat(page.locator(".editors-letter").textContent()).contains("this month we travel");
        assertThat(page.locator(".department").allTextContents()).containsExactly("Grammar", "Travel");
        assertThat(page.locator(".teaser-standfirst").first().textContent()).isEqualTo("Learn the twelve that matter most.");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.locator(".teaser-title a", new Page.LocatorOptions().setHasText("Ordering coffee")).click();
        assertThat(page.url()).endsWith("/languages/ordering-coffee-in-lisbon");
        assertThat(page.locator(".article-head .labels").textContent()).contains("In Issue 3: Spring words");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
    }
}
