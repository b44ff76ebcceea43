package news.masthead.admin;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("browser")
class EditorInBrowserTest {
    static final AdminServer server = AdminServer.start();
    static final Browser browser = new Browser();
    static final long editor = server.staff("ed@example.org", "Eda Editor", "editor");

    static {
        server.newsroom.saveSection(null, "world", "World", "", 1);
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @Test
    void anEditorSeesTheirMarkdownPreviewedAsTheyTypeAndSavesIt() {
        long id = server.newsroom.create(ArticleDraft.of("Live preview", "", "start", "world"), editor);
        BrowserContext context = browser.context();
        context.setExtraHTTPHeaders(Map.of("X-Test-Staff", Long.toString(editor)));
        Page page = context.newPage();
        page.navigate(server.url("/admin/articles/" + id));
        page.locator("#body").fill("Hello **bold** <script>window.bad=1</script>");
        page.locator("#preview strong").waitFor();
        assertThat(page.locator("#preview").innerHTML()).contains("<strong>bold</strong>").doesNotContain("<script");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/admin-editor.png")).setFullPage(true));
        page.locator("button[value=save]").click();
        page.waitForURL("**done=saved");
        assertThat(server.newsroom.article(id).current().bodyMarkdown()).startsWith("Hello **bold**");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
    }
}
