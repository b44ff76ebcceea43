package news.masthead.comments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.accounts.Reader;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.mail.Message;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reader comments under articles: who may write (a policy per site, section and article), threads
 * two levels deep, editing for a short while, deleting one's own, reporting, closing by staff or by
 * age, moderation (first comments held, held words, too many links, bans, rate limits) and reply
 * mail. Comments never enter the cached article page: the page loads them as a fragment.
 */
public final class Comments {
    /** How long the author may edit a comment. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);
    /** A reader's first comments wait for staff until this many were approved. */
    static final int PRE_MODERATED = 2;
    /** More links than this and the comment waits for staff. */
    static final int MAX_LINKS = 2;
    static final Duration FLOOD_GAP = Duration.ofSeconds(20);
    static final int PER_HOUR = 20;
    static final String CLOSED = "Comments are closed.";
    /** The comments loader the article page links, with its content hash (cached for a year). */
    public static final String SCRIPT_URL = new news.masthead.platform.web.Assets().url("comments.js");
    /** The name an erased reader's kept comments show. */
    public static final String DELETED_READER = "Deleted reader";

    /** What becomes of an erased reader's comments (a site setting the privacy feature keeps). */
    public enum Erasure {
        /** The comments stay, under the name "Deleted reader". */
        ANONYMISE,
        /** The comments' text goes; each place in its thread stays as "Comment deleted." */
        REMOVE
    }

    private final Database database;
    private final Newsroom newsroom;
    private final Mailer mailer;
    private final Clock clock;
    private final Predicate<Reader> isMember;
    private final Predicate<String> isStaffEmail;
    private final Supplier<String> baseUrl;
    private final CommentRows rows = new CommentRows();
    private final CommentRoutes routes;
    private volatile news.masthead.platform.audit.StaffAudit audit = news.masthead.platform.audit.StaffAudit.NONE;
    private final List<java.util.function.LongConsumer> countListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param isMember     whether a reader is a member, for the {@code members} policy; until a
     *                     membership feature exists, wire {@code reader -> false} (nobody is a member)
     * @param isStaffEmail whether an address belongs to a staff account (their comments get a badge
     *                     and skip pre-moderation)
     * @param currentReader the signed-in reader of a request
     * @param requireEditor the name of the signed-in staff member of at least the editor role
     */
    public Comments(Database database, Newsroom newsroom, Mailer mailer, Web web, Clock clock,
                    Predicate<Reader> isMember, Predicate<String> isStaffEmail, Supplier<String> baseUrl,
                    Function<Context, Optional<Reader>> currentReader, Function<Context, Reader> requireReader,
                    Function<Context, String> requireEditor,
                    Supplier<news.masthead.site.PageMeta.SiteFrame> frame) {
        this.database = database;
        this.newsroom = newsroom;
        this.mailer = mailer;
        this.clock = clock;
        this.isMember = isMember;
        this.isStaffEmail = isStaffEmail;
        this.baseUrl = baseUrl;
        this.routes = new CommentRoutes(this, web, currentReader, requireReader, requireEditor, frame);
    }

    public void routes(RoutesConfig config) {
        routes.register(config);
    }

    /** Where staff moderation (approve, reject, ban) is recorded, in the same transaction. */
    public void auditTo(news.masthead.platform.audit.StaffAudit audit) {
        this.audit = java.util.Objects.requireNonNull(audit);
    }

    /**
     * Called with an article's id after a change that may alter how many comments readers see under it
     * (posted and shown, approved, rejected, deleted, an author's comments removed). {@code app} purges
     * the cached pages that show the count.
     */
    public void onCountChange(java.util.function.LongConsumer listener) {
        countListeners.add(listener);
    }

    private void countChanged(long articleId) {
        countListeners.forEach(l -> l.accept(articleId));
    }

    /** How many comments readers see under one article (deleted, held and rejected ones not counted). */
    public int count(long articleId) {
        return counts(List.of(articleId)).getOrDefault(articleId, 0);
    }

    /** Everything comments keeps about a reader, as plain values for their data export. */
    public Map<String, Object> exportFor(long readerId) {
        return database.jdbi().withHandle(h -> rows.export(h, readerId));
    }

