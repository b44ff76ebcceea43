package news.masthead.consent;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one browser agreed to: the policy version it saw, the optional categories it granted
 * (necessary is always implied) and its pseudonymous subject id (random, tied to nobody).
 */
record Choice(int policyVersion, Set<Category> granted, String subject) {
    Choice {
        granted = granted.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(granted);
        granted.remove(Category.NECESSARY);
    }

    boolean grants(Category category) {
        return category == Category.NECESSARY || granted.contains(category);
    }

    /** The categories in a fixed order, comma separated ("none" when nothing optional was granted). */
    String categoriesText() {
        if (granted.isEmpty()) {
            return "none";
        }
        return String.join(",", granted.stream().map(Category::key).toList());
    }
}
