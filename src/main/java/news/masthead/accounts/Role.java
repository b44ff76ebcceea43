package news.masthead.accounts;

import news.masthead.platform.web.WebError;

import java.util.Locale;

/** What a staff member may do, in increasing order: each role includes the ones before it. */
public enum Role {
    CONTRIBUTOR, EDITOR, ADMIN;

    /** Whether this role includes {@code minimum} (an admin is at least an editor). */
    public boolean atLeast(Role minimum) {
        return compareTo(minimum) >= 0;
    }

    /** The role's name as stored and typed: {@code contributor}, {@code editor}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a role typed by a person, ignoring case and surrounding spaces. */
    public static Role parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.label().equals(wanted)) {
                return role;
            }
        }
        throw WebError.badRequest("role", "Unknown role '" + (text == null ? "" : text.strip())
                + "': use contributor, editor or admin.");
    }
}
