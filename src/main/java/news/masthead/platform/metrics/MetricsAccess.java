package news.masthead.platform.metrics;

import io.javalin.http.Context;
import news.masthead.platform.web.WebError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Predicate;

/** Who may read {@code /metrics}: the holder of the metrics token, or an administrator. */
final class MetricsAccess {
    private final byte[] token;
    private final Predicate<Context> isAdmin;

    MetricsAccess(String token, Predicate<Context> isAdmin) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
        this.isAdmin = isAdmin;
    }

    /** Returns when the caller may read; throws 401 without credentials, 403 with wrong ones. */
    void check(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] offered = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
            if (token != null && MessageDigest.isEqual(token, offered)) {
                return;
            }
            throw WebError.forbidden("That token may not read the metrics.");
        }
        if (isAdmin.test(ctx)) {
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
        throw WebError.unauthorized("Reading the metrics needs the metrics token or an administrator's sign-in.");
    }
}