    /**
     * Forgets a reader whose account is being erased: their comments are anonymised or removed as
     * {@code erasure} says, their reply-mail address, reports and ban go. Returns how many comments
     * were changed; calling it again changes nothing more.
     */
    public int forgetReader(long readerId, Erasure erasure) {
        List<Long> articles = new ArrayList<>();
        int changed = database.jdbi().inTransaction(h -> {
            articles.addAll(h.createQuery("select distinct article_id from comments where reader_id = :r").bind("r", readerId)
                    .mapTo(Long.class).list());
            return rows.forget(h, readerId, erasure == Erasure.REMOVE, DELETED_READER, clock.instant());
        });
        if (erasure == Erasure.REMOVE) {
            articles.forEach(this::countChanged);
        }
        return changed;
    }

    /** Shown comments per article (deleted, held and rejected ones not counted); absent ids count 0. */
    public Map<Long, Integer> counts(Collection<Long> articleIds) {
        return database.jdbi().withHandle(h -> rows.counts(h, articleIds));
    }

    /** The comments under a live article as {@code reader} (or nobody) sees them; 404 for other articles. */
    public Conversation conversation(long articleId, Optional<Reader> reader) {
        LiveArticle article = article(articleId);
        List<Comment> all = database.jdbi().withHandle(h -> rows.onArticle(h, articleId));
        Map<Long, Conversation.Thread> threads = new LinkedHashMap<>();
        Predicate<Comment> visible = c -> !c.held() || reader.map(r -> r.id() == c.readerId()).orElse(false);
        for (Comment c : all) {
            if (c.parentId() == null && visible.test(c)) {
                threads.put(c.id(), new Conversation.Thread(c, new ArrayList<>()));
            }
        }
        // replies in a second pass: an imported reply may carry an earlier time than its parent
        for (Comment c : all) {
            if (c.parentId() != null && visible.test(c) && threads.containsKey(c.parentId())) {
                threads.get(c.parentId()).replies().add(c);
            }
        }
        boolean open = open(article);
        String why = refusal(article, open, reader.orElse(null));
        return new Conversation(articleId, article.path(), article.headline(), List.copyOf(threads.values()), open,
                why == null, why, reader.isPresent(), reader.map(Reader::id).orElse(null));
    }

    /** The policy in force for an article: the article's own, else its section's, else the site's. */
    public Policy policy(long articleId) {
        return database.jdbi().withHandle(h -> policy(h, article(articleId)));
    }

    /** Whether an article takes comments now: a staff closing or reopening wins, else it closes N days after publishing. */
    public boolean open(long articleId) {
        return open(article(articleId));
    }

    /** Sets who may comment site-wide (never null there). */
    public void setSitePolicy(Policy policy) {
        database.jdbi().useHandle(h -> rows.setPolicy(h, "site", 0, java.util.Objects.requireNonNull(policy)));
    }

    /** Sets who may comment in a section; null inherits the site's. */
    public void setSectionPolicy(long sectionId, Policy policy) {
        database.jdbi().useHandle(h -> rows.setPolicy(h, "section", sectionId, policy));
    }

    /** Sets who may comment on one article; null inherits its section's. */
    public void setArticlePolicy(long articleId, Policy policy) {
        database.jdbi().useHandle(h -> rows.setPolicy(h, "article", articleId, policy));
    }

    /** Days after publishing until comments close, site-wide (default 14). */
    public void setSiteCloseAfterDays(int days) {
        checkDays(days);
        database.jdbi().useHandle(h -> rows.setCloseAfterDays(h, "site", 0, days));
    }

    /** Days after publishing until comments close in a section; null inherits the site's. */
    public void setSectionCloseAfterDays(long sectionId, Integer days) {
        if (days != null) {
            checkDays(days);
        }
        database.jdbi().useHandle(h -> rows.setCloseAfterDays(h, "section", sectionId, days));
    }

    /** What the site, each section and each article that sets anything says, for the settings page. */
    public List<ScopeSetting> settings() {
        return database.jdbi().withHandle(h -> {
            List<ScopeSetting> out = new ArrayList<>();
            CommentRows.Setting site = rows.setting(h, "site", 0).orElse(new CommentRows.Setting(null, null));
            out.add(new ScopeSetting("site", 0, "Whole site", site.policy(), site.closeAfterDays()));
            Map<Long, CommentRows.Setting> sections = rows.settings(h, "section");
            for (news.masthead.newsroom.Section section : newsroom.sections()) {
                CommentRows.Setting set = sections.getOrDefault(section.id(), new CommentRows.Setting(null, null));
                out.add(new ScopeSetting("section", section.id(), section.name(), set.policy(), set.closeAfterDays()));
            }
            rows.settings(h, "article").forEach((id, set) -> {
                if (set.policy() != null) {
                    String name = newsroom.live(id).map(a -> a.headline() + " (article " + id + ")").orElse("Article " + id);
                    out.add(new ScopeSetting("article", id, name, set.policy(), null));
                }
            });
            return out;
        });
    }

