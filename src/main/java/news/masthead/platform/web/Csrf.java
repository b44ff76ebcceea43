package news.masthead.platform.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Cross-site request forgery defence for every state-changing form: a random token in a
 * {@code SameSite=Strict} cookie that the form must echo in its {@code _csrf} field (double submit),
 * plus an Origin check when the browser sends one. Bearer-token API calls and signed webhooks carry
 * no cookie credentials and are exempt.
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final boolean secure;
    private final String cookieName;

    public Csrf(boolean secureCookies) {
        this.secure = secureCookies;
        this.cookieName = secureCookies ? "__Host-mh_csrf" : "mh_csrf";
    }

    /** The token for forms on this response, creating the cookie on first use. */
    public String token(Context ctx) {
        String existing = ctx.attribute("csrf");
        if (existing != null) {
            return existing;
        }
        String token = ctx.cookie(cookieName);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Cookie cookie = new Cookie(cookieName, token);
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setSecure(secure);
            cookie.setSameSite(SameSite.STRICT);
            ctx.cookie(cookie);
        }
        ctx.attribute("csrf", token);
        return token;
    }

    /** Refuses a state-changing request whose token or origin does not match. */
    public void verify(Context ctx) {
        if (SAFE.contains(ctx.method().name()) || exempt(ctx.path())) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameOrigin(origin, ctx)) {
            throw WebError.forbidden("This form was sent from another site (" + origin + "), so it was refused.");
        }
        String cookie = ctx.cookie(cookieName);
        String field = ctx.formParam(FIELD);
        if (field == null) {
            field = ctx.header("X-CSRF-Token");
        }
        if (cookie == null || field == null
                || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            throw WebError.forbidden("Your form expired or was not sent from this site. Go back, reload the page and try again.");
        }
    }

    private static boolean exempt(String path) {
        return path.startsWith("/api/") || path.startsWith("/webhooks/");
    }

    private static boolean sameOrigin(String origin, Context ctx) {
        String host = ctx.header("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
