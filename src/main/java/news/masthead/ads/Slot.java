package news.masthead.ads;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where on a page an ad may show, with the size of its box. The box is reserved at that size (scaled
 * down to the column on narrow screens) before anything fills it, so filling it moves nothing.
 */
public enum Slot {
    /** The leaderboard under the site header. */
    TOP("top", 728, 90),
    /** Inside an article's text, after the paragraph the settings name. */
    IN_ARTICLE("in-article", 300, 250),
    /** Beside or, on narrow screens, after the article. */
    SIDEBAR("sidebar", 300, 250);

    private final String label;
    private final int width;
    private final int height;

    Slot(String label, int width, int height) {
        this.label = label;
        this.width = width;
        this.height = height;
    }

    /** The slot's name in forms, pages and JSON ({@code top}, {@code in-article}, {@code sidebar}). */
    public String label() {
        return label;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public static Optional<Slot> parse(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
