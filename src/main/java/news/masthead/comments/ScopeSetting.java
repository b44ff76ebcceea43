package news.masthead.comments;

/**
 * What one scope (the site, a section or an article) sets for comments; a null part inherits from
 * the wider scope.
 *
 * @param name what the admin page calls the scope ("Whole site", a section's name, "Article 42")
 */
public record ScopeSetting(String scope, long scopeId, String name, Policy policy, Integer closeAfterDays) {
    /** The policy's form value, or "" for "inherit". */
    public String policyValue() {
        return policy == null ? "" : policy.value();
    }

    public String daysValue() {
        return closeAfterDays == null ? "" : closeAfterDays.toString();
    }
}
