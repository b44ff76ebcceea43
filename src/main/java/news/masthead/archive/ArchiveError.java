package news.masthead.archive;

/** An archive cannot be written or read; the message names the file (and line) at fault and what to do. */
public final class ArchiveError extends RuntimeException {
    public ArchiveError(String message) {
        super(message);
    }

    public ArchiveError(String message, Throwable cause) {
        super(message, cause);
    }
}