    /** Staff closes comments on an article (existing ones stay visible). */
    public void close(long articleId, String staffName) {
        article(articleId);
        database.jdbi().useHandle(h -> rows.setClosing(h, articleId, true, staffName, clock.instant()));
    }

    /** Staff reopens comments on an article, also one closed by age. */
    public void reopen(long articleId, String staffName) {
        article(articleId);
        database.jdbi().useHandle(h -> rows.setClosing(h, articleId, false, staffName, clock.instant()));
    }

    /**
     * A reader writes a comment, or a reply when {@code parentId} is set (a reply to a reply joins
     * the same thread: threads are two levels deep). The comment is held for staff when it is among the
     * reader's first ones, holds a listed word or too many links. {@code honeypot} is the hidden field
     * only robots fill in.
     */
    public Comment post(Reader reader, long articleId, Long parentId, String text, boolean notifyReplies, String honeypot) {
        if (honeypot != null && !honeypot.isEmpty()) {
            throw WebError.badRequest("website", "This comment looks automated, so it was not saved. Leave the 'website' field empty.");
        }
        LiveArticle article = article(articleId);
        String cleaned = checkedText(text);
        Instant now = clock.instant();
        boolean staff = isStaffEmail.test(reader.email());
        long id = database.jdbi().inTransaction(h -> {
            h.createQuery("select 1 from pg_advisory_xact_lock(8105, :r)").bind("r", (int) reader.id()).mapTo(Integer.class).one();
            String why = refusal(h, article, open(h, article), reader);
            if (why != null) {
                throw open(h, article) ? WebError.forbidden(why) : WebError.conflict(why);
            }
            if (rows.postedSince(h, reader.id(), now.minus(FLOOD_GAP)) > 0) {
                throw WebError.tooManyRequests("You are commenting too fast: wait 20 seconds between comments.");
            }
            if (rows.postedSince(h, reader.id(), now.minus(Duration.ofHours(1))) >= PER_HOUR) {
                throw WebError.tooManyRequests("You have written " + PER_HOUR + " comments in the past hour: wait a while.");
            }
            Long parent = null;
            if (parentId != null) {
                Comment p = rows.find(h, parentId).filter(c -> c.articleId() == articleId && !c.held() && !"rejected".equals(c.status()))
                        .orElseThrow(() -> WebError.badRequest("parent", "The comment you reply to is not under this article."));
                parent = p.parentId() == null ? p.id() : p.parentId();
            }
            String held = staff ? null : heldBecause(h, reader, cleaned);
            String name = reader.displayName() == null || reader.displayName().isBlank() ? "Reader " + reader.id() : reader.displayName();
            long newId = rows.insert(h, articleId, parent, reader.id(), name, staff, cleaned, CommentText.html(cleaned),
                    held == null ? "shown" : "held", held, notifyReplies ? reader.email() : null, now);
            if (held == null && parent != null) {
                notifyParent(h, parentId, newId, reader, article);
            }
            return newId;
        });
        Comment posted = find(id);
        if (!posted.held()) {
            countChanged(articleId);
        }
        return posted;
    }

    /** Imported comments may be longer than readers' (old systems had no limit); beyond this they are refused. */
    public static final int MAX_IMPORTED_LENGTH = 20_000;

    /**
     * A comment written in another system, to bring over: its id there ({@code externalId}) and the id of
     * the comment it answers ({@code parentExternalId}, blank for a top-level one), the author's name as
     * given, its body as that system's HTML, when it was written, and whether it was approved there.
     * The author's email address is deliberately not part of it: nobody asked us to keep it.
     */
    public record Import(String source, String externalId, String parentExternalId, String authorName, String bodyHtml,
                         Instant writtenAt, boolean approved) {
    }

    /** What an import did: the comment's id here, and whether it was added now (false: it was already here). */
    public record Imported(long commentId, boolean created) {
    }

