package news.masthead.epaper;

import java.time.Instant;
import java.time.LocalDate;

/** A day's paper as readers see it: the live printing of that day. */
public record Edition(LocalDate day, long printingId, int pages, String source, Instant publishedAt) {
}
