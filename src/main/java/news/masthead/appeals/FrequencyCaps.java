package news.masthead.appeals;

/**
 * The site-wide limits that keep readers from being nagged: at most one appeal every
 * {@code pagesBetween} article views and at most {@code perDay} in any 24 hours; and how long
 * "Show me later" lasts.
 */
public record FrequencyCaps(int pagesBetween, int perDay, int snoozeDays) {
    public FrequencyCaps {
        if (pagesBetween < 0 || pagesBetween > 1000) {
            throw news.masthead.platform.web.WebError.badRequest("pagesBetween", "Pages between appeals must be from 0 to 1000.");
        }
        if (perDay < 1 || perDay > 100) {
            throw news.masthead.platform.web.WebError.badRequest("perDay", "Appeals per day must be from 1 to 100.");
        }
        if (snoozeDays < 1 || snoozeDays > 365) {
            throw news.masthead.platform.web.WebError.badRequest("snoozeDays", "\"Show me later\" must last from 1 to 365 days.");
        }
    }
}
