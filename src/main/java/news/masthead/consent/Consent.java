package news.masthead.consent;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Web;
import news.masthead.site.PageMeta;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Honest cookie consent. The publisher declares which cookies and scripts belong to which
 * {@link Category}; nothing outside "necessary" is set (a response filter strips its
 * {@code Set-Cookie}) or loaded (scripts reach a page only through {@link #scripts}) until the
 * browser's signed consent cookie grants it for the current policy version. Global Privacy Control
 * refuses analytics and advertising whatever the cookie says. Every choice is logged with a random
 * subject id, never an IP address or user agent.
 *
 * <p>Public pages are cached for every reader, so they all carry the same hidden banner; the small
 * first-party {@code consent.js} asks {@code /consent/status} and shows it when this browser has
 * not chosen under the current policy.
 */
public final class Consent {
    /** The consent script's hashed URL, for the shared layout. */
    public static final String SCRIPT_URL = new Assets().url("consent.js");
    static final Duration LIFETIME = Duration.ofDays(180);
    /** How long a node trusts its copy of the policy version and declarations (other nodes' edits). */
    private static final long SNAPSHOT_NANOS = Duration.ofSeconds(5).toNanos();

    private final ConsentRows rows;
    private final Clock clock;
    private final String cookieName;
    private final boolean secureCookies;
    private final ConsentRoutes publicRoutes;
    private final ConsentAdminPages adminPages;
    private volatile ConsentCookie signer;
    private volatile Snapshot snapshot;

    record Snapshot(int version, List<Declaration> declarations, long loadedAt) {
    }

    /**
     * @param requireAdmin answers the signed-in admin's name or throws (the sign-in feature decides)
     * @param frame        the site's name and navigation, for the public consent and policy pages
     */
    public Consent(Database database, Web web, Clock clock, boolean secureCookies,
                   Function<Context, String> requireAdmin, Supplier<PageMeta.SiteFrame> frame) {
        this.rows = new ConsentRows(database.jdbi());
        this.clock = clock;
        this.secureCookies = secureCookies;
        this.cookieName = secureCookies ? "__Host-mh_consent" : "mh_consent";
        this.publicRoutes = new ConsentRoutes(this, web, frame);
        this.adminPages = new ConsentAdminPages(this, rows, web, requireAdmin);
    }

    public void routes(RoutesConfig routes) {
        publicRoutes.routes(routes);
        adminPages.routes(routes);
        SetCookieFilter filter = new SetCookieFilter(this);
        routes.after(filter::apply);
    }

    /** The current policy version; a consent given under another one counts for nothing. */
    public int policyVersion() {
        return snapshot().version();
    }

    /** The declared first-party script URLs of {@code category}, for pages that may carry them once consented. */
    public List<String> scripts(Category category) {
        return snapshot().declarations().stream()
                .filter(d -> d.kind() == Declaration.Kind.SCRIPT && d.category() == category)
                .map(Declaration::name).toList();
    }

    /** What this request's browser allows: necessary always; the rest only from a valid, current, signed choice, less what GPC refuses. */
    public Set<Category> allowed(Context ctx) {
        Set<Category> allowed = EnumSet.of(Category.NECESSARY);
        choice(ctx).ifPresent(c -> allowed.addAll(c.granted()));
        if (gpc(ctx)) {
            allowed.removeAll(Category.REFUSED_BY_GPC);
        }
        return allowed;
    }

    /**
     * The consent records of this request's browser, for a reader's data export: the log is tied to
     * no account, only to the random subject in this browser's signed consent cookie, so what another
     * browser chose cannot be found (nor erased: it stays pseudonymous). Empty list without a cookie.
     */
    public java.util.Map<String, Object> exportFor(Context ctx) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        Optional<String> subject = signer().decode(ctx.cookie(cookieName)).map(Choice::subject);
        out.put("note", "Consent choices are recorded per browser under a random id, not per account; these are this browser's.");
        out.put("subject", subject.orElse(null));
        out.put("choices", subject.map(rows::bySubject).orElse(List.of()).stream().map(e -> {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("at", e.at());
            m.put("policyVersion", e.policyVersion());
            m.put("categories", e.categories());
            m.put("gpc", e.gpc());
            m.put("via", e.via());
            return m;
        }).toList());
        return out;
    }

    /** This browser's choice, when its cookie is well formed, signed by us and made under the current policy. */
    Optional<Choice> choice(Context ctx) {
        return signer().decode(ctx.cookie(cookieName)).filter(c -> c.policyVersion() == policyVersion());
    }

    static boolean gpc(Context ctx) {
        return "1".equals(ctx.header("Sec-GPC"));
    }

    /** Records a choice: the signed cookie for the browser, a line in the log for the publisher. */
    Choice record(Context ctx, Set<Category> granted, boolean gpc, String via) {
        Set<Category> kept = EnumSet.noneOf(Category.class);
        kept.addAll(granted);
        kept.retainAll(Category.OPTIONAL);
        if (gpc || gpc(ctx)) {
            kept.removeAll(Category.REFUSED_BY_GPC);
        }
        String subject = signer().decode(ctx.cookie(cookieName)).map(Choice::subject).orElseGet(ConsentCookie::newSubject);
        Choice choice = new Choice(policyVersion(), kept, subject);
        rows.log(new ConsentRows.LogEntry(clock.instant(), choice.policyVersion(), subject, choice.categoriesText(),
                gpc || gpc(ctx), via));
        Cookie cookie = new Cookie(cookieName, signer().encode(choice));
        cookie.setPath("/");
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
        ctx.attribute(SetCookieFilter.JUST_CHOSEN, choice);
        return choice;
    }

    /** The declaration a cookie name falls under; empty for an undeclared cookie (which is never set). */
    Optional<Declaration> declarationOf(String cookie) {
        return snapshot().declarations().stream().filter(d -> d.matchesCookie(cookie)).findFirst();
    }

    List<Declaration> declarations() {
        return snapshot().declarations();
    }

    ConsentRows.Policy policy() {
        return rows.policy();
    }

    Clock clock() {
        return clock;
    }

    /** Drops this node's copy after an edit, so the new version shows at once here. */
    void changed() {
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || now - s.loadedAt() > SNAPSHOT_NANOS) {
            s = new Snapshot(rows.policy().version(), rows.declarations(), now);
            snapshot = s;
        }
        return s;
    }

    private ConsentCookie signer() {
        ConsentCookie s = signer;
        if (s == null) {
            s = new ConsentCookie(rows.key());
            signer = s;
        }
        return s;
    }
}
