package news.masthead.consent;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The server-side guard: after every handler, drops each {@code Set-Cookie} the browser has not
 * allowed. Masthead's own cookies ({@code mh_…}: sign-in, form protection, the consent cookie) are
 * necessary; any other cookie must be declared, and a non-necessary one needs its category granted.
 * An undeclared cookie is never set. Deleting a cookie (an expiry in the past) always passes.
 */
final class SetCookieFilter {
    static final String JUST_CHOSEN = "consent.justChosen";
    private static final Logger log = LoggerFactory.getLogger(SetCookieFilter.class);
    private final Consent consent;

    SetCookieFilter(Consent consent) {
        this.consent = consent;
    }

    void apply(Context ctx) {
        var headers = ctx.res().getHeaders("Set-Cookie");
        if (headers == null || headers.isEmpty()) {
            return;
        }
        List<String> all = List.copyOf(headers);
        Set<Category> allowed = null;
        List<String> kept = new ArrayList<>();
        for (String header : all) {
            String name = name(header);
            if (ownCookie(name) || deletes(header)) {
                kept.add(header);
                continue;
            }
            var declared = consent.declarationOf(name);
            if (declared.isEmpty()) {
                log.warn("Dropped undeclared cookie {} on {}: declare it at /admin/consent", name, ctx.path());
                continue;
            }
            if (allowed == null) {
                allowed = allowedNow(ctx);
            }
            if (allowed.contains(declared.get().category())) {
                kept.add(header);
            }
        }
        if (kept.size() != all.size()) {
            ctx.res().setHeader("Set-Cookie", null);
            kept.forEach(h -> ctx.res().addHeader("Set-Cookie", h));
        }
    }

    /** A choice made in this very response counts (its cookie is only on the way to the browser). */
    private Set<Category> allowedNow(Context ctx) {
        Choice chosen = ctx.attribute(JUST_CHOSEN);
        if (chosen == null) {
            return consent.allowed(ctx);
        }
        Set<Category> allowed = new java.util.HashSet<>(chosen.granted());
        allowed.add(Category.NECESSARY);
        return allowed;
    }

    static String name(String header) {
        int eq = header.indexOf('=');
        return (eq < 0 ? header : header.substring(0, eq)).strip();
    }

    static boolean ownCookie(String name) {
        return name.startsWith("mh_") || name.startsWith("__Host-mh_");
    }

    private static boolean deletes(String header) {
        String lower = header.toLowerCase(Locale.ROOT).replace(" ", "");
        return lower.contains(";max-age=0") || lower.contains("expires=thu,01jan1970");
    }
}
