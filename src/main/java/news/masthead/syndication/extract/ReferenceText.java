package news.masthead.syndication.extract;

import java.util.Locale;

/**
 * The article body as the page's JSON-LD states it, reduced to lower-case words so that it can
 * confirm DOM blocks regardless of markup, punctuation or spacing differences.
 */
final class ReferenceText {

    static final ReferenceText NONE = new ReferenceText("");

    /** Below this the JSON-LD body is a teaser, too short to judge blocks by. */
    private static final int MIN_CHARS = 400;

    private static final int PROBE_WORDS = 5;

    private final String words;

    ReferenceText(String articleBody) {
        String normalised = articleBody == null ? "" : normalise(articleBody);
        this.words = normalised.length() >= MIN_CHARS ? " " + normalised + " " : "";
    }

    boolean isPresent() {
        return !words.isEmpty();
    }

    boolean contains(String text) {
        String needle = normalise(text);
        return !needle.isEmpty() && words.contains(" " + needle + " ");
    }

    /**
     * Whether any of three five-word probes (start, middle, end) occurs in the reference: an
     * edit of a word or two between JSON-LD and page must not make a paragraph look foreign.
     */
    boolean overlaps(String text) {
        String[] words = normalise(text).split(" ");
        if (words.length < PROBE_WORDS * 2) {
            return contains(text);
        }
        int[] starts = {0, (words.length - PROBE_WORDS) / 2, words.length - PROBE_WORDS};
        for (int start : starts) {
            String probe = String.join(" ", java.util.Arrays.copyOfRange(words, start, start + PROBE_WORDS));
            if (this.words.contains(" " + probe + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Letters and digits only, single-spaced, lower case. */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                out.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
