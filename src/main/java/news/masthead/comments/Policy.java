package news.masthead.comments;

import java.util.Locale;
import java.util.Optional;

/** Who may write comments: every signed-in reader, members only, or nobody. */
public enum Policy {
    SIGNED_IN, MEMBERS, NOBODY;

    /** The stored and wire name: {@code signed_in}, {@code members}, {@code nobody}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Policy> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Policy p : values()) {
            if (p.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
