package news.masthead.migration;

/** The export file cannot be read at all (not the format it claims, damaged, hostile); nothing was imported from it. */
public final class UnusableExport extends RuntimeException {
    public UnusableExport(String message) {
        super(message);
    }

    public UnusableExport(String message, Throwable cause) {
        super(message, cause);
    }
}
