package news.masthead.newsroom;

import java.time.Instant;

/** A public note appended to an article when it was wrong. */
public record Correction(long id, String text, Instant createdAt) {
}
