package news.masthead.admin;

import java.util.List;

/**
 * The staff member using the back office, as the sign-in feature reports them: id, display name and
 * role ({@code contributor}, {@code editor} or {@code admin}, each allowed what the one before is).
 */
public record Editor(long id, String name, String role) {
    static final String CONTRIBUTOR = "contributor";
    static final String EDITOR = "editor";
    static final String ADMIN = "admin";
    private static final List<String> RANKS = List.of(CONTRIBUTOR, EDITOR, ADMIN);

    /** Whether this person's role is {@code minimum} or above. */
    public boolean atLeast(String minimum) {
        return RANKS.indexOf(role) >= RANKS.indexOf(minimum) && RANKS.contains(minimum);
    }
}
