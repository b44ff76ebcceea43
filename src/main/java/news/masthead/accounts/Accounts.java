package news.masthead.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.RedirectResponse;
import io.javalin.http.SameSite;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Staff accounts: who may use the admin and the API, and how they prove it.
 *
 * <p>Staff sign in at {@code /admin/login} with an email and a password (argon2id); the session lives
 * in the database behind an {@code HttpOnly}, {@code SameSite=Lax} cookie, so every node knows it.
 * Programs use bearer API tokens. Other features ask this class, and only this class, who is calling:
 * {@link #requireStaff(Context, Role)} in admin handlers, {@link #requireApiToken(Context)} in API ones.
 */
public final class Accounts {
    private static final String STAFF_ATTRIBUTE = "accounts.staff";
    private static final String CLIENT_ATTRIBUTE = "accounts.apiClient";

    private final Web web;
    private final Clock clock;
    private final boolean secureCookies;
    private final String cookieName;
    private final StaffRows staff;
    private final Sessions sessions;
    private final LoginAttempts attempts;
    private final ApiTokens tokens;
    private final Passwords passwords = new Passwords();

    public Accounts(Database database, Web web, Clock clock, boolean secureCookies) {
        this.web = web;
        this.clock = clock;
        this.secureCookies = secureCookies;
        this.cookieName = secureCookies ? "__Host-mh_staff" : "mh_staff";
        this.staff = new StaffRows(database.jdbi());
        this.sessions = new Sessions(database.jdbi(), clock);
        this.attempts = new LoginAttempts(database.jdbi(), clock);
        this.tokens = new ApiTokens(database.jdbi(), clock);
    }

    /** Sign-in and sign-out, the admin's landing page, the staff list and the token check endpoint. */
    public void routes(RoutesConfig routes) {
        new AccountPages(this, web).routes(routes);
    }

    /** The signed-in staff member of this request, if any. */
    public Optional<StaffMember> currentStaff(Context ctx) {
        Optional<StaffMember> known = ctx.attribute(STAFF_ATTRIBUTE);
        if (known == null) {
            known = sessions.find(ctx.cookie(cookieName));
            ctx.attribute(STAFF_ATTRIBUTE, known);
        }
        return known;
    }

    /**
     * The signed-in staff member, who must hold at least {@code minimum}. Someone not signed in who
     * opens an admin page is sent to the sign-in page (and back afterwards); any other request gets a
     * 401. A staff member whose role is too low gets a 403 saying which role the page needs.
     */
    public StaffMember requireStaff(Context ctx, Role minimum) {
        Optional<StaffMember> signedIn = currentStaff(ctx);
        if (signedIn.isEmpty()) {
            if (wantsPage(ctx)) {
                String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                ctx.header("Cache-Control", "no-store");
                ctx.redirect("/admin/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
                throw new RedirectResponse(HttpStatus.SEE_OTHER);
            }
            throw WebError.unauthorized("Sign in to the admin first.");
        }
        StaffMember member = signedIn.get();
        if (!member.role().atLeast(minimum)) {
            throw WebError.forbidden("This needs the " + minimum.label() + " role; you are signed in as "
                    + member.role().label() + ". Ask an admin if you need more access.");
        }
        return member;
    }

    /** Whether an admin is signed in on this request. */
    public boolean isAdmin(Context ctx) {
        return currentStaff(ctx).map(m -> m.role().atLeast(Role.ADMIN)).orElse(false);
    }

    /** The API client of an {@code Authorization: Bearer …} request; 401 when the token is missing, wrong or revoked. */
    public ApiClient requireApiToken(Context ctx) {
        ApiClient known = ctx.attribute(CLIENT_ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw WebError.unauthorized("This API needs a token: send 'Authorization: Bearer <token>'"
                    + " (an admin makes one with 'masthead token create --name NAME').");
        }
        ApiClient client = tokens.authenticate(header.substring(7).strip()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return WebError.unauthorized("This API token is not valid or has been revoked.");
        });
        ctx.attribute(CLIENT_ATTRIBUTE, client);
        return client;
    }

    /**
     * Adds a staff member. Bad input is a 400 naming the field (email, name, password); an email
     * already in use, in any letter case, is a 409.
     */
    public StaffMember addStaff(String email, String name, Role role, String password) {
        String cleanEmail = email == null ? "" : email.strip();
        if (cleanEmail.length() > 254 || !cleanEmail.matches("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+")) {
            throw WebError.badRequest("email", "'" + cleanEmail + "' is not an email address (like name@example.org).");
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200 || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw WebError.badRequest("name", "The name must be 1 to 200 characters, without control characters.");
        }
        if (role == null) {
            throw WebError.badRequest("role", "Choose a role: contributor, editor or admin.");
        }
        Passwords.validate(password);
        return staff.insert(cleanEmail, cleanName, role, passwords.hash(password), clock.instant())
                .orElseThrow(() -> WebError.conflict("A staff account with the email " + cleanEmail + " already exists."));
    }

    /** Everyone on the staff, by name. */
    public List<StaffMember> staff() {
        return staff.all();
    }

    /** Makes an API token named {@code name} and returns its secret: the only time anyone sees it. */
    public String createApiToken(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100 || clean.chars().anyMatch(Character::isISOControl)) {
            throw WebError.badRequest("name", "The token name must be 1 to 100 characters, without control characters.");
        }
        return tokens.create(clean);
    }

    /** The API clients whose tokens still work. */
    public List<ApiClient> apiClients() {
        return tokens.active();
    }

    /** Revokes a token at once on every node; false when there was no live token with that id. */
    public boolean revokeApiToken(long id) {
        return tokens.revoke(id);
    }

    // ---- used by AccountPages ----

    /** The outcome of a sign-in attempt. */
    sealed interface SignIn {
        record SignedIn(StaffMember member, String sessionValue) implements SignIn {
        }

        record Refused(LoginAttempts.Refusal refusal) implements SignIn {
        }

        record WrongCredentials() implements SignIn {
        }
    }

    /** Checks the rate limit first (a refused attempt never reaches the password), then the password. */
    SignIn signIn(String email, String password, String address) {
        Optional<LoginAttempts.Refusal> refusal = attempts.refusal(email, address);
        if (refusal.isPresent()) {
            return new SignIn.Refused(refusal.get());
        }
        Optional<StaffRows.Credentials> found = staff.credentials(email.strip());
        boolean ok = passwords.matches(password, found.map(StaffRows.Credentials::passwordHash).orElse(null))
                && found.isPresent() && !found.get().disabled();
        attempts.record(email, address, ok);
        if (!ok) {
            return new SignIn.WrongCredentials();
        }
        StaffMember member = found.get().member();
        return new SignIn.SignedIn(member, sessions.open(member.id()));
    }

    void startSession(Context ctx, SignIn.SignedIn signedIn) {
        ctx.cookie(sessionCookie(signedIn.sessionValue(), (int) Sessions.ABSOLUTE.toSeconds()));
        ctx.attribute(STAFF_ATTRIBUTE, Optional.of(signedIn.member()));
    }

    void signOut(Context ctx) {
        sessions.close(ctx.cookie(cookieName));
        ctx.cookie(sessionCookie("", 0));
        ctx.attribute(STAFF_ATTRIBUTE, Optional.empty());
    }

    private Cookie sessionCookie(String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(cookieName, value);
        cookie.setPath("/");
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.LAX);
        return cookie;
    }

    private static boolean wantsPage(Context ctx) {
        String method = ctx.method().name();
        String accept = ctx.header("Accept");
        return (method.equals("GET") || method.equals("HEAD")) && !ctx.path().startsWith("/api/")
                && (accept == null || accept.contains("text/html") || accept.contains("*/*"));
    }

    /** Where to go after signing in: only a local admin path, never another site or the sign-in page itself. */
    static String safeNext(String next) {
        if (next == null || next.length() > 2000
                || !(next.equals("/admin") || next.startsWith("/admin/") || next.startsWith("/admin?"))
                || next.toLowerCase(Locale.ROOT).startsWith("/admin/login")) {
            return "/admin";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '\\') {
                return "/admin";
            }
        }
        return next;
    }
}
