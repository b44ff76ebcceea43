package news.masthead.membership;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import news.masthead.accounts.Reader;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.PageMeta;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** Membership's routes, thin: parse, call {@link Membership}, render {@code src/main/jte/membership/*}. */
final class MembershipPages {
    private final Membership membership;
    private final Web web;
    private final Function<Context, Reader> requireReader;
    private final BiFunction<Context, String, String> requireStaff;
    private final Supplier<PageMeta.SiteFrame> frame;
    private final StripeWebhooks webhooks;
    private final StripeCheckout stripe;
    private final Supplier<String> baseUrl;

    MembershipPages(Membership membership, Web web, Function<Context, Reader> requireReader,
                    BiFunction<Context, String, String> requireStaff, Supplier<PageMeta.SiteFrame> frame, StripeWebhooks webhooks,
                    Supplier<String> baseUrl) {
        this.membership = membership;
        this.web = web;
        this.requireReader = requireReader;
        this.requireStaff = requireStaff;
        this.frame = frame;
        this.webhooks = webhooks;
        this.baseUrl = baseUrl;
        this.stripe = membership.stripe();
    }

    void routes(RoutesConfig routes) {
        routes.get("/membership", this::plansPage);
        routes.get("/membership/checkout/{plan}", this::checkoutPage);
        routes.post("/membership/checkout/{plan}", this::checkout);
        routes.post("/membership/cancel", this::cancel);
        routes.post("/membership/portal", this::portal);
        routes.post("/webhooks/stripe", this::stripeWebhook);
        routes.get("/admin/membership", this::adminPage);
        routes.post("/admin/membership/plans", this::createPlan);
        routes.post("/admin/membership/plans/{plan}/archive", this::archivePlan);
        routes.post("/admin/membership/plans/{plan}/delete", this::deletePlan);
        routes.post("/admin/membership/complimentary", this::grantComplimentary);
    }

    private void plansPage(Context ctx) {
        Map<String, Object> params = new HashMap<>();
        params.put("plans", membership.activePlans());
        params.put("via", Membership.attribution(ctx.queryParam("appeal"), ctx.queryParam("variant")));
        render(ctx, 200, "membership/plans.jte", "Membership", params);
    }

    /** The plan a reader may check out: known and not archived (an archived one is a 409 with a way back). */
    private Plan joinable(Context ctx) {
        Plan plan = membership.plan(id(ctx.pathParam("plan"), "plan")).orElseThrow(() -> WebError.notFound("No such plan."));
        if (plan.archived()) {
            throw WebError.conflict("The plan '" + plan.name() + "' is no longer offered; choose another at /membership.");
        }
        return plan;
    }