    /**
     * Brings one comment from another system under an article (any status), tied to no reader account:
     * the author's name is kept as plain text, the body's HTML reduced to what readers may write (paragraphs,
     * quotes, emphasis, http(s) links) and sanitized by the same policy, approved ones shown and the others
     * held for staff. A reply to a reply joins its thread (threads are two levels deep); a reply whose parent
     * is not here (not imported, or not imported yet) becomes a top-level comment. Idempotent by
     * (article, source, external id): importing the same comment again changes nothing. The policy, closing,
     * rate limits and pre-moderation do not apply; nobody is mailed.
     */
    public Imported importComment(long articleId, Import comment) {
        newsroom.article(articleId);
        String source = comment.source() == null ? "" : comment.source().strip();
        String externalId = comment.externalId() == null ? "" : comment.externalId().strip();
        if (source.isEmpty() || externalId.isEmpty() || source.length() > 40 || externalId.length() > 200) {
            throw WebError.badRequest("externalId", "An imported comment needs its source and its id there (at most 200 characters).");
        }
        if (comment.writtenAt() == null) {
            throw WebError.badRequest("writtenAt", "An imported comment needs the time it was written.");
        }
        String text = CommentText.fromHtml(comment.bodyHtml());
        if (text.isEmpty()) {
            throw WebError.badRequest("text", "The comment is empty.");
        }
        if (text.codePointCount(0, text.length()) > MAX_IMPORTED_LENGTH) {
            throw WebError.badRequest("text", "The comment is longer than " + MAX_IMPORTED_LENGTH + " characters.");
        }
        String name = CommentText.plainName(comment.authorName());
        String parentExternal = comment.parentExternalId() == null ? "" : comment.parentExternalId().strip();
        return database.jdbi().inTransaction(h -> {
            Optional<Long> existing = rows.importedId(h, articleId, source, externalId);
            if (existing.isPresent()) {
                return new Imported(existing.get(), false);
            }
            Long parent = null;
            if (!parentExternal.isEmpty() && !parentExternal.equals("0") && !parentExternal.equals(externalId)) {
                parent = rows.importedId(h, articleId, source, parentExternal).flatMap(id -> rows.find(h, id))
                        .map(p -> p.parentId() == null ? p.id() : p.parentId()).orElse(null);
            }
            long id = rows.insertImported(h, articleId, parent, name, text, CommentText.html(text),
                    comment.approved() ? "shown" : "held", comment.approved() ? null : "imported: not approved in " + source,
                    source, externalId, comment.writtenAt());
            return new Imported(id, true);
        });
    }

    /**
     * Closes comments on an article because the system it came from had them closed, unless staff here
     * already closed or reopened it (their decision stands). True when this closed it.
     */
    public boolean closeImported(long articleId, String source) {
        newsroom.article(articleId);
        return database.jdbi().withHandle(h -> rows.closeUnlessDecided(h, articleId, "import from " + source, clock.instant()));
    }

    /** The author edits their comment within {@link #EDIT_WINDOW}; the rules apply again. */
    public Comment edit(Reader reader, long commentId, String text) {
        String cleaned = checkedText(text);
        Instant now = clock.instant();
        database.jdbi().useTransaction(h -> {
            Comment c = own(h, reader, commentId);
            if (c.deleted()) {
                throw WebError.conflict("This comment was deleted, so it cannot be edited.");
            }
            if (now.isAfter(c.createdAt().plus(EDIT_WINDOW))) {
                throw WebError.conflict("A comment can be edited for " + EDIT_WINDOW.toMinutes() + " minutes after posting; this one can no longer be changed.");
            }
            String held = c.byStaff() ? null : heldBecause(h, reader, cleaned);
            rows.edit(h, commentId, cleaned, CommentText.html(cleaned), held == null ? null : "held", held, now);
        });
        Comment edited = find(commentId);
        countChanged(edited.articleId());
        return edited;
    }

    /** The author deletes their comment: its place stays in the thread as "Comment deleted." */
    public void delete(Reader reader, long commentId) {
        long article = database.jdbi().inTransaction(h -> {
            Comment c = own(h, reader, commentId);
            if (!c.deleted()) {
                rows.delete(h, commentId, clock.instant());
            }
            return c.articleId();
        });
        countChanged(article);
    }

