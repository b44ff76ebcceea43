package news.masthead.syndication.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleExtractorTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    static String fixture(String name) {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class AScrapedNewsStory {

        private final ExtractedArticle article =
                extractor.extract(fixture("scraped-story.html"), "https://courier.example/news/harbour-ferry-returns");

        @Test
        void keepsOnlyTheStoryParagraphsInOrder() {
            assertThat(article.paragraphs()).containsExactly(
                    "The Saltmarsh ferry carried its first passengers of the year on Friday morning, three weeks later"
                            + " than planned after engineers found corrosion in the old engine mounts.",
                    "Skipper Dora Lindqvist said the crossing, which links the fish quay with the village on the far"
                            + " bank, had never been closed for so long in her twenty years at the wheel.",
                    "The harbour trust spent most of the winter budget on a new diesel-electric engine, which it says"
                            + " will halve fuel use and make the boat quieter for people living along the water.",
                    "Later sailings",
                    "From April the last sailing will leave the fish quay at half past nine in the evening, an hour"
                            + " later than last year, so that restaurant staff can get home across the river.",
                    "“People have waited patiently, and we wanted to give something back,” Ms Lindqvist said, adding"
                            + " that fares would stay the same until the autumn.");
        }

        @Test
        void dropsTheDearReaderAppeal() {
            assertThat(article.text()).doesNotContain("Dear Reader", "Show me later", "Don't show it again",
                    "monthly contribution", "Support our journalism");
        }

        @Test
        void dropsCookieNoticeShareBarNewsletterRelatedListAndComments() {
            assertThat(article.text()).doesNotContain("cookies", "Share on", "Sign up for our newsletter",
                    "Related stories", "Swing bridge", "Comments are closed", "All rights reserved", "Advertisement");
        }

        @Test
        void dropsTheFigureCaptionFromTheBody() {
            assertThat(article.text()).doesNotContain("back at the slipway on Friday", "Maren Holt");
        }

        @Test
        void readsTheMetadataFromStructuredDataAndMetaTags() {
            assertThat(article.headline()).isEqualTo("Harbour ferry returns after winter repairs");
            assertThat(article.standfirst()).startsWith("The Saltmarsh ferry is back on the water");
            assertThat(article.bylines()).containsExactly("Ines Varga", "Tom Adeyemi");
            assertThat(article.published()).isEqualTo("2024-03-02T07:30:00Z");
            assertThat(article.updated()).isEqualTo("2024-03-02T09:10:00Z");
            assertThat(article.imageUrl()).isEqualTo("https://courier.example/images/ferry-lead.jpg");
            assertThat(article.imageCaption()).isEqualTo("The Saltmarsh ferry back at the slipway on Friday.");
            assertThat(article.imageCredit()).isEqualTo("Photo: Maren Holt");
            assertThat(article.canonicalUrl()).isEqualTo("https://courier.example/news/harbour-ferry-returns");
            assertThat(article.language()).isEqualTo("en-GB");
        }

        @Test
        void joinsParagraphsWithNewlinesAsTheArticleBody() {
            assertThat(article.text()).isEqualTo(String.join("\n", article.paragraphs()));
        }
    }

    @Nested
    class APageWithOnlyJsonLd {

        private final ExtractedArticle article = extractor.extract(fixture("jsonld-only.html"), null);

        @Test
        void takesTheBodyFromArticleBodyInTheGraph() {
            assertThat(article.paragraphs()).hasSize(3);
            assertThat(article.paragraphs().getFirst()).startsWith("Sleeper trains will run every night");
            assertThat(article.text()).doesNotContain("enable JavaScript");
        }

        @Test
        void readsHeadlineAuthorsDateImageAndLanguageFromTheArticleNode() {
            assertThat(article.headline()).isEqualTo("Night trains to run again between the two capitals");
            assertThat(article.bylines()).containsExactly("Aino Koskinen", "Pieter de Wolf");
            assertThat(article.published()).isEqualTo("2024-05-14T06:00:00+02:00");
            assertThat(article.imageUrl()).isEqualTo("https://ledger.example/img/sleeper-16x9.jpg");
            assertThat(article.language()).isEqualTo("en");
        }
    }

    @Test
    void dropsADearReaderAppealPastedBetweenTheStoryParagraphs() {
        String story = "<p>" + "The council met on Monday to decide the future of the old library building. ".repeat(2)
                + "</p><p>" + "Members voted to turn it into a community centre with a small reading room. ".repeat(2)
                + "</p>";
        String appeal = "<p><strong>Dear Reader,</strong></p><p>We need your help to keep reporting on local"
                + " decisions like this one, so please consider giving a few pounds every month to the newsroom.</p>"
                + "<p><a href='#'>Show me later</a> | <a href='#'>Don't show it again</a></p>";
        String html = "<html><body><div class='story'>" + story + appeal + story.replace("Monday", "Tuesday")
                + "</div></body></html>";

        ExtractedArticle article = extractor.extract(html, null);

        assertThat(article.paragraphs()).hasSize(4);
        assertThat(article.text()).doesNotContain("Dear Reader", "your help", "Show me later", "show it again");
    }

    @Test
    void keepsAStoryThatMerelyMentionsCookiesAndComments() {
        String html = "<html><body><article><p>The bakery said it would accept all cookies baked by children for"
                + " the charity sale, and comments are closed on the plan only in the sense that the vote is over."
                + "</p><p>Organisers expect more than two hundred visitors on Saturday afternoon at the town hall."
                + "</p></article></body></html>";

        ExtractedArticle article = extractor.extract(html, null);

        assertThat(article.paragraphs()).hasSize(2);
    }

    @Test
    void givesAnEmptyBodyForAPageThatIsNotAnArticle() {
        ExtractedArticle article = extractor.extract(fixture("not-an-article.html"), "https://ledger.example/");

        assertThat(article.text().length()).isLessThan(80);
        assertThat(article.headline()).isEqualTo("Northern Ledger – Home");
    }

    @Test
    void prefersTheDomBodyAndUsesJsonLdOnlyToConfirmIt() {
        String html = """
                <html><head><script type="application/ld+json">
                {"@type":"BlogPosting","headline":"Pickling","articleBody":"Cucumbers need a brine of about five \
                percent salt. Leave them in a cool place for a week and taste them every day after the third day."}
                </script></head><body>
                <div class="post"><p>Cucumbers need a brine of about five percent salt.</p>
                <p>Leave them in a cool place for a week and taste them every day after the third day.</p></div>
                <div class="sidebar"><p>Other posts you might enjoy reading on a long winter evening, with tea.</p></div>
                </body></html>""";

        ExtractedArticle article = extractor.extract(html, null);

        assertThat(article.paragraphs()).containsExactly("Cucumbers need a brine of about five percent salt.",
                "Leave them in a cool place for a week and taste them every day after the third day.");
    }

    @Test
    void survivesMalformedJsonLd() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
                + "</script></head><body><article><p>" + "A sentence of real article text goes here. ".repeat(5)
                + "</p></article></body></html>";

        ExtractedArticle article = extractor.extract(html, null);

        assertThat(article.text()).startsWith("A sentence of real article text goes here.");
    }

    @Test
    void keepsTheRowsOfADataTableInsideTheStory() {
        String html = "<html><body><nav><a href='/'>Home</a></nav><div class='story'>"
                + "<p>The final standings after the last race of the season are shown below, with points.</p>"
                + "<table><tr><th>Pos</th><th>Driver</th><th>Points</th></tr>"
                + "<tr><td>1</td><td>A. Rossi</td><td>412</td></tr><tr><td>2</td><td>B. Ng</td><td>398</td></tr>"
                + "</table><p>The championship resumes in March with the opening race on the coast circuit.</p>"
                + "</div></body></html>";

        ExtractedArticle article = extractor.extract(html, null);

        assertThat(article.paragraphs()).contains("1 A. Rossi 412", "2 B. Ng 398");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "<", "<html", "<<<>>>", "</p></div></body>", "<html><body></body></html>",
            "<p>Unclosed <div><span>paragraph", "plain text without any markup at all",
            "<html><head><script type='application/ld+json'>[[[{</script></head></html>"})
    void neverFailsOnBrokenOrEmptyHtml(String html) {
        assertThatCode(() -> extractor.extract(html, null)).doesNotThrowAnyException();
        ExtractedArticle article = extractor.extract(html, "not a url");
        assertThat(article.paragraphs()).isNotNull();
        assertThat(article.bylines()).isNotNull();
    }

    @Test
    void givesTheSameResultWhenOneInstanceServesManyThreadsAtOnce() throws Exception {
        String html = fixture("scraped-story.html");
        ExtractedArticle expected = extractor.extract(html, null);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var results = pool.invokeAll(java.util.Collections.nCopies(16,
                    (java.util.concurrent.Callable<ExtractedArticle>) () -> extractor.extract(html, null)));
            for (var result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void resolvesARelativeLeadImageAgainstThePageUrl() {
        String html = "<html><head><meta property='og:image' content='/img/lead.jpg'></head><body></body></html>";

        ExtractedArticle article = extractor.extract(html, "https://news.example/story/1");

        assertThat(article.imageUrl()).isEqualTo("https://news.example/img/lead.jpg");
    }
}
