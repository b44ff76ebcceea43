package news.masthead.platform.web;

/**
 * A request that cannot be served, with the status and the words the reader or client sees.
 * Thrown from handlers and feature code; mapped once to an HTML page or a JSON body.
 */
public final class WebError extends RuntimeException {
    private final int status;
    private final String field;

    private WebError(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }

    public static WebError badRequest(String field, String message) {
        return new WebError(400, field, message);
    }

    public static WebError badRequest(String message) {
        return new WebError(400, null, message);
    }

    public static WebError unauthorized(String message) {
        return new WebError(401, null, message);
    }

    public static WebError forbidden(String message) {
        return new WebError(403, null, message);
    }

    public static WebError notFound() {
        return new WebError(404, null, "We could not find that page.");
    }

    public static WebError notFound(String message) {
        return new WebError(404, null, message);
    }

    public static WebError conflict(String message) {
        return new WebError(409, null, message);
    }

    public static WebError gone(String message) {
        return new WebError(410, null, message);
    }

    public static WebError tooLarge(String field, String message) {
        return new WebError(413, field, message);
    }

    public static WebError unsupportedMedia(String field, String message) {
        return new WebError(415, field, message);
    }

    public static WebError tooManyRequests(String message) {
        return new WebError(429, null, message);
    }

    /** A service we depend on (a payment provider) refused or could not be reached; trying later may work. */
    public static WebError unavailable(String message) {
        return new WebError(503, null, message);
    }
}
