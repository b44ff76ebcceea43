package news.masthead.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import news.masthead.comments.Comment;
import news.masthead.comments.Comments;
import news.masthead.comments.SignedInReader;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader comments under an article in Chromium, and hostile comments stay inert there. */
@Tag("browser")
class CommentingOnAnArticleTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();
    static final Comments comments = app.masthead.comments();

    static {
        app.masthead.newsroom().saveSection(null, "town", "Town", "", 1);
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    static long article(String headline) {
        long id = app.masthead.newsroom().create(ArticleDraft.of(headline, "", "Text.", "town"), null);
        app.masthead.newsroom().publish(id, null);
        return id;
    }

    static Page pageAs(SignedInReader reader) {
        BrowserContext context = browser.context();
        // a returning visitor: the CSRF cookie is already there (a first visit, where both scripts start
        // without one, is FirstVisitTest's)
        context.addCookies(List.of(new Cookie("mh_reader", reader.session()).setDomain("localhost").setPath("/"),
                new Cookie("mh_csrf", "returning-visitor-token-0123456789abcdefghi").setDomain("localhost").setPath("/")));
        context.addInitScript("window.__xss = 0; window.alert = function () { window.__xss++; };"
                + "window.confirm = window.alert; window.prompt = window.alert;");
        return context.newPage();
    }

    @Test
    void aSignedInReaderPostsACommentFromTheArticlePage() {
        long id = article("Bridge reopens");
        SignedInReader ana = SignedInReader.signIn(app, "ana@example.org", "Ana");
        Page page = pageAs(ana);
        List<String> problems = new ArrayList<>();
        page.onResponse(r -> { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.add(r.status() + " " + r.url()); });
        page.onConsoleMessage(m -> { if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) problems.add(m.text()); });
        page.navigate(app.url(app.masthead.newsroom().live(id).orElseThrow().path()));
        // the cookie notice sits over the page's foot until the reader answers it, as a reader would
        page.locator("#consent-banner").getByText("Reject all").click();
        page.locator("#consent-banner").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        page.navigate(app.url(app.masthead.newsroom().live(id).orElseThrow().path()));
        page.getByLabel("Your comment").fill("Finally! *Well done* to the crews.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
        page.locator("[role=status]").waitFor();
        assertThat(page.locator("[role=status]").textContent()).contains("waits for a moderator");
        assertThat(page.locator(".comment-body em").textContent()).isEqualTo("Well done");
        assertThat(page.url()).endsWith(app.masthead.newsroom().live(id).orElseThrow().path());
        assertThat(problems).isEmpty();
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.getByLabel("Your comment").fill("x".repeat(10));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
        page.locator(".comment-error:not([hidden])").waitFor();
        assertThat(page.locator(".comment-error").textContent()).contains("wait 20 seconds");
    }

    static final List<String> CORPUS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)><script>alert(2)</script></svg>",
            "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
            "[click](javascript:alert(1))",
            "[click](https://ok.example\" onmouseover=\"alert(1))",
            "[x](https://example.org/\"><script>alert(1)</script>)",
            "<a href=\"javascript:alert(1)\">link</a>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">css</div>",
            "<style>*{background:url('javascript:alert(1)')}</style>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "**<b onmouseover=alert(1)>bold</b>**",
            "*<img src=x onerror=alert(1)>*",
            "> <script>alert(1)</script>",
            "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
            "<form action=javascript:alert(1)><button>go</button></form>",
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "`<script>`alert(1)`</script>`",
            "<<script>script>alert(1)<</script>/script>",
            "Invoice \u202Etxt.exe\u202C and gn\u2066ip\u2069.js",
            "pay\u200Bpal\u200C.com\uFEFF \u2067evil\u2069");

    @Test
    void aCorpusOfHostileCommentsNeitherRunsNorRendersDeceptively() {
        long id = article("Hostile input");
        SignedInReader mallory = SignedInReader.signIn(app, "mallory@example.org", "Mallory");
        for (String payload : CORPUS) {
            app.clock.advance(Duration.ofMinutes(4));
            Comment c = comments.post(mallory.reader(), id, null, payload, false, "");
            comments.approve(c.id());
        }
        Page page = pageAs(SignedInReader.signIn(app, "victim@example.org", "Victim"));
        page.navigate(app.url(app.masthead.newsroom().live(id).orElseThrow().path()));
        page.locator("#comments .comment").first().waitFor();
        assertThat(page.locator("#comments article.comment").count()).isEqualTo(CORPUS.size());
        page.locator("#comments .comment-body a").all().forEach(a -> a.hover());
        page.waitForTimeout(300);
        assertThat(page.evaluate("window.__xss")).isEqualTo(0);
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate("""
                () => {
                  const bad = [];
                  for (const el of document.querySelectorAll('#comments *')) {
                    if (['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'IMG', 'DETAILS', 'svg', 'math'].includes(el.tagName)
                        && !el.closest('.comment-reply') ) bad.push(el.tagName);
                    for (const attr of el.attributes) {
                      if (attr.name.startsWith('on') || attr.name === 'style') bad.push(el.tagName + '@' + attr.name);
                    }
                    if (el.tagName === 'A' && !/^(https?:|\\/)/.test(el.getAttribute('href') || '/')) bad.push('href ' + el.getAttribute('href'));
                    if (el.closest('.comment-body') && el.tagName === 'FORM') bad.push('form in body');
                  }
                  const text = document.querySelector('#comments').textContent;
                  if (/[\\u202A-\\u202E\\u2066-\\u2069\\u200B\\u200C\\uFEFF]/.test(text)) bad.push('bidi or zero-width character');
                  return bad;
                }""");
        assertThat(found).isEmpty();
        assertThat(page.locator("#comments").textContent()).contains("Invoice txt.exe and gnip.js").contains("paypal.com evil");
    }
}
