package news.masthead.magazine;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One issue of the magazine: its number, title, month, cover photo (from the photo library) and the
 * editor's letter (Markdown as written, HTML as sanitized on save). Draft until published.
 */
public record Issue(long id, int number, String slug, String title, YearMonth month, Long coverPhotoId,
                    String letterMarkdown, String letterHtml, boolean published, Instant publishedAt) {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** The issue page's address. */
    public String path() {
        return "/magazine/" + slug;
    }

    /** "March 2026". */
    public String monthName() {
        return MONTH.format(month);
    }

    /** "Issue 3: Spring words": what a label and a table of contents call it. */
    public String name() {
        return "Issue " + number + ": " + title;
    }
}
