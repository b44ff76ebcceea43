package news.masthead.privacy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.accounts.Accounts;
import news.masthead.accounts.Reader;
import news.masthead.comments.Comments;
import news.masthead.consent.Consent;
import news.masthead.membership.Membership;
import news.masthead.platform.audit.StaffAction;
import news.masthead.platform.audit.StaffAudit;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.mail.Message;
import news.masthead.platform.web.Web;
import news.masthead.site.PageMeta;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Readers' privacy rights and the publisher's records of them: a reader's data as one JSON file,
 * erasing an account, the staff audit log, and the retention job.
 *
 * <p>Each feature contributes its own part through its entry class ({@code Accounts.exportFor},
 * {@code Membership.exportFor}, {@code Comments.exportFor}, {@code Consent.exportFor};
 * {@code Membership.cancelAllFor}, {@code Comments.forgetReader}, {@code Accounts.erase}); this class
 * only composes them and reads none of their tables.
 */
public final class Privacy {
    private static final Logger log = LoggerFactory.getLogger(Privacy.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Mailer mailer;
    private final Accounts accounts;
    private final Membership membership;
    private final Comments comments;
    private final Consent consent;
    private final Supplier<String> siteName;
    private final AuditLog audit;
    private final PrivacySettings.Rows settings;
    private final Retention retention;
    private final PrivacyPages pages;

    /**
     * @param frame        the public site's layout frame ({@code Site::frame}); its name signs the mails
     * @param requireAdmin the signed-in admin's name, or a refusal (the audit log, settings and staff
     *                     erasure are for admins only)
     */
    private final List<Part> parts = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Privacy(Database database, Web web, Clock clock, Mailer mailer, Accounts accounts, Membership membership,
                   Comments comments, Consent consent, Supplier<PageMeta.SiteFrame> frame,
                   Function<Context, String> requireAdmin) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.mailer = mailer;
        this.accounts = accounts;
        this.membership = membership;
        this.comments = comments;
        this.consent = consent;
        this.siteName = () -> frame.get().name();
        this.audit = new AuditLog(jdbi, clock);
        this.settings = new PrivacySettings.Rows(jdbi);
        this.retention = new Retention(accounts, mailer, settings::load);
        this.pages = new PrivacyPages(this, web, accounts, frame, requireAdmin);
    }

    /** Where features record staff actions on readers (hand it to {@code Comments.auditTo}, {@code Membership.auditTo}). */
    public StaffAudit audit() {
        return audit;
    }

    public void routes(RoutesConfig routes) {
        pages.routes(routes);
    }

    /** The retention job, for the node's {@code platform.jobs.Jobs} (each run happens on one node of the cluster). */
    public news.masthead.platform.jobs.Jobs.Job job() {
        return retention.job();
    }

