package news.masthead.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.RedirectResponse;
import io.javalin.http.SameSite;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.PageMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Staff and reader accounts: who is calling, and how they proved it.
 *
 * <p>Readers sign in at {@code /account/sign-in} with a single-use link sent to their email address
 * (the first sign-in makes the account); their sessions, too, live in the database behind an
 * {@code HttpOnly}, {@code SameSite=Lax} cookie. Features ask {@link #currentReader(Context)} or
 * {@link #requireReader(Context)}.
 *
 * <p>Staff sign in at {@code /admin/login} with an email and a password (argon2id); the session lives
 * in the database behind an {@code HttpOnly}, {@code SameSite=Lax} cookie, so every node knows it.
 * Programs use bearer API tokens. Other features ask this class, and only this class, who is calling:
 * {@link #requireStaff(Context, Role)} in admin handlers, {@link #requireApiToken(Context)} in API ones.
 */
public final class Accounts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final String STAFF_ATTRIBUTE = "accounts.staff";
    private static final String READER_ATTRIBUTE = "accounts.reader";
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
    private final String readerCookieName;
    private final Readers readers;
    private final ReaderData readerData;
    private final Supplier<PageMeta.SiteFrame> frame;
    private ScheduledExecutorService housekeeping;

    /**
     * @param mailer  where reader links are queued (in the same transaction as the link)
     * @param baseUrl the public address links in mail start with
     * @param frame   the public site's name and navigation, for the reader pages' layout
     */
    private volatile java.util.function.BiFunction<Reader, String, String> membershipHtml;

    public Accounts(Database database, Web web, Clock clock, boolean secureCookies, Mailer mailer,
                    Supplier<String> baseUrl, Supplier<PageMeta.SiteFrame> frame) {
        this.web = web;
        this.frame = frame;
        this.readerCookieName = secureCookies ? "__Host-mh_reader" : "mh_reader";
        this.readers = new Readers(database, mailer, clock, baseUrl, () -> frame.get().name());
        this.clock = clock;
        this.secureCookies = secureCookies;
        this.cookieName = secureCookies ? "__Host-mh_staff" : "mh_staff";
        this.staff = new StaffRows(database.jdbi());
        this.sessions = new Sessions(database.jdbi(), clock);
        this.attempts = new LoginAttempts(database.jdbi(), clock);
        this.tokens = new ApiTokens(database.jdbi(), clock);
        this.readerData = new ReaderData(database.jdbi());
    }

    /**
     * Staff sign-in and sign-out, the admin's landing page, the staff list and the token check
     * endpoint; the readers' sign-in, link and account pages, and {@code /api/v1/me}.
     */
    public void routes(RoutesConfig routes) {
        new AccountPages(this, web).routes(routes);
        new ReaderPages(this, readers, web, frame).routes(routes);
    }

    /** Starts the hourly purge of expired reader links and sessions (on every node; deleting twice is harmless). */
    public synchronized void start() {
        if (housekeeping == null) {
            housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("accounts-purge").factory());
            housekeeping.scheduleWithFixedDelay(this::purgeQuietly, 1, 60, TimeUnit.MINUTES);
        }
    }

    /** Deletes reader links and sessions that can no longer be used; returns how many rows went. */
    public int purgeExpired() {
        return readers.purge();
    }

    private void purgeQuietly() {
        try {
            int purged = purgeExpired();
            if (purged > 0) {
                log.info("Purged {} expired reader link(s) and session(s)", purged);
            }
        } catch (RuntimeException e) {
            log.warn("Purging expired reader links and sessions failed; trying again in an hour", e);
        }
    }

    @Override
    public synchronized void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
            housekeeping = null;
        }
    }

    /**
     * The reader with this email address, made (not yet verified: nobody has used a link) when no
     * reader has it; for staff granting a membership by address. A bad address is a 400 naming {@code email}.
     */
    public Reader readerForEmail(String email) {
        return readers.findOrAdd(email);
    }

    /** A reader by id; empty for none or an erased one. */
    public Optional<Reader> reader(long id) {
        return readers.byId(id);
    }

    /**
     * What the account page shows under "Membership": {@code html} renders it for a reader with the
     * page's CSRF token (membership's summary). Without it the page says there is no membership.
     */
    public void showMembershipWith(java.util.function.BiFunction<Reader, String, String> html) {
        this.membershipHtml = html;
    }

    java.util.function.BiFunction<Reader, String, String> membershipHtml() {
        return membershipHtml;
    }

    /**
     * The reader session cookie's value on this request, or null — read from the request alone, no
     * database. For per-session memories (the site's page variant); it proves nothing until
     * {@link #currentReader} has looked it up.
     */
    public String readerSession(Context ctx) {
        return ctx.cookie(readerCookieName);
    }

    // ---- privacy rights and retention (called by the privacy feature)

    /** A live reader by email address, in any letter case. */
    public Optional<Reader> readerByEmail(String email) {
        return email == null ? Optional.empty() : readers.byEmail(email.strip());
    }

    /**
     * What accounts keeps about a reader, as plain values for their data export: the account, a
     * summary of their sessions (when and until when, never a token) and how many sign-in links are
     * on record. Empty for an unknown or erased reader.
     */
    public Optional<java.util.Map<String, Object>> exportFor(long readerId) {
        return readerData.export(readerId);
    }

    /**
     * Erases a reader: every session and sign-in link goes (so they are signed out everywhere at
     * once), their address and name are blanked and the account can never be used again. The row
     * stays, nameless, for what refers to it. Returns the address they had (for the goodbye mail),
     * or empty when there was no live reader (erasing twice changes nothing).
     */
    public Optional<String> erase(long readerId) {
        return readerData.erase(readerId, clock.instant());
    }

    /** Ends this browser's reader cookie (after an erasure, say). */
    public void forgetReaderCookie(Context ctx) {
        forgetReader(ctx);
    }

    /** Deletes sign-in links expired or used more than {@code keep} ago; returns how many. */
    public int purgeSignInLinks(java.time.Duration keep) {
        return readerData.purgeSignInLinks(clock.instant(), keep);
    }

    /** Deletes staff login attempts older than {@code keep}; returns how many. */
    public int purgeLoginAttempts(java.time.Duration keep) {
        return readerData.purgeLoginAttempts(clock.instant(), keep);
    }

    /** Deletes staff sessions past their idle or absolute expiry; returns how many. */
    public int purgeStaleStaffSessions() {
        return readerData.purgeStaffSessions(clock.instant());
    }

    /** Deletes reader sessions past their idle or absolute expiry; returns how many. */
    public int purgeStaleReaderSessions() {
        return readerData.purgeReaderSessions(clock.instant());
    }

    /** The signed-in reader of this request, if any. */
    public Optional<Reader> currentReader(Context ctx) {
        Optional<Reader> known = ctx.attribute(READER_ATTRIBUTE);
        if (known == null) {
            known = readers.bySession(ctx.cookie(readerCookieName));
            ctx.attribute(READER_ATTRIBUTE, known);
        }
        return known;
    }

    /**
     * The signed-in reader. Someone not signed in who opens a page is sent to the sign-in page (and
     * back afterwards); an API call or a form gets a 401.
     */
    public Reader requireReader(Context ctx) {
        Optional<Reader> signedIn = currentReader(ctx);
        if (signedIn.isPresent()) {
            return signedIn.get();
        }
        if (wantsPage(ctx)) {
            String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.header("Cache-Control", "no-store");
            String next = here.equals("/account") ? "" : "?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
            ctx.redirect("/account/sign-in" + next, HttpStatus.SEE_OTHER);
            throw new RedirectResponse(HttpStatus.SEE_OTHER);
        }
        throw WebError.unauthorized("Sign in first: ask for a sign-in link at /account/sign-in.");
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

    /** A reader account found or made by an import: the reader, and whether it was made now. */
    public record ImportedReader(Reader reader, boolean created) {
    }

    /**
     * The reader with this address (any letter case), or a new one made for an import from another
     * system (Ghost's members): no mail is sent and no session made; the address counts as unverified
     * until they sign in with a link. {@code displayName} is used only for a new reader (cut to 100
     * characters). A malformed address is a 400 naming {@code email}.
     */
    public ImportedReader importReader(String email, String displayName) {
        return readers.importReader(email, displayName);
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

    void startReaderSession(Context ctx, Reader reader, String sessionValue) {
        readers.closeSession(ctx.cookie(readerCookieName));
        ctx.cookie(cookie(readerCookieName, sessionValue, (int) ReaderSessions.ABSOLUTE.toSeconds()));
        ctx.attribute(READER_ATTRIBUTE, Optional.of(reader));
    }

    void signOutReader(Context ctx) {
        readers.closeSession(ctx.cookie(readerCookieName));
        forgetReader(ctx);
    }

    /** Ends every session of the reader on every node, this one included. */
    void signOutEverywhere(Context ctx, Reader reader) {
        readers.closeAllSessions(reader.id());
        forgetReader(ctx);
    }

    private void forgetReader(Context ctx) {
        ctx.cookie(cookie(readerCookieName, "", 0));
        ctx.attribute(READER_ATTRIBUTE, Optional.empty());
    }

    private Cookie sessionCookie(String value, int maxAgeSeconds) {
        return cookie(cookieName, value, maxAgeSeconds);
    }

    private Cookie cookie(String name, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.LAX);
        return cookie;
    }

    static boolean wantsPage(Context ctx) {
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
