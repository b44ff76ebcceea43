package news.masthead.syndication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.LiveArticle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org structured data for search engines: a {@code NewsArticle} per article page, serialized
 * by Jackson and made safe to sit inside {@code <script type="application/ld+json">}.
 */
public final class JsonLd {
    private final ObjectMapper json;

    public JsonLd(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The article's {@code NewsArticle}.
     *
     * @param url       the article's absolute URL on this site (its {@code mainEntityOfPage})
     * @param imageUrls absolute URLs of its images, may be empty
     * @param baseUrl   the site's base URL, for author pages
     */
    public String newsArticle(LiveArticle article, String url, List<String> imageUrls, FeedPublication publication,
                              String baseUrl) {
        return newsArticle(article, url, imageUrls, publication, baseUrl, null);
    }

    /**
     * The article's {@code NewsArticle}, marked as members-only content when {@code gatedSelector} is
     * given: {@code isAccessibleForFree: false} and a {@code hasPart} {@code WebPageElement} whose
     * {@code cssSelector} (a {@code .class}) names the gated part of the page, as Google documents for
     * subscription and paywalled content (developers.google.com/search/docs/data-types/paywalled-content).
     */
    public String newsArticle(LiveArticle article, String url, List<String> imageUrls, FeedPublication publication,
                              String baseUrl, String gatedSelector) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
        ld.put("url", url);
        ld.put("headline", article.socialHeadline());
        if (!article.standfirst().isBlank()) {
            ld.put("description", article.standfirst());
        }
        if (!imageUrls.isEmpty()) {
            ld.put("image", imageUrls);
        }
        ld.put("datePublished", FeedJson.rfc3339(article.published()));
        ld.put("dateModified", FeedJson.rfc3339(FeedWriter.modified(article)));
        ld.put("articleSection", article.section().name());
        ld.put("inLanguage", publication.language());
        List<Map<String, Object>> authors = new ArrayList<>();
        for (Author a : article.authors()) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", a.name());
            person.put("url", baseUrl + a.path());
            authors.add(person);
        }
        if (!authors.isEmpty()) {
            ld.put("author", authors);
        }
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", publication.name());
        publisher.put("url", baseUrl + "/");
        if (publication.logoUrl() != null) {
            publisher.put("logo", Map.of("@type", "ImageObject", "url", publication.logoUrl()));
        }
        ld.put("publisher", publisher);
        if (article.republished()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("@type", "CreativeWork");
            source.put("publisher", Map.of("@type", "Organization", "name", article.sourceName()));
            if (article.sourceUrl() != null && !article.sourceUrl().isBlank()) {
                source.put("url", article.sourceUrl());
            }
            ld.put("isBasedOn", source);
        }
        if (gatedSelector != null) {
            ld.put("isAccessibleForFree", false);
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("@type", "WebPageElement");
            part.put("isAccessibleForFree", false);
            part.put("cssSelector", gatedSelector);
            ld.put("hasPart", part);
        }
        return embeddable(ld);
    }

    /**
     * JSON that cannot end the script element or open markup: {@code <}, {@code >} and {@code &} (and
     * the JavaScript line separators) become {@code \}{@code uXXXX} escapes, which JSON parsers read back
     * unchanged. They can only occur inside JSON strings, so the escapes are always valid there.
     */
    String embeddable(Object value) {
        try {
            return json.writeValueAsString(value)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON-LD", e);
        }
    }
}