    /** A reader reports a comment to staff; reporting the same one twice counts once. */
    public void report(Reader reader, long commentId, String reason) {
        String why = reason == null ? "" : CommentText.clean(reason);
        if (why.length() > 500) {
            throw WebError.badRequest("reason", "Say why in at most 500 characters.");
        }
        database.jdbi().useTransaction(h -> {
            Comment c = rows.find(h, commentId).filter(x -> !"rejected".equals(x.status()))
                    .orElseThrow(() -> WebError.notFound("There is no such comment."));
            rows.report(h, c.id(), reader.id(), why, clock.instant());
        });
    }

    /** Held and reported comments waiting for staff, oldest first. */
    public List<Comment> queue() {
        return database.jdbi().withHandle(h -> rows.queue(h, 200));
    }

    /** Staff shows a held comment (or keeps a reported one, clearing its reports). */
    public void approve(long commentId) {
        approve(commentId, null);
    }

    /** As {@link #approve(long)}, recorded in the audit log under {@code staffName} (when not null). */
    public void approve(long commentId, String staffName) {
        countChanged(database.jdbi().inTransaction(h -> {
            Comment c = rows.find(h, commentId).orElseThrow(() -> WebError.notFound("There is no such comment."));
            audited(h, staffName, "comment.approve", c);
            rows.setStatus(h, commentId, "shown");
            rows.clearReports(h, commentId);
            if (c.held() && c.parentId() != null) {
                notifyParent(h, c.parentId(), c.id(), null, article(c.articleId()));
            }
            return c.articleId();
        }));
    }

    /** Staff rejects a comment: it is no longer shown to anyone. */
    public void reject(long commentId) {
        reject(commentId, null);
    }

    /** As {@link #reject(long)}, recorded in the audit log under {@code staffName} (when not null). */
    public void reject(long commentId, String staffName) {
        countChanged(database.jdbi().inTransaction(h -> {
            Comment c = rows.find(h, commentId).orElseThrow(() -> WebError.notFound("There is no such comment."));
            audited(h, staffName, "comment.reject", c);
            rows.setStatus(h, commentId, "rejected");
            return c.articleId();
        }));
    }

    /** Staff bans the author of a comment: the comment and their other held ones are rejected, and they can no longer comment. */
    public void ban(long commentId, String staffName) {
        countChanged(database.jdbi().inTransaction(h -> {
            Comment c = rows.find(h, commentId).orElseThrow(() -> WebError.notFound("There is no such comment."));
            audited(h, staffName, "comment.ban", c);
            if (!c.imported()) { // an imported comment has no account here to ban: it is only rejected
                rows.ban(h, c.readerId(), staffName, clock.instant());
            }
            rows.setStatus(h, commentId, "rejected");
            return c.articleId();
        }));
    }

    /** Words that hold a comment for staff (whole words, any case). */
    public List<String> heldWords() {
        return database.jdbi().withHandle(rows::heldWords);
    }

    public void holdWord(String word) {
        String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        if (w.isEmpty() || w.length() > 100) {
            throw WebError.badRequest("word", "A held word has 1 to 100 characters.");
        }
        database.jdbi().useHandle(h -> rows.addHeldWord(h, w));
    }

    public void releaseWord(String word) {
        database.jdbi().useHandle(h -> rows.removeHeldWord(h, word == null ? "" : word.strip().toLowerCase(Locale.ROOT)));
    }

    Clock clock() {
        return clock;
    }

    public Comment find(long commentId) {
        return database.jdbi().withHandle(h -> rows.find(h, commentId)).orElseThrow(() -> WebError.notFound("There is no such comment."));
    }

    private void audited(org.jdbi.v3.core.Handle h, String staffName, String action, Comment c) {
        if (staffName != null) {
            audit.record(h, new news.masthead.platform.audit.StaffAction(news.masthead.platform.audit.StaffAction.staff(staffName),
                    action, c.readerId(), "comment " + c.id() + " on article " + c.articleId()));
        }
    }

    // ---- rules

    private LiveArticle article(long articleId) {
        return newsroom.live(articleId).orElseThrow(() -> WebError.notFound("There is no published article " + articleId + "."));
    }

    private boolean open(LiveArticle article) {
        return database.jdbi().withHandle(h -> open(h, article));
    }