    /**
     * Everything Masthead keeps about a reader, as one JSON-ready map. {@code browser} is the request
     * of the reader's own browser, whose consent cookie names its consent records; null when staff
     * export a reader's data (consent records are tied to browsers, not accounts).
     */
    public Map<String, Object> exportFor(Reader reader, Context browser) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exportedAt", clock.instant());
        out.put("site", siteName.get());
        out.put("account", accounts.exportFor(reader.id()).orElseThrow(() -> news.masthead.platform.web.WebError.notFound("No such reader.")));
        out.put("membership", membership.exportFor(reader.id()));
        out.put("comments", comments.exportFor(reader.id()));
        out.put("consent", browser == null ? Map.of("note", "Consent choices are recorded per browser, not per account;"
                + " the reader can download them from their own browser.") : consent.exportFor(browser));
        parts.forEach(part -> out.put(part.name(), part.export().apply(reader.id())));
        return out;
    }

    /**
     * What another feature keeps about a reader (appeal choices, say): its part of the export under
     * {@code name}, and what it forgets when the reader is erased. For features built after this one.
     */
    public void addPart(String name, java.util.function.LongFunction<Object> export, java.util.function.LongConsumer forget) {
        parts.add(new Part(name, export, forget));
    }

    private record Part(String name, java.util.function.LongFunction<Object> export, java.util.function.LongConsumer forget) {
    }

    /** Staff download a reader's data: the same export, recorded in the audit log. */
    Map<String, Object> exportForStaff(Reader reader, String staffName) {
        Map<String, Object> data = exportFor(reader, null);
        audit.record(new StaffAction(StaffAction.staff(staffName), "reader.export", reader.id(), "downloaded the reader's data"));
        return data;
    }

    /**
     * Erases a reader's account: their subscriptions are cancelled, their comments anonymised or
     * removed (the site's setting), their sessions and sign-in links go, the account can never be
     * used again, a goodbye mail goes to the address they had, and an audit row records who did it.
     * The consent log is kept: it never named the reader. Subscriptions paid through Stripe are
     * cancelled at Stripe first; if Stripe refuses or cannot be reached, a 503 {@code WebError} is
     * thrown and nothing is erased. Erasures of one reader are serialised across
     * the cluster; erasing an erased (or unknown) reader does nothing and returns false.
     *
     * @param actor {@code reader} for the reader's own request, else {@link StaffAction#staff(String)}
     */
    public boolean erase(long readerId, String actor) {
        return jdbi.withHandle(lock -> {
            lock.execute("select pg_advisory_lock(8135, ?)", (int) readerId);
            try {
                Optional<Reader> reader = accounts.reader(readerId);
                if (reader.isEmpty()) {
                    return false;
                }
                int cancelled = membership.cancelAllFor(readerId, actor.equals("reader") ? "reader:" + readerId : actor);
                PrivacySettings s = settings.load();
                int changed = comments.forgetReader(readerId, s.commentErasure());
                parts.forEach(part -> part.forget().accept(readerId));
                Optional<String> email = accounts.erase(readerId);
                if (email.isEmpty()) {
                    return false;
                }
                String detail = "account erased; " + cancelled + " subscription(s) cancelled; " + changed + " comment(s) "
                        + (s.commentErasure() == Comments.Erasure.REMOVE ? "removed" : "anonymised");
                jdbi.useTransaction(h -> {
                    audit.record(h, new StaffAction(actor, "reader.erase", readerId, detail));
                    if (Message.isAddress(email.get())) {
                        mailer.send(h, goodbye(email.get(), actor.equals("reader"), s.commentErasure()));
                    }
                });
                log.info("Reader {} erased by {}: {}", readerId, actor, detail);
                return true;
            } finally {
                lock.execute("select pg_advisory_unlock(8135, ?)", (int) readerId);
            }
        });
    }

    private Message goodbye(String email, boolean own, Comments.Erasure erasure) {
        String site = siteName.get();
        return new Message(email, "Your account at " + site + " is deleted", """
                Hello,

                %s

                Your sign-in sessions and links are gone, your membership (if you had one) is cancelled, and %s. \
                This address is no longer stored with us; this mail is the last we send to it.

                If you did not ask for this, reply to this mail.
                """.formatted(own ? "As you asked, your account at " + site + " is deleted."
                : "Your account at " + site + " was deleted by the site's staff.",
                erasure == Comments.Erasure.REMOVE ? "your comments are removed"
                        : "your comments stay under the name \"" + Comments.DELETED_READER + "\""));
    }

    // ---- for the pages and tests

    PrivacySettings settings() {
        return settings.load();
    }

    void saveSettings(PrivacySettings s, String staffName) {
        settings.save(s);
        audit.record(new StaffAction(StaffAction.staff(staffName), "privacy.settings", null,
                "comments " + s.erasureKey() + ", links " + s.keepSignInLinksDays() + " d, login attempts "
                        + s.keepLoginAttemptsDays() + " d, sent mail " + s.keepSentMailDays() + " d"));
    }

    java.util.List<AuditEntry> auditLog(Long readerId, int limit) {
        return audit.latest(readerId, limit);
    }

    /** Runs the retention purge now, on this node (the job's body). */
    Retention.Purged runRetention() {
        return retention.run();
    }

    Clock clock() {
        return clock;
    }
}
