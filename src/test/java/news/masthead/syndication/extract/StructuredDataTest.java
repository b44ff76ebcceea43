package news.masthead.syndication.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class StructuredDataTest {

    private final StructuredData structuredData = new StructuredData();

    private StructuredData.Facts read(String... jsonBlocks) {
        StringBuilder html = new StringBuilder("<html><head>");
        for (String json : jsonBlocks) {
            html.append("<script type=\"application/ld+json\">").append(json).append("</script>");
        }
        return structuredData.read(Jsoup.parse(html.append("</head><body></body></html>").toString()));
    }

    @Test
    void picksTheArticleOutOfATopLevelArrayOfObjects() {
        StructuredData.Facts facts = read("""
                [{"@type": "BreadcrumbList", "name": "Home"},
                 {"@type": "ReportageNewsArticle", "headline": "Floods recede", "author": {"name": "R. Osei"}}]""");

        assertThat(facts.headline()).isEqualTo("Floods recede");
        assertThat(facts.authors()).containsExactly("R. Osei");
    }

    @Test
    void prefersTheObjectThatCarriesABodyOverOneThatOnlyHasAHeadline() {
        StructuredData.Facts facts = read("{\"@type\": \"WebPage\", \"headline\": \"Site\"}",
                "{\"@type\": \"NewsArticle\", \"headline\": \"Story\", \"articleBody\": \"Text.\"}");

        assertThat(facts.headline()).isEqualTo("Story");
        assertThat(facts.body()).isEqualTo("Text.");
    }

    @Test
    void toleratesRawNewlinesTrailingCommasAndCommentWrappers() {
        StructuredData.Facts facts = read("""
                <!--{"@type": "BlogPosting", "headline": "Jam",
                "articleBody": "Line one
                line two", "datePublished": "2017-12-01",}-->""");

        assertThat(facts.body()).contains("Line one").contains("line two");
        assertThat(facts.published()).isEqualTo("2017-12-01");
    }

    @Test
    void readsTheImageFromAnImageObjectAndSkipsUrlsAsAuthorNames() {
        StructuredData.Facts facts = read("""
                {"@type": "Article", "headline": "H",
                 "image": [{"@type": "ImageObject", "url": "https://img.example/a.jpg", "caption": "A quay"}],
                 "author": [{"@type": "Person", "name": "Lena Ek"}, {"@type": "Organization", "name": "Desk"}]}""");

        assertThat(facts.imageUrl()).isEqualTo("https://img.example/a.jpg");
        assertThat(facts.imageCaption()).isEqualTo("A quay");
        assertThat(facts.authors()).containsExactly("Lena Ek", "Desk");
    }

    @Test
    void givesNoFactsForBrokenJson() {
        assertThat(read("{\"@type\": \"NewsArticle\", \"headline\": ")).isEqualTo(StructuredData.Facts.NONE);
    }
}
