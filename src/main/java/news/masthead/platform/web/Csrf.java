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
    /** The page script every first-party script asks for the token ({@code public/csrf.js}), with its content hash. */
    public static final String SCRIPT_URL = new Assets().url("csrf.js");
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

    /** This browser's token when it already has one; never creates the cookie (so concurrent answers cannot disagree). */
    public String existing(Context ctx) {
        String token = ctx.cookie(cookieName);
        return token != null && token.matches("[A-Za-z0-9_-]{43}") ? token : null;
    }

    /**
     * {@code GET /csrf}: the page's token as JSON, minting the cookie on a first visit. The scripts
     * on a page share this one request ({@code csrf.js}), so they all hold the same token.
     */
    public void serve(Context ctx) {
        ErrorPages.answerAsJson(ctx);
        ctx.header("Cache-Control", "no-store").contentType("application/json")
                .result("{\"token\":\"" + token(ctx) + "\"}");
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
