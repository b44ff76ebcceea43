package news.masthead.site;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which version of the public pages a request gets: the reader's entitlements that change how a page
 * renders, and the short key the page cache files them under ({@code anon}, or the entitlements
 * sorted and joined by {@code +}, as {@code membership.Entitlements.variant} spells it). A handful of
 * values, never one reader.
 */
public record Variant(String key, Set<String> entitlements) {
    public static final Variant ANONYMOUS = new Variant("anon", Set.of());

    public Variant {
        entitlements = Set.copyOf(entitlements);
    }

    public static Variant of(Set<String> entitlements) {
        if (entitlements.isEmpty()) {
            return ANONYMOUS;
        }
        return new Variant(String.join("+", new TreeSet<>(entitlements)), entitlements);
    }

    public boolean has(String entitlement) {
        return entitlements.contains(entitlement);
    }

    /** Whether pages of this variant may be kept by shared caches (only the anonymous one). */
    public boolean shared() {
        return entitlements.isEmpty();
    }
}
