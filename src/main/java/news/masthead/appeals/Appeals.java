package news.masthead.appeals;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.accounts.Reader;
import news.masthead.membership.Membership;
import news.masthead.membership.Plan;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Appeals: the "Dear Reader" prompts that ask readers to support the journalism, honestly and not
 * too often. Staff write them in {@code /admin/appeals}; article pages (cached for everyone) load
 * {@code appeal.js}, which asks {@code GET /appeals/next} whether this view shows one and honours
 * the reader's X, "Show me later" and "Don't show it again".
 *
 * <p>The rules live in {@code AppealRules} and run on the server's clock; what a browser remembers
 * travels with each request from its own storage and is checked here ({@code BrowserState}); what a
 * signed-in reader chose is kept on the account and honoured on every device. Results are counted
 * per appeal, variant and day, never per reader.
 */
public final class Appeals {
    /** The article page's script, with its content hash. */
    public static final String SCRIPT_URL = new Assets().url("appeal.js");
    static final String CSS_URL = new Assets().url("appeal.css");
    private static final Logger log = LoggerFactory.getLogger(Appeals.class);
    private static final Pattern ATTRIBUTION = Pattern.compile("appeal:([0-9]{1,15}):([A-D])");

    private final Jdbi jdbi;
    private final Clock clock;
    private final Membership membership;
    private final AppealPages pages;

