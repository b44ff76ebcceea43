package news.masthead.platform.mail;

import java.util.regex.Pattern;

/**
 * One mail to one person: the address, the subject and a plain-text body, with an optional HTML
 * alternative. Header injection is refused here: no line breaks in the address or the subject.
 *
 * @param to      the recipient's address, {@code name@example.org}
 * @param subject one line, at most 200 characters
 * @param text    the plain-text body every mail has
 * @param html    an HTML alternative, or null
 */
public record Message(String to, String subject, String text, String html) {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s.<>,;\"]+(\\.[^@\\s.<>,;\"]+)+");

    public Message {
        if (to == null || to.length() > 254 || !ADDRESS.matcher(to).matches()) {
            throw new IllegalArgumentException("Not a mail address: " + to);
        }
        if (subject == null || subject.isBlank() || subject.length() > 200 || subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A subject is one line of 1 to 200 characters");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Every mail needs a plain-text body");
        }
    }

    /** A plain-text mail. */
    public Message(String to, String subject, String text) {
        this(to, subject, text, null);
    }

    /** Whether {@code address} is one this class accepts as a recipient. */
    public static boolean isAddress(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
    }
}
