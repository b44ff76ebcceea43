package news.masthead.consent;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a cookie or script is for; only {@link #NECESSARY} needs no consent. */
public enum Category {
    NECESSARY, PREFERENCES, ANALYTICS, ADVERTISING;

    /** What Global Privacy Control refuses. */
    static final Set<Category> REFUSED_BY_GPC = EnumSet.of(ANALYTICS, ADVERTISING);

    /** The categories a reader can grant or refuse. */
    static final Set<Category> OPTIONAL = EnumSet.of(PREFERENCES, ANALYTICS, ADVERTISING);

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Category> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Category c : values()) {
            if (c.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
