package news.masthead.search;

import java.time.Instant;
import java.util.List;

/**
 * One page of results. {@code total} is exact when {@code totalExact}; past
 * {@link Finder#COUNT_LIMIT} matches it is a lower bound ("more than 1,000").
 */
public record SearchResults(SearchRequest request, List<Hit> hits, long total, boolean totalExact) {

    public int pages() {
        long pages = (total + SearchRequest.PAGE_SIZE - 1) / SearchRequest.PAGE_SIZE;
        return (int) Math.min(pages, SearchRequest.MAX_PAGE);
    }

    public static SearchResults none(SearchRequest request) {
        return new SearchResults(request, List.of(), 0, true);
    }

    /**
     * One published article that matched. {@code headlineHtml} and {@code snippetHtml} are HTML-escaped
     * text whose only markup is the {@code <mark>} around matched words.
     */
    public record Hit(long id, String path, String headline, String headlineHtml, String snippetHtml, String sectionSlug,
                      String sectionName, List<String> authors, Instant published) {
    }
}
