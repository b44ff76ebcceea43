package news.masthead.epaper;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One complete PDF of a day's edition, made by an upload, a page change or a build; never changed
 * once processed. {@code live}: the printing readers see for its day.
 *
 * @param status processing, draft (processed, not shown), published (was or is live), failed
 * @param notes  what the checks removed (scripts, attachments), for the editor
 * @param error  why processing failed, for the editor
 */
public record Printing(long id, LocalDate day, String status, String source, int pages, long pdfBytes, String notes,
                       String error, String madeBy, Instant createdAt, Instant finishedAt, Instant publishedAt,
                       boolean live) {
    public static final String PROCESSING = "processing";
    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String FAILED = "failed";

    public boolean usable() {
        return status.equals(DRAFT) || status.equals(PUBLISHED);
    }

    public String sizeLabel() {
        return pdfBytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MB", pdfBytes / 1048576.0)
                : Math.max(1, pdfBytes / 1024) + " KB";
    }
}
