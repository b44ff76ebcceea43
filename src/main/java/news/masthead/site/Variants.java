package news.masthead.site;

import io.javalin.http.Context;
import news.masthead.platform.cache.InvalidationBus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which {@link Variant} of the public pages a request gets, cheaply.
 *
 * <ul>
 *   <li>No reader session cookie: {@link Variant#ANONYMOUS}, without touching the database.</li>
 *   <li>A session cookie: the reader's entitlements (one session lookup and one entitlement lookup),
 *       remembered in memory per session for at most {@link #REMEMBER} and never past the moment
 *       the membership's own dates may change them (a period's end, a grace period's end).</li>
 *   <li>Only entitlements that change how a page renders count ({@link #shapesPages}): the ePaper is a
 *       product of its own, so a member with and one without it share pages.</li>
 * </ul>
 *
 * <p>Trade-off of the per-session memory: events that change a membership (joining, a cancellation
 * that ends it, a complimentary grant, a provider's webhook) publish {@link #readerKey} on the
 * invalidation bus, so every node forgets that reader's answer at once. What is not announced — a
 * session signed out everywhere, a reader deleted — can show the last variant for up to
 * {@link #REMEMBER}: pages only, never more than the reader was entitled to moments before.
 */
public final class Variants implements InvalidationBus.Listener {
    /** The longest a node trusts a remembered answer without asking the database again. */
    public static final Duration REMEMBER = Duration.ofSeconds(30);
    /** Beyond this many remembered sessions the memory starts again (an attack with random cookies stays cheap). */
    static final int MAX_REMEMBERED = 100_000;
    private static final Pattern PARTNER = Pattern.compile("partner:[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * What the signed-in reader of a request holds.
     *
     * @param validUntil the first moment the answer may change by time alone (null: not by time)
     */
    public record Standing(long readerId, Set<String> entitlements, Instant validUntil) {
    }

    /** The signed-in reader's standing at {@code now}; empty when the cookie names no live session. */
    @FunctionalInterface
    public interface Lookup {
        Optional<Standing> standing(Context ctx, Instant now);
    }

    private record Remembered(long readerId, Variant variant, Instant until) {
    }

    private final Function<Context, String> sessionCookie;
    private final Lookup lookup;
    private final Clock clock;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    /**
     * @param sessionCookie the reader session cookie's value of a request, or null ({@code Accounts::readerSession})
     * @param lookup        the reader and their entitlements, asked only when there is a cookie
     */
    public Variants(Function<Context, String> sessionCookie, Lookup lookup, Clock clock) {
        this.sessionCookie = sessionCookie;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** Everyone gets the anonymous pages (a site built without accounts, in tests). */
    public static Variants everyoneAnonymous() {
        return new Variants(ctx -> null, (ctx, now) -> Optional.empty(), Clock.systemUTC());
    }

    /** The surrogate key to publish when a reader's membership changed: every node forgets their variant. */
    public static String readerKey(long readerId) {
        return "reader:" + readerId;
    }

    /** Whether an entitlement changes how public pages render: ad-light, premium, magazine, partner:&lt;slug&gt;. */
    public static boolean shapesPages(String entitlement) {
        return entitlement.equals("ad-light") || Gate.isRequirement(entitlement) || PARTNER.matcher(entitlement).matches();
    }

    /** The variant of this request. */
    public Variant of(Context ctx) {
        String cookie = sessionCookie.apply(ctx);
        if (cookie == null || cookie.isEmpty()) {
            return Variant.ANONYMOUS;
        }
        Instant now = clock.instant();
        Remembered known = remembered.get(cookie);
        if (known != null && now.isBefore(known.until())) {
            return known.variant();
        }
        Optional<Standing> standing = lookup.standing(ctx, now);
        Variant variant = standing.map(s -> Variant.of(relevant(s.entitlements()))).orElse(Variant.ANONYMOUS);
        Instant until = now.plus(REMEMBER);
        if (standing.isPresent() && standing.get().validUntil() != null && standing.get().validUntil().isBefore(until)) {
            until = standing.get().validUntil();
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(cookie, new Remembered(standing.map(Standing::readerId).orElse(-1L), variant, until));
        return variant;
    }

    private static Set<String> relevant(Set<String> entitlements) {
        Set<String> kept = new TreeSet<>();
        for (String e : entitlements) {
            if (shapesPages(e)) {
                kept.add(e);
            }
        }
        return kept;
    }

    /** Sessions remembered now (tests, metrics). */
    public int remembered() {
        return remembered.size();
    }

    @Override
    public void invalidate(String surrogateKey) {
        if (surrogateKey.startsWith("reader:")) {
            try {
                long id = Long.parseLong(surrogateKey.substring("reader:".length()));
                remembered.values().removeIf(r -> r.readerId() == id);
            } catch (NumberFormatException e) {
                // not one of ours
            }
        }
    }

    @Override
    public void invalidateAll() {
        remembered.clear();
    }
}
