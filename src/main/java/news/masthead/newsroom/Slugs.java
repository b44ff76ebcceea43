package news.masthead.newsroom;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: lower-case ASCII words joined by hyphens, at most 80 characters. */
final class Slugs {
    static final Pattern VALID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** A slug made from any text; "untitled" when nothing usable is left. */
    static String of(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)).replaceAll("")
                .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("œ", "oe")
                .toLowerCase(Locale.ROOT);
        String slug = NON_WORD.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+[a-z0-9]*$", "");
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    static boolean valid(String slug) {
        return slug != null && slug.length() <= 120 && VALID.matcher(slug).matches();
    }
}
