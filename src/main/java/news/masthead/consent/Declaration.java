package news.masthead.consent;

/**
 * A publisher's statement that a cookie (by exact name, or every name starting with {@code name}
 * when {@code prefix}) or a first-party script (by URL path) belongs to a category.
 */
public record Declaration(long id, Kind kind, String name, boolean prefix, Category category, String purpose) {
    public enum Kind { COOKIE, SCRIPT }

    boolean matchesCookie(String cookieName) {
        return kind == Kind.COOKIE && (prefix ? cookieName.startsWith(name) : cookieName.equals(name));
    }
}
