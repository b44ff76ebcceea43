package news.masthead.epaper;

import java.time.LocalTime;

/**
 * The ePaper's settings, one row, changed in {@code /admin/epaper}.
 *
 * @param maxUploadMb the largest PDF upload, in MB (default 200)
 * @param buildAt     when the daily build from the newsroom runs, in the site's time zone; null: never
 */
public record EpaperSettings(int maxUploadMb, LocalTime buildAt) {
    public long maxUploadBytes() {
        return maxUploadMb * 1024L * 1024L;
    }
}
