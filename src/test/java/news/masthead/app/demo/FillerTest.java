package news.masthead.app.demo;

import news.masthead.platform.html.Markdown;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FillerTest {
    @Test
    void theHtmlWrittenAlongsideIsWhatTheNewsroomRendersFromTheMarkdown() {
        Markdown markdown = new Markdown();
        for (int n = 1; n <= 400; n++) {
            Filler.Article a = Filler.article(n);
            assertThat(a.html()).as("article %d", n).isEqualTo(markdown.toHtml(a.markdown()));
        }
    }

    @Test
    void theSameNumberGivesTheSameArticleAndSlugsAreUniqueAndValid() {
        assertThat(Filler.article(42)).isEqualTo(Filler.article(42));
        Set<String> slugs = new HashSet<>();
        for (int n = 1; n <= 5000; n++) {
            String slug = Filler.article(n).slug();
            assertThat(slug).matches("^[a-z0-9]+(-[a-z0-9]+)*$").hasSizeLessThanOrEqualTo(120);
            assertThat(slugs.add(slug)).isTrue();
        }
    }

    @Test
    void fillerBodiesAreNewsLength() {
        for (int n = 1; n <= 200; n++) {
            int words = Filler.article(n).markdown().split("\\s+").length;
            assertThat(words).as("article %d", n).isBetween(200, 900);
        }
    }
}