    private void checkoutPage(Context ctx) {
        Reader reader = requireReader.apply(ctx);
        Plan plan = joinable(ctx);
        if (stripe != null) {
            var url = stripe.begin(reader, plan, baseUrl.get());
            if (url.isEmpty()) {
                unavailable(ctx);
                return;
            }
            ctx.header("Cache-Control", "no-store").redirect(url.get(), HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> params = new HashMap<>(Map.of("plan", plan, "reader", reader, "csrf", web.csrf().token(ctx)));
        params.put("via", Membership.attribution(ctx.queryParam("via")));
        render(ctx, 200, "membership/checkout.jte", "Test checkout", params);
    }

    /** The demo provider's outcome: success starts the membership, failure changes nothing. */
    private void checkout(Context ctx) {
        Reader reader = requireReader.apply(ctx);
        Plan plan = joinable(ctx);
        if (stripe != null) {
            throw WebError.notFound("There is no test checkout: this site takes payments through Stripe.");
        }
        String outcome = ctx.formParam("outcome");
        if ("succeed".equals(outcome)) {
            Subscription s = membership.join(reader, plan.id(), Membership.DEMO, "demo_" + UUID.randomUUID(), "reader:" + reader.id(),
                    Membership.attribution(ctx.formParam("via")));
            render(ctx, 200, "membership/welcome.jte", "Welcome", Map.of("plan", plan, "subscription", s));
        } else if ("fail".equals(outcome)) {
            render(ctx, 402, "membership/declined.jte", "Payment declined", Map.of("plan", plan));
        } else {
            throw WebError.badRequest("outcome", "Choose whether the test payment succeeds or fails.");
        }
    }

    private void cancel(Context ctx) {
        Reader reader = requireReader.apply(ctx);
        membership.cancelOwn(reader);
        ctx.header("Cache-Control", "no-store").redirect("/account", HttpStatus.SEE_OTHER);
    }

    /** Sends a Stripe member to Stripe's customer portal to change their card or cancel. */
    private void portal(Context ctx) {
        Reader reader = requireReader.apply(ctx);
        if (stripe == null) {
            throw WebError.notFound("This site takes no card payments: there is no billing portal.");
        }
        String customer = membership.stripeCustomer(reader)
                .orElseThrow(() -> WebError.conflict("You have no membership paid through Stripe."));
        var url = stripe.portal(customer, baseUrl.get() + "/account");
        if (url.isEmpty()) {
            unavailable(ctx);
            return;
        }
        ctx.header("Cache-Control", "no-store").redirect(url.get(), HttpStatus.SEE_OTHER);
    }

    /** The payment provider is down or refused: say so kindly; nothing was charged or created. */
    private void unavailable(Context ctx) {
        ctx.header("Retry-After", "300");
        render(ctx, 503, "membership/notice.jte", "Payments unavailable", Map.of("heading", "Payments are unavailable",
                "message", "We could not reach our payment provider just now. Nothing was charged and nothing was created; please try again in a few minutes."));
    }

    private void stripeWebhook(Context ctx) {
        String outcome = webhooks.receive(ctx.header("Stripe-Signature"), ctx.body());
        ctx.header("Cache-Control", "no-store").json(Map.of("received", true, "outcome", outcome));
    }

    private void adminPage(Context ctx) {
        String staff = requireStaff.apply(ctx, "editor");
        Map<String, Object> params = new HashMap<>();
        params.put("plans", membership.plans());
        params.put("staffName", staff);
        params.put("csrf", web.csrf().token(ctx));
        params.put("notice", switch (ctx.queryParam("done") == null ? "" : ctx.queryParam("done")) {
            case "created" -> "The plan is saved.";
            case "archived" -> "The plan is archived: readers can no longer join it.";
            case "restored" -> "The plan is offered again.";
            case "deleted" -> "The plan is deleted.";
            case "granted" -> "The complimentary membership is granted.";
            default -> null;
        });
        web.page(ctx, "membership/admin.jte", params);
    }

    private void createPlan(Context ctx) {
        requireStaff.apply(ctx, "editor");
        PlanDraft draft = PlanDraft.parse(ctx.formParam("name"), ctx.formParam("price"), ctx.formParam("currency"),
                ctx.formParam("billing"), ctx.formParam("trialDays"), ctx.formParam("benefits"), ctx.formParam("entitlements"));
        membership.createPlan(draft);
        back(ctx, "created");
    }

    private void archivePlan(Context ctx) {
        requireStaff.apply(ctx, "editor");
        boolean archived = !"false".equals(ctx.formParam("archived"));
        membership.archivePlan(id(ctx.pathParam("plan"), "plan"), archived);
        back(ctx, archived ? "archived" : "restored");
    }

    private void deletePlan(Context ctx) {
        requireStaff.apply(ctx, "editor");
        membership.deletePlan(id(ctx.pathParam("plan"), "plan"));
        back(ctx, "deleted");
    }

    private void grantComplimentary(Context ctx) {
        String staff = requireStaff.apply(ctx, "editor");
        String email = ctx.formParam("email");
        long plan = id(ctx.formParam("plan"), "plan");
        LocalDate until;
        try {
            until = LocalDate.parse(ctx.formParam("until") == null ? "" : ctx.formParam("until").strip());
            if (until.getYear() > 9999) {
                throw new DateTimeParseException("too far", "", 0);
            }
        } catch (DateTimeParseException e) {
            throw WebError.badRequest("until", "The end date must be a date such as 2027-01-31.");
        }
        Instant end = until.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (email != null && !email.isBlank()) {
            membership.grantComplimentary(email, plan, end, staff);
        } else if (ctx.formParam("reader") != null && !ctx.formParam("reader").isBlank()) {
            membership.grantComplimentary(id(ctx.formParam("reader"), "reader"), plan, end, staff);
        } else {
            throw WebError.badRequest("email", "Enter the reader's email address.");
        }
        back(ctx, "granted");
    }

    private static void back(Context ctx, String done) {
        ctx.header("Cache-Control", "no-store").redirect("/admin/membership?done=" + done, HttpStatus.SEE_OTHER);
    }

    private static long id(String raw, String field) {
        try {
            long id = Long.parseLong(raw == null ? "" : raw.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw WebError.badRequest(field, "Not a valid " + field + " number.");
    }

    private void render(Context ctx, int status, String template, String title, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("meta", new PageMeta(title, null, null, "website", null, null, List.of(), frame.get(), !template.endsWith("plans.jte")));
        web.page(ctx, status, template, all);
    }
}
