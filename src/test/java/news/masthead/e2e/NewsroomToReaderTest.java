package news.masthead.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import news.masthead.accounts.Role;
import news.masthead.testing.Browser;
import news.masthead.testing.Eventually;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom's day in one story: an editor signs in, uploads a photo with its credit, writes and
 * publishes an article, and readers find it on the front page, its section, the RSS feed and search;
 * an edit shows up in the revision diff. Home, article and search pages pass axe.
 */
@Tag("browser")
class NewsroomToReaderTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();

    static {
        app.masthead.newsroom().saveSection(null, "science", "Science", "Discoveries", 1);
        app.masthead.accounts().addStaff("eda@example.org", "Eda Editor", Role.EDITOR, "a long editor passphrase");
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void anEditorPublishesAStoryWithAPhotoAndReadersFindItEverywhere() {
        Page page = browser.page();
        page.navigate(app.url("/admin"));
        assertThat(page.url()).contains("/admin/login");
        page.getByLabel("Email").fill("eda@example.org");
        page.getByLabel("Password").fill("a long editor passphrase");
        page.locator("button[type=submit]:has-text(\"Sign in\")").click();

        page.navigate(app.url("/admin/photos/new"));
        page.locator("#file").setInputFiles(new FilePayload("reef.jpg", "image/jpeg", photo()));
        page.locator("#caption").fill("Divers count corals off the northern reef");
        page.locator("#credit").fill("Mara Lind");
        page.locator("#altText").fill("Two divers above a coral reef");
        page.locator("form[action='/admin/photos'] button[type=submit]").click();
        String photoId = page.url().replaceAll(".*/admin/photos/(\\d+).*", "$1");
        assertThat(photoId).matches("\\d+");

        page.navigate(app.url("/admin/articles/new"));
        page.locator("#headline").fill("Corals recover on the northern reef");
        page.locator("#standfirst").fill("A survey finds new growth after two warm summers");
        page.locator("#body").fill("Divers counted **twice as many** young corals as last year.\n\nThe survey team will return in spring.");
        page.locator("#section").selectOption("science");
        page.locator("#leadPhotoId").fill(photoId);
        page.locator("button[name=action][value=publish]").click();
        assertThat(page.locator("body").textContent()).doesNotContain("error");

        String path = "/science/corals-recover-on-the-northern-reef";
        Eventually.awaitTrue("front page", () -> app.get("/").body().contains(path));
        Eventually.awaitTrue("section front", () -> app.get("/science").body().contains(path));
        Eventually.awaitTrue("RSS", () -> app.get("/rss.xml").body().contains("Corals recover on the northern reef"));
        Eventually.awaitTrue("search", () -> app.get("/search?q=corals+reef").body().contains(path));

        page.navigate(app.url("/"));
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.navigate(app.url(path));
        assertThat(page.locator("h1").textContent()).isEqualTo("Corals recover on the northern reef");
        assertThat(page.locator("figure figcaption").textContent()).contains("Divers count corals").contains("photo credit: Mara Lind");
        assertThat(page.locator("figure img").getAttribute("srcset")).contains("w,");
        assertThat(page.locator("figure img").getAttribute("alt")).isEqualTo("Two divers above a coral reef");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.navigate(app.url("/search?q=corals"));
        assertThat(page.locator("main").textContent()).contains("Corals recover");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.navigate(app.url("/admin/articles"));
        page.getByText("Corals recover on the northern reef").first().click();
        page.locator("#body").fill("Divers counted **three times as many** young corals as last year.\n\nThe survey team will return in spring.");
        page.locator("button[name=action][value=publish]").click();
        page.getByText("History").click();
        page.getByText("Changes").first().click();
        assertThat(String.join(" ", page.locator(".diff del").allTextContents())).contains("twice");
        assertThat(String.join(" ", page.locator(".diff ins").allTextContents())).contains("three").contains("times");
        Eventually.awaitTrue("the live article after the edit", () -> app.get(path).body().contains("three times as many"));
    }

    private static byte[] photo() {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(10, 70, 120), 1200, 800, new Color(40, 170, 160)));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color(240, 120, 90));
        g.fillOval(400, 300, 400, 250);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
