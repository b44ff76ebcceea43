package news.masthead.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.RedirectResponse;
import news.masthead.platform.web.Web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP side of accounts: sign-in and sign-out pages, the admin landing page, the staff list, the token check. */
final class AccountPages {
    private final Accounts accounts;
    private final Web web;

    AccountPages(Accounts accounts, Web web) {
        this.accounts = accounts;
        this.web = web;
    }

    void routes(RoutesConfig routes) {
        // requireStaff sets Location and throws this to stop the handler; answer with the redirect alone
        routes.exception(RedirectResponse.class, (e, ctx) -> ctx.status(e.getStatus()).result(""));
        routes.get("/admin/login", this::loginPage);
        routes.post("/admin/login", this::login);
        routes.post("/admin/logout", this::logout);
        routes.get("/admin", this::dashboard);
        routes.get("/admin/staff", this::staffList);
        routes.get("/api/v1/whoami", this::whoami);
    }

    private void loginPage(Context ctx) {
        String next = Accounts.safeNext(ctx.queryParam("next"));
        if (accounts.currentStaff(ctx).isPresent()) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        renderLogin(ctx, 200, "", next, null);
    }

    private void login(Context ctx) {
        String email = orEmpty(ctx.formParam("email"));
        String password = orEmpty(ctx.formParam("password"));
        String next = Accounts.safeNext(ctx.formParam("next"));
        if (email.isBlank() || password.isEmpty()) {
            renderLogin(ctx, 400, email, next, "Enter your email address and your password.");
            return;
        }
        if (email.length() > 320 || password.length() > Passwords.MAX_LENGTH) {
            renderLogin(ctx, 400, "", next, "That email address or password is too long.");
            return;
        }
        switch (accounts.signIn(email, password, ctx.ip())) {
            case Accounts.SignIn.SignedIn signedIn -> {
                accounts.startSession(ctx, signedIn);
                ctx.redirect(next, HttpStatus.SEE_OTHER);
            }
            case Accounts.SignIn.Refused refused -> {
                ctx.header("Retry-After", Long.toString(Math.max(1, refused.refusal().retryAfter().toSeconds())));
                renderLogin(ctx, 429, email, next, refused.refusal().message());
            }
            case Accounts.SignIn.WrongCredentials wrong ->
                    renderLogin(ctx, 401, email, next, "That email address and password do not match a staff account.");
        }
    }

    private void logout(Context ctx) {
        accounts.signOut(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    private void dashboard(Context ctx) {
        StaffMember member = accounts.requireStaff(ctx, Role.CONTRIBUTOR);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("staff", member);
        params.put("csrf", web.csrf().token(ctx));
        render(ctx, 200, "accounts/dashboard.jte", params);
    }

    private void staffList(Context ctx) {
        StaffMember member = accounts.requireStaff(ctx, Role.ADMIN);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("staff", member);
        params.put("csrf", web.csrf().token(ctx));
        params.put("members", accounts.staff());
        render(ctx, 200, "accounts/staff.jte", params);
    }

    private void whoami(Context ctx) throws Exception {
        ApiClient client = accounts.requireApiToken(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", client.id());
        body.put("name", client.name());
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(web.json().writeValueAsBytes(body));
    }

    private void renderLogin(Context ctx, int status, String email, String next, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", web.csrf().token(ctx));
        params.put("email", email);
        params.put("next", next);
        params.put("error", error);
        render(ctx, status, "accounts/login.jte", params);
    }

    private void render(Context ctx, int status, String template, Map<String, Object> params) {
        web.page(ctx, status, template, params);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
