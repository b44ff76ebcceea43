package news.masthead.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import news.masthead.platform.web.Web;
import news.masthead.site.PageMeta;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The readers' pages: ask for a link, confirm it, the account page with its forms, and
 * {@code /api/v1/me}. Thin: parse, call {@link Readers} or {@link Accounts}, render
 * {@code src/main/jte/accounts/readers/*}. No page here is ever cached.
 */
final class ReaderPages {
    private static final String HOME = "/account";
    /** The few things the sign-in and account pages announce after a redirect, by key (never echoed text). */
    private static final Map<String, String> NOTICES = Map.of(
            "signed-out", "You are signed out.",
            "signed-out-everywhere", "You are signed out on every device and browser.",
            "name", "Your name is saved.",
            "email-changed", "Your email address is changed.");

    private final Accounts accounts;
    private final Readers readers;
    private final Web web;
    private final Supplier<PageMeta.SiteFrame> frame;

    ReaderPages(Accounts accounts, Readers readers, Web web, Supplier<PageMeta.SiteFrame> frame) {
        this.accounts = accounts;
        this.readers = readers;
        this.web = web;
        this.frame = frame;
    }

    void routes(RoutesConfig routes) {
        routes.get("/account/sign-in", this::signInPage);
        routes.post("/account/sign-in", this::askForLink);
        routes.get("/account/verify", this::confirmPage);
        routes.post("/account/verify", this::useLink);
        routes.get("/account", this::accountPage);
        routes.post("/account/name", this::rename);
        routes.post("/account/email", this::changeEmail);
        routes.post("/account/sign-out", this::signOut);
        routes.post("/account/sign-out-everywhere", this::signOutEverywhere);
        routes.get("/api/v1/me", this::me);
    }

    private void signInPage(Context ctx) {
        String next = safeNext(ctx.queryParam("next"));
        if (accounts.currentReader(ctx).isPresent()) {
            ctx.header("Cache-Control", "no-store").redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        renderSignIn(ctx, 200, "", next, null, notice(ctx));
    }

    private void askForLink(Context ctx) {
        String email = form(ctx, "email").strip();
        String next = safeNext(ctx.formParam("next"));
        var problem = Readers.emailProblem(email);
        if (problem.isPresent()) {
            renderSignIn(ctx, 400, email, next, problem.get(), null);
            return;
        }
        switch (readers.requestSignIn(email, HOME.equals(next) ? null : next, ctx.ip())) {
            case Readers.Request.Sent sent -> render(ctx, 200, "accounts/readers/sent.jte", "Check your email",
                    Map.of("email", sent.email(), "changing", false));
            case Readers.Request.Refused refused -> {
                ctx.header("Retry-After", Long.toString(Math.max(1, refused.refusal().retryAfter().toSeconds())));
                renderSignIn(ctx, 429, email, next, refused.refusal().message(), null);
            }
        }
    }

    /** Shows what the link will do and a button: a GET (a mail scanner's prefetch) never uses the link. */
    private void confirmPage(Context ctx) {
        String token = token(ctx.queryParam("token"));
        switch (readers.check(token)) {
            case SignInLinks.Check.Usable(SignInLinks.Link link) -> {
                Map<String, Object> params = new HashMap<>();
                params.put("csrf", web.csrf().token(ctx));
                params.put("token", token);
                params.put("email", link.email());
                params.put("changing", link.purpose() == SignInLinks.Purpose.EMAIL_CHANGE);
                ctx.header("Referrer-Policy", "no-referrer");
                render(ctx, 200, "accounts/readers/verify.jte",
                        link.purpose() == SignInLinks.Purpose.EMAIL_CHANGE ? "Confirm your new email address" : "Sign in", params);
            }
            case SignInLinks.Check.Used u -> renderProblem(ctx, Readers.Problem.USED);
            case SignInLinks.Check.Expired e -> renderProblem(ctx, Readers.Problem.EXPIRED);
            case SignInLinks.Check.Unknown u -> renderProblem(ctx, Readers.Problem.UNKNOWN);
        }
    }

    private void useLink(Context ctx) {
        switch (readers.use(token(ctx.formParam("token")))) {
            case Readers.Use.SignedIn in -> {
                accounts.startReaderSession(ctx, in.reader(), in.sessionValue());
                String to = in.emailChanged() ? HOME + "?done=email-changed" : safeNext(in.next());
                ctx.header("Cache-Control", "no-store").redirect(to, HttpStatus.SEE_OTHER);
            }
            case Readers.Use.Refused refused -> renderProblem(ctx, refused.problem());
        }
    }

    private void accountPage(Context ctx) {
        Reader reader = accounts.requireReader(ctx);
        renderAccount(ctx, 200, reader, new AccountForm(reader.displayName(), null, "", null, notice(ctx)));
    }

    private void rename(Context ctx) {
        Reader reader = accounts.requireReader(ctx);
        String name = form(ctx, "displayName").strip();
        var problem = Readers.nameProblem(name);
        if (problem.isPresent()) {
            renderAccount(ctx, 400, reader, new AccountForm(name, problem.get(), "", null, null));
            return;
        }
        readers.rename(reader, name);
        ctx.header("Cache-Control", "no-store").redirect(HOME + "?done=name", HttpStatus.SEE_OTHER);
    }

    private void changeEmail(Context ctx) {
        Reader reader = accounts.requireReader(ctx);
        String email = form(ctx, "email").strip();
        var problem = Readers.emailProblem(email);
        if (problem.isEmpty() && email.equalsIgnoreCase(reader.email())) {
            problem = java.util.Optional.of("That is already your email address.");
        }
        if (problem.isPresent()) {
            renderAccount(ctx, 400, reader, new AccountForm(reader.displayName(), null, email, problem.get(), null));
            return;
        }
        switch (readers.requestEmailChange(reader, email, ctx.ip())) {
            case Readers.Request.Sent sent -> render(ctx, 200, "accounts/readers/sent.jte", "Check your email",
                    Map.of("email", sent.email(), "changing", true));
            case Readers.Request.Refused refused -> {
                ctx.header("Retry-After", Long.toString(Math.max(1, refused.refusal().retryAfter().toSeconds())));
                renderAccount(ctx, 429, reader, new AccountForm(reader.displayName(), null, email, refused.refusal().message(), null));
            }
        }
    }

    private void signOut(Context ctx) {
        accounts.signOutReader(ctx);
        ctx.header("Cache-Control", "no-store").redirect("/account/sign-in?done=signed-out", HttpStatus.SEE_OTHER);
    }

    private void signOutEverywhere(Context ctx) {
        Reader reader = accounts.requireReader(ctx);
        accounts.signOutEverywhere(ctx, reader);
        ctx.header("Cache-Control", "no-store").redirect("/account/sign-in?done=signed-out-everywhere", HttpStatus.SEE_OTHER);
    }

    /** Who is reading, for the per-reader bits of cached pages: never cached, varies by cookie. */
    private void me(Context ctx) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        accounts.currentReader(ctx).ifPresentOrElse(reader -> {
            body.put("signedIn", true);
            body.put("id", reader.id());
            body.put("displayName", reader.displayName());
        }, () -> body.put("signedIn", false));
        ctx.header("Cache-Control", "private, no-store").header("Vary", "Cookie")
                .contentType("application/json").result(web.json().writeValueAsBytes(body));
    }

    /** The account page's forms: what was typed, and what is wrong with it. */
    record AccountForm(String name, String nameError, String email, String emailError, String notice) {
    }

    private void renderAccount(Context ctx, int status, Reader reader, AccountForm form) {
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", web.csrf().token(ctx));
        params.put("reader", reader);
        params.put("name", form.name());
        params.put("nameError", form.nameError());
        params.put("email", form.email());
        params.put("emailError", form.emailError());
        params.put("notice", form.notice());
        var membership = accounts.membershipHtml();
        params.put("membership", membership == null ? null : membership.apply(reader, (String) params.get("csrf")));
        render(ctx, status, "accounts/readers/account.jte", "Your account", params);
    }

    private void renderSignIn(Context ctx, int status, String email, String next, String error, String notice) {
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", web.csrf().token(ctx));
        params.put("email", email);
        params.put("next", next);
        params.put("error", error);
        params.put("notice", notice);
        render(ctx, status, "accounts/readers/signin.jte", "Sign in", params);
    }

    private void renderProblem(Context ctx, Readers.Problem problem) {
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", web.csrf().token(ctx));
        params.put("message", problem.message);
        params.put("signedIn", accounts.currentReader(ctx).isPresent());
        render(ctx, problem.status, "accounts/readers/problem.jte",
                problem == Readers.Problem.TAKEN ? "Address not changed" : "This link does not work", params);
    }

    private void render(Context ctx, int status, String template, String title, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("meta", new PageMeta(title, null, null, "website", null, null, List.of(), frame.get(), true));
        web.page(ctx, status, template, all);
    }

    private static String notice(Context ctx) {
        String key = ctx.queryParam("done");
        return key == null ? null : NOTICES.get(key);
    }

    private static String form(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.length() > 1000 ? value.substring(0, 1000) : value;
    }

    /** A token as typed in a URL or form: anything that cannot be one becomes "" (an unknown link). */
    private static String token(String raw) {
        return raw != null && Secrets.wellFormed(raw.strip()) ? raw.strip() : "";
    }

    /**
     * Where to go after signing in: a path on this site, never another site (no {@code //host}, no
     * backslash, no control characters), never the sign-in pages themselves; else the account page.
     */
    static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")) {
            return HOME;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '\\') {
                return HOME;
            }
        }
        String lower = next.toLowerCase(Locale.ROOT);
        if (lower.startsWith("/account/sign-in") || lower.startsWith("/account/verify") || lower.startsWith("/api/")) {
            return HOME;
        }
        return next;
    }
}
