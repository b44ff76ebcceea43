package news.masthead.syndication.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Page layouts that make the story container hard to find, each built from general patterns. */
class StoryContainerTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private static String sentences(String topic, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append("Sentence ").append(i).append(" about ").append(topic)
                    .append(" adds a detail that a reader of the story would want to know. ");
        }
        return text.toString().strip();
    }

    @Test
    void splitsTextSeparatedByLineBreaksIntoParagraphs() {
        String html = "<html><body><div id='menu'><a href='/'>Home</a> <a href='/news'>News</a></div>"
                + "<div class='txt'>" + sentences("the dam", 2) + "<br><br>" + sentences("the river", 2)
                + "<br><br>" + sentences("the town", 2) + "</div></body></html>";

        ExtractedArticle article = extractor.extract(html, null);

        assertThat(article.paragraphs()).hasSize(3);
        assertThat(article.paragraphs().get(1)).startsWith("Sentence 1 about the river");
    }

    @Test
    void prefersTheStoryOverALongerCommentThread() {
        StringBuilder comments = new StringBuilder("<div id='comments'><h3>42 comments</h3>");
        for (int i = 0; i < 8; i++) {
            comments.append("<div class='comment'><span class='author'>user").append(i).append("</span><p>")
                    .append(sentences("my opinion " + i, 3)).append("</p></div>");
        }
        String html = "<html><body><div class='page'><div class='story'><p>" + sentences("the vote", 3)
                + "</p><p>" + sentences("the count", 3) + "</p></div>" + comments + "</div></div></body></html>";

        ExtractedArticle article = extractor.extract(html, null);

        assertThat(article.text()).contains("about the vote", "about the count").doesNotContain("my opinion");
    }

    @Test
    void joinsAStoryCutIntoSectionsAroundAnAdSlot() {
        String html = "<html><body><main><div class='top'><h1>Title</h1></div><article>"
                + "<section class='part'><p>" + sentences("the first half", 3) + "</p></section>"
                + "<div class='ad-container'><span>Advertisement</span></div>"
                + "<section class='part'><p>" + sentences("the second half", 3) + "</p><p>"
                + sentences("the ending", 2) + "</p></section>"
                + "</article></main></body></html>";

        ExtractedArticle article = extractor.extract(html, null);

        assertThat(article.text()).contains("the first half", "the second half", "the ending")
                .doesNotContain("Advertisement");
    }

    @Test
    void prefersAShortStoryOverARailOfTeasersWithSummaries() {
        StringBuilder rail = new StringBuilder("<div class='more'><ul>");
        for (int i = 0; i < 10; i++) {
            rail.append("<li><div class='card'><h3><a href='/s/").append(i).append("'>Other headline number ")
                    .append(i).append(" about something else</a></h3><div class='summary'>")
                    .append(sentences("teaser " + i, 2)).append("</div></div></li>");
        }
        String html = "<html><body><div class='wrap'><div class='body'><p>" + sentences("the fire", 2) + "</p><p>"
                + sentences("the rescue", 2) + "</p><p>" + sentences("the damage", 2) + "</p></div>"
                + rail + "</ul></div></div></body></html>";

        ExtractedArticle article = extractor.extract(html, null);

        assertThat(article.text()).contains("the fire", "the rescue", "the damage").doesNotContain("teaser");
    }

    @Test
    void readsAStoryFromAnOldTableLayout() {
        String html = "<html><body><table><tr><td class='left'><a href='/a'>Section A</a><br><a href='/b'>Section B"
                + "</a></td><td class='main'><p>" + sentences("the harvest", 3) + "</p><p>" + sentences("prices", 3)
                + "</p></td></tr></table></body></html>";

        ExtractedArticle article = extractor.extract(html, null);

        assertThat(article.text()).contains("the harvest", "prices").doesNotContain("Section A");
    }
}
