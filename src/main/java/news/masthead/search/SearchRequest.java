package news.masthead.search;

import java.time.LocalDate;

/**
 * What a reader asked for, already validated: the words as typed (at most {@link #MAX_TEXT} chars),
 * an optional section slug, an optional inclusive date range (UTC days), the order, and the page
 * (1-based, at most {@link #MAX_PAGE}).
 */
public record SearchRequest(String text, String section, LocalDate from, LocalDate to, Order order, int page) {
    public static final int MAX_TEXT = 500;
    public static final int MAX_PAGE = 100;
    public static final int PAGE_SIZE = 10;

    public enum Order { RELEVANCE, NEWEST }

    public SearchRequest {
        text = text == null ? "" : text;
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text longer than " + MAX_TEXT);
        }
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page out of range: " + page);
        }
        order = order == null ? Order.RELEVANCE : order;
    }

    public static SearchRequest of(String text) {
        return new SearchRequest(text, null, null, null, Order.RELEVANCE, 1);
    }

    /** Whether there is anything to search for: words or a filter. */
    public boolean isEmpty() {
        return text.isBlank() && section == null && from == null && to == null;
    }

    public SearchRequest withPage(int page) {
        return new SearchRequest(text, section, from, to, order, page);
    }
}