    private boolean open(org.jdbi.v3.core.Handle h, LiveArticle article) {
        Optional<Boolean> byStaff = rows.closing(h, article.id());
        if (byStaff.isPresent()) {
            return !byStaff.get();
        }
        Integer days = rows.setting(h, "section", article.section().id()).map(CommentRows.Setting::closeAfterDays)
                .orElse(null);
        if (days == null) {
            days = rows.setting(h, "site", 0).map(CommentRows.Setting::closeAfterDays).orElse(14);
        }
        return clock.instant().isBefore(article.published().plus(Duration.ofDays(days)));
    }

    private Policy policy(org.jdbi.v3.core.Handle h, LiveArticle article) {
        return rows.setting(h, "article", article.id()).map(CommentRows.Setting::policy)
                .or(() -> rows.setting(h, "section", article.section().id()).map(CommentRows.Setting::policy))
                .or(() -> rows.setting(h, "site", 0).map(CommentRows.Setting::policy))
                .orElse(Policy.SIGNED_IN);
    }

    private String refusal(LiveArticle article, boolean open, Reader reader) {
        return database.jdbi().withHandle(h -> refusal(h, article, open, reader));
    }

    /** Why this reader may not write here now, or null when they may. */
    private String refusal(org.jdbi.v3.core.Handle h, LiveArticle article, boolean open, Reader reader) {
        if (!open) {
            return CLOSED;
        }
        Policy policy = policy(h, article);
        if (policy == Policy.NOBODY) {
            return "Comments are turned off for this article.";
        }
        if (reader == null) {
            return policy == Policy.MEMBERS ? "Members can comment: sign in first." : "Sign in to comment.";
        }
        if (policy == Policy.MEMBERS && !isMember.test(reader)) {
            return "Only members can comment on this article.";
        }
        if (rows.banned(h, reader.id())) {
            return "You can no longer comment on this site.";
        }
        return null;
    }

    private String heldBecause(org.jdbi.v3.core.Handle h, Reader reader, String cleaned) {
        if (rows.shownBy(h, reader.id()) < PRE_MODERATED) {
            return "first comments";
        }
        if (CommentText.links(cleaned) > MAX_LINKS) {
            return "more than " + MAX_LINKS + " links";
        }
        String lower = cleaned.toLowerCase(Locale.ROOT);
        for (String word : rows.heldWords(h)) {
            if (Pattern.compile("(?U)(?<!\\w)" + Pattern.quote(word) + "(?!\\w)").matcher(lower).find()) {
                return "held word: " + word;
            }
        }
        return null;
    }

    private Comment own(org.jdbi.v3.core.Handle h, Reader reader, long commentId) {
        Comment c = rows.find(h, commentId).orElseThrow(() -> WebError.notFound("There is no such comment."));
        if (c.readerId() != reader.id()) {
            throw WebError.forbidden("Only the author can change this comment.");
        }
        return c;
    }

    private String checkedText(String text) {
        if (text != null && text.length() > CommentText.MAX_LENGTH * 2) {
            throw WebError.badRequest("text", "A comment has at most " + CommentText.MAX_LENGTH + " characters.");
        }
        String cleaned = CommentText.clean(text);
        if (cleaned.isEmpty()) {
            throw WebError.badRequest("text", "Write something first: the comment is empty.");
        }
        if (cleaned.codePointCount(0, cleaned.length()) > CommentText.MAX_LENGTH) {
            throw WebError.badRequest("text", "A comment has at most " + CommentText.MAX_LENGTH + " characters; this one has "
                    + cleaned.codePointCount(0, cleaned.length()) + ".");
        }
        return cleaned;
    }

    private void notifyParent(org.jdbi.v3.core.Handle h, long parentId, long replyId, Reader replier, LiveArticle article) {
        Optional<Comment> parent = rows.find(h, parentId);
        Optional<String> to = rows.notifyEmail(h, parentId);
        Comment reply = rows.find(h, replyId).orElseThrow();
        if (parent.isEmpty() || to.isEmpty() || parent.get().readerId() == reply.readerId()) {
            return;
        }
        String link = baseUrl.get() + article.path() + "#comment-" + replyId;
        mailer.send(h, new Message(to.get(), "New reply to your comment",
                reply.authorName() + " replied to your comment on \"" + article.headline() + "\":\n\n"
                        + reply.bodyText() + "\n\nRead it: " + link + "\n"));
    }

    private static void checkDays(int days) {
        if (days < 1 || days > 3650) {
            throw WebError.badRequest("days", "Comments close after 1 to 3650 days.");
        }
    }
}
