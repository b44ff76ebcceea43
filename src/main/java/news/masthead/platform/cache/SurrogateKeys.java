package news.masthead.platform.cache;

/** What a surrogate key may look like: it travels in a header and in a NOTIFY payload. */
final class SurrogateKeys {
    static final int MAX_LENGTH = 200;

    private SurrogateKeys() {
    }

    /** Accepts visible ASCII without spaces or commas (e.g. {@code article:42}); throws otherwise. */
    static String check(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A surrogate key must have 1 to " + MAX_LENGTH + " characters: " + key);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c >= 127 || c == ',') {
                throw new IllegalArgumentException("A surrogate key may hold only visible ASCII without commas: " + key);
            }
        }
        if (key.equals(InvalidationBus.EVERYTHING)) {
            throw new IllegalArgumentException("'" + InvalidationBus.EVERYTHING + "' is reserved; use invalidateAll");
        }
        return key;
    }
}