    /**
     * @param currentReader the signed-in reader of a request, if any ({@code Accounts::currentReader})
     * @param requireEditor the name of the signed-in staff member with at least the editor role, or a refusal
     */
    public Appeals(Database database, Web web, Clock clock, Membership membership,
                   Function<Context, Optional<Reader>> currentReader, Function<Context, String> requireEditor) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.membership = membership;
        this.pages = new AppealPages(this, web, currentReader, requireEditor);
    }

    public void routes(RoutesConfig routes) {
        pages.routes(routes);
    }

    /** What one article view shows, and the browser's state to keep. */
    record Next(Instant now, BrowserState state, Optional<AppealRules.Shown> shown, boolean signedIn, boolean carry) {
    }

    /**
     * One article view in {@code section}: counts the view in the browser's state, applies the rules
     * and, when an appeal shows, counts its impression and starts the caps.
     *
     * @param rawState the browser's stored state (anything; checked)
     * @param closed   appeal ids closed with X in this visit, comma separated (anything; checked)
     */
    Next next(String section, String rawState, String closed, Optional<Reader> reader) {
        Instant now = clock.instant();
        BrowserState state = BrowserState.parse(rawState, now).viewed(now);
        if (reader.isEmpty()) {
            state = state.synced(false);
        }
        Set<String> entitlements = membership.entitlements().of(reader.orElse(null), now);
        Map<Long, Instant> account = reader.map(r -> jdbi.withHandle(h -> AppealRows.choices(h, r.id()))).orElse(Map.of());
        List<AppealRules.Candidate> candidates = jdbi.withHandle(h -> AppealRows.active(h, now)).stream()
                .map(a -> new AppealRules.Candidate(a, grants(a))).toList();
        AppealRules.View view = new AppealRules.View(now, section, state, ids(closed), entitlements, account,
                reader.map(Reader::id).orElse(null));
        Optional<AppealRules.Shown> shown = AppealRules.decide(view, candidates, caps());
        if (shown.isPresent()) {
            state = state.showedAt(now);
            count(shown.get().appeal().id(), shown.get().variant().key(), "impression");
        }
        return new Next(now, state, shown, reader.isPresent(), reader.isPresent() && !state.synced() && state.hasChoices());
    }

    /**
     * A reader's answer to an appeal shown to them: {@code close} (X, for this visit: the browser
     * keeps it), {@code snooze} ("Show me later"), {@code dismiss} ("Don't show it again"),
     * {@code never} (no appeals at all) or {@code click} (the call to action). Counted; snoozes and
     * dismissals go into the browser's state and, for a signed-in reader, onto the account.
     */
    BrowserState answer(String event, String appealId, String variant, String rawState, Optional<Reader> reader) {
        Instant now = clock.instant();
        long id = parseId(appealId);
        Appeal appeal = find(id).orElseThrow(() -> WebError.badRequest("appeal", "No such appeal."));
        if (variant == null || appeal.variant(variant).isEmpty()) {
            throw WebError.badRequest("variant", "The appeal has no such variant.");
        }
        BrowserState state = BrowserState.parse(rawState, now);
        switch (event == null ? "" : event) {
            case "close", "click" -> count(id, variant, event);
            case "snooze" -> {
                Instant until = now.plus(Duration.ofDays(caps().snoozeDays()));
                state = state.snoozed(id, until);
                reader.ifPresent(r -> jdbi.useHandle(h -> AppealRows.choose(h, r.id(), id, until, now)));
                count(id, variant, "snooze");
            }
            case "dismiss", "never" -> {
                boolean all = event.equals("never");
                state = all ? state.withNoAppeals() : state.dismissedForGood(id);
                reader.ifPresent(r -> jdbi.useHandle(h -> AppealRows.choose(h, r.id(), all ? AppealRules.EVERY_APPEAL : id, null, now)));
                count(id, variant, "dismiss");
            }
            default -> throw WebError.badRequest("event", "The event must be close, snooze, dismiss, never or click.");
        }
        return state;
    }

    /**
     * Carries the choices a browser made before signing in onto the reader's account, so they hold on
     * every device; a dismissal wins over a snooze, and the later end of two snoozes wins.
     */
    BrowserState carry(String rawState, Reader reader) {
        Instant now = clock.instant();
        BrowserState state = BrowserState.parse(rawState, now);
        jdbi.useTransaction(h -> {
            if (state.noAppeals()) {
                AppealRows.choose(h, reader.id(), AppealRules.EVERY_APPEAL, null, now);
            }
            for (long id : state.dismissed()) {
                AppealRows.choose(h, reader.id(), id, null, now);
            }
            for (Map.Entry<Long, Instant> z : state.snoozes().entrySet()) {
                AppealRows.choose(h, reader.id(), z.getKey(), z.getValue(), now);
            }
        });
        return state.synced(true);
    }

    /**
     * A reader's appeal choices for their data export: which appeal (or every appeal) they snoozed until
     * when or dismissed for good, and when they chose it.
     */
    public List<Map<String, Object>> exportFor(long readerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select c.appeal_id, a.name, c.until, c.chosen_at from appeal_choices c left join appeals a on a.id = c.appeal_id
                        where c.reader_id = :r order by c.chosen_at""").bind("r", readerId).map((rs, ctx) -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    long appeal = rs.getLong("appeal_id");
                    String name = rs.getString("name");
                    m.put("appeal", appeal == AppealRules.EVERY_APPEAL ? "every appeal" : name == null ? "appeal " + appeal : name);
                    java.sql.Timestamp until = rs.getTimestamp("until");
                    m.put("choice", until == null ? "don't show it again" : "show me later");
                    m.put("until", until == null ? null : until.toInstant());
                    m.put("chosenAt", rs.getTimestamp("chosen_at").toInstant());
                    return m;
                }).list());
    }

    /** Forgets a reader's appeal choices (their account is being erased). */
    public void forgetReader(long readerId) {
        jdbi.useHandle(h -> h.createUpdate("delete from appeal_choices where reader_id = :r").bind("r", readerId).execute());
    }

    /**
     * Counts a conversion when a subscription starts from an appeal's call to action: the
     * attribution {@code appeal:<id>:<variant>} that membership carried through checkout. Anything
     * else (no attribution, another source, an appeal since deleted) is ignored.
     */
    public void converted(String attribution) {
        if (attribution == null) {
            return;
        }
        Matcher m = ATTRIBUTION.matcher(attribution);
        if (!m.matches()) {
            return;
        }
        long id = Long.parseLong(m.group(1));
        find(id).filter(a -> a.variant(m.group(2)).isPresent()).ifPresent(a -> count(id, m.group(2), "conversion"));
    }

    // ---- staff

    List<Appeal> all() {
        return jdbi.withHandle(AppealRows::all);
    }

    Optional<Appeal> find(long id) {
        return jdbi.withHandle(h -> AppealRows.find(h, id));
    }

    long create(AppealDraft draft) {
        checkPlan(draft);
        return jdbi.inTransaction(h -> AppealRows.insert(h, draft, clock.instant()));
    }

    void update(long id, AppealDraft draft) {
        checkPlan(draft);
        if (!jdbi.inTransaction(h -> AppealRows.update(h, id, draft, clock.instant()))) {
            throw WebError.notFound("No such appeal.");
        }
    }

    /** Deletes an appeal never shown; one with results can only be switched off (409), so its counts stay. */
    void delete(long id) {
        jdbi.useTransaction(h -> {
            AppealRows.find(h, id).orElseThrow(() -> WebError.notFound("No such appeal."));
            if (AppealRows.everShown(h, id)) {
                throw WebError.conflict("This appeal has results: switch it off instead.");
            }
            AppealRows.delete(h, id);
        });
    }

    public FrequencyCaps caps() {
        return jdbi.withHandle(AppealRows::caps);
    }

    public void saveCaps(FrequencyCaps caps) {
        jdbi.useHandle(h -> AppealRows.saveCaps(h, caps));
    }

    /** An appeal's results over the 30 days up to today (UTC). */
    Results results(long id) {
        Appeal appeal = find(id).orElseThrow(() -> WebError.notFound("No such appeal."));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = today.minusDays(29);
        return Results.of(appeal, jdbi.withHandle(h -> AppealRows.counts(h, id, LocalDate.EPOCH)), from, today);
    }

    Optional<Plan> plan(Appeal appeal) {
        return appeal.planId() == null ? Optional.empty() : membership.plan(appeal.planId());
    }

    List<Plan> plans() {
        return membership.activePlans();
    }

    /**
     * Creates the demo's "Dear Reader" appeal unless there is one: signed by the publisher and the
     * editor, offering the monthly plan, two variants, shown after 3 article views. The demo loader
     * calls it after the demo plans exist.
     */
    public void ensureDemoAppeal() {
        if (!all().isEmpty()) {
            return;
        }
        Plan plan = plans().stream().filter(p -> p.billing() == Plan.Billing.MONTH).findFirst().orElse(null);
        String price = plan == null ? "$5" : plan.priceLabel().replace(" / month", "").replaceAll("\\.00$", "");
        Map<String, String> form = new java.util.HashMap<>(Map.of(
                "name", "Dear Reader (demo)",
                "signatories", "Margaret Okafor, Publisher and CEO\nDaniel Reyes, Editor",
                "format", "dialog", "minViews", "3", "audience", "all", "active", "on",
                "titleA", "Dear Reader"));
        form.put(
"bodyA", """
                        You have read a few of our stories lately. We are glad you are here.

                        Everything we publish stays open to everyone: no paywall, ever. That only works because \
                        readers who can afford it chip in. If our reporting is worth something to you, become a member.""");
        form.put("ctaA", "Upgrade your experience for " + price + " per month");
        form.put("titleB", "Keep local news open for everyone");
        form.put("bodyB", """
                        Reporters at city hall, in the courts and on the school board: that is what your support pays for.

                        Members keep this site free for every reader, and get a little more for themselves.""");
        form.put("ctaB", "Become a member for " + price + " per month");
        form.put("weightA", "50");
        form.put("weightB", "50");
        if (plan != null) {
            form.put("plan", Long.toString(plan.id()));
        }
        create(AppealDraft.parse(form::get));
    }

    Clock clock() {
        return clock;
    }

    static String cssUrl() {
        return CSS_URL;
    }

    private Set<String> grants(Appeal appeal) {
        return plan(appeal).map(p -> Set.copyOf(p.entitlements())).orElse(Set.of());
    }

    private void checkPlan(AppealDraft draft) {
        if (draft.planId() != null && membership.plan(draft.planId()).isEmpty()) {
            throw WebError.badRequest("plan", "No such plan.");
        }
    }

    private void count(long appealId, String variant, String event) {
        try {
            jdbi.useHandle(h -> AppealRows.count(h, appealId, variant, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), event));
        } catch (RuntimeException e) {
            // an appeal deleted a moment ago: nothing to count on
            log.debug("Could not count {} for appeal {}", event, appealId, e);
        }
    }

    private static long parseId(String raw) {
        if (raw != null && raw.matches("[0-9]{1,15}") && Long.parseLong(raw) > 0) {
            return Long.parseLong(raw);
        }
        throw WebError.badRequest("appeal", "Not a valid appeal number.");
    }

    /** Appeal ids from the browser's session storage; anything else is left out. */
    static Set<Long> ids(String raw) {
        if (raw == null || raw.length() > 400) {
            return Set.of();
        }
        return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> s.matches("[0-9]{1,15}"))
                .map(Long::parseLong).limit(50).collect(Collectors.toUnmodifiableSet());
    }
}
