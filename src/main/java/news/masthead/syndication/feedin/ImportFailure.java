package news.masthead.syndication.feedin;

import java.time.Duration;

/**
 * Why a feed or one of its items could not be imported, in words for the admin's health column and
 * item log. {@code retryAfter} is set when the other side asked us to come back later (429, 503).
 */
final class ImportFailure extends Exception {
    private final Duration retryAfter;
    private int httpStatus;

    ImportFailure(String message) {
        this(message, null, null);
    }

    ImportFailure(String message, Throwable cause) {
        this(message, null, cause);
    }

    ImportFailure(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** A failure because the server answered {@code status} (404, 410 …). */
    static ImportFailure answered(int status, String message) {
        ImportFailure failure = new ImportFailure(message);
        failure.httpStatus = status;
        return failure;
    }

    /** The HTTP status the server answered, or 0 when the failure was not an answer (network, refusal, size). */
    int httpStatus() {
        return httpStatus;
    }

    /** How long the server asked us to wait, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
