package news.masthead.platform.db;

/** The database could not be reached or started; the message says why in the operator's words. */
public final class DatabaseUnavailable extends RuntimeException {
    public DatabaseUnavailable(String message) {
        super(message);
    }

    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
