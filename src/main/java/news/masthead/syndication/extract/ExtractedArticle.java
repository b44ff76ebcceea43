package news.masthead.syndication.extract;

import java.util.List;

/**
 * What the extractor recovered from one page. Absent facts are {@code null}; the lists are
 * never null, only empty.
 *
 * @param headline      the article's title, without the site name where it could be told apart
 * @param standfirst    the summary under the headline (description / dek), if the page has one
 * @param bylines       author names in page order, without "By"
 * @param published     first publication time as ISO-8601 text (a date alone when the page gives no time)
 * @param updated       last modification time as ISO-8601 text
 * @param imageUrl      absolute URL of the lead image
 * @param imageCaption  caption of the lead image
 * @param imageCredit   credit line of the lead image
 * @param canonicalUrl  the page's canonical address, absolute
 * @param language      language tag such as {@code en} or {@code pt-BR}
 * @param paragraphs    the article body, one entry per paragraph, boilerplate removed
 */
public record ExtractedArticle(
        String headline,
        String standfirst,
        List<String> bylines,
        String published,
        String updated,
        String imageUrl,
        String imageCaption,
        String imageCredit,
        String canonicalUrl,
        String language,
        List<String> paragraphs) {

    public ExtractedArticle {
        bylines = bylines == null ? List.of() : List.copyOf(bylines);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }

    /** The article body as plain text, paragraphs separated by a newline (schema.org {@code articleBody}). */
    public String text() {
        return String.join("\n", paragraphs);
    }
}
