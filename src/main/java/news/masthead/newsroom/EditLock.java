package news.masthead.newsroom;

import java.time.Instant;

/** Who is editing an article right now; it lapses on its own unless renewed. */
public record EditLock(long staffId, String staffName, Instant expiresAt) {
}
