package news.masthead.membership;

import java.util.Locale;

/** Where a subscription stands. */
public enum Status {
    TRIALING, ACTIVE, PAST_DUE, CANCELLED, EXPIRED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Status parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
