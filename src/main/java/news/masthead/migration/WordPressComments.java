package news.masthead.migration;

import news.masthead.comments.Comments;
import news.masthead.platform.web.WebError;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A post's comments, brought into the comments feature after its article was written: approved ones
 * shown, unapproved ones held for staff, spam, trash, pingbacks and trackbacks left out; parents before
 * their replies whatever the export's order; the post's closed comments closed here. Each post's comments
 * are recorded in the ledger with a hash, so a re-run of an unchanged post asks nothing; a changed one
 * imports only the comments not yet here (by WordPress comment id).
 */
final class WordPressComments {
    static final String KIND = "comments";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Comments comments;
    private final Ledger ledger;
    private final Tally tally;
    private int counted;
    private int closedPosts;
    private int openPosts;

    /** {@code comments} null: the comments are only counted (a Masthead built without the comments feature). */
    WordPressComments(Comments comments, Ledger ledger, Tally tally) {
        this.comments = comments;
        this.ledger = ledger;
        this.tally = tally;
    }

    /** Brings over the comments of a post already written; {@code article} answers its id (null: not written). */
    void of(WxrItem item, String postId, java.util.function.Supplier<Long> article, String label) {
        counted += item.comments().size();
        String status = item.get("wp:comment_status");
        if (status.equals("closed")) {
            closedPosts++;
        } else if (status.equals("open")) {
            openPosts++;
        }
        if (comments == null || (item.comments().isEmpty() && !status.equals("closed"))) {
            return;
        }
        Long articleId = article.get();
        if (articleId == null) {
            if (!item.comments().isEmpty()) {
                tally.count(KIND, Tally.Outcome.SKIPPED, item.comments().size());
                tally.problem(label + ": its comments wait until the post itself is imported");
            }
            return;
        }
        String hash = Hashes.of(status, String.valueOf(articleId), item.comments().stream().map(c -> new java.util.TreeMap<>(c.fields()).toString())
                .reduce("", String::concat));
        Optional<Ledger.Entry> known = ledger.find(WordPressImport.SOURCE, postId, KIND);
        if (known.isPresent() && !known.get().pending() && known.get().hash().equals(hash)) {
            tally.count(KIND, Tally.Outcome.SKIPPED, item.comments().size());
            return;
        }
        if (status.equals("closed")) {
            try {
                comments.closeImported(articleId, WordPressImport.SOURCE);
            } catch (WebError e) {
                tally.problem(label + ": comments not closed (" + e.getMessage() + ")");
            }
        }
        boolean allWell = true;
        List<WxrItem.Comment> ordered = parentsFirst(item.comments());
        int leftOut = item.comments().size() - ordered.size();
        if (leftOut > 0) {
            tally.count(KIND, Tally.Outcome.FAILED, leftOut);
            tally.problem(label + ": " + leftOut + " comment(s) without a wp:comment_id or repeating another's id; left out");
        }
        for (WxrItem.Comment c : ordered) {
            allWell &= one(c, articleId, label);
        }
        if (allWell) {
            ledger.done(WordPressImport.SOURCE, postId, KIND, articleId, null, hash);
        }
    }

    /** Imports one comment; false when it failed (so the post's comments are tried again next run). */
    private boolean one(WxrItem.Comment c, long articleId, String label) {
        String id = c.get("wp:comment_id");
        String what = label + ", comment " + id;
        String type = c.get("wp:comment_type");
        String approval = c.get("wp:comment_approved");
        if (type.equals("pingback") || type.equals("trackback")) {
            tally.count(KIND, Tally.Outcome.SKIPPED);
            tally.note("pingbacks and trackbacks are not imported as comments");
            return true;
        }
        if (!approval.equals("1") && !approval.equals("0")) {
            tally.count(KIND, Tally.Outcome.SKIPPED);
            tally.note("comments marked spam or in the trash in WordPress are not imported");
            return true;
        }
        Instant at = date(c.get("wp:comment_date_gmt"));
        if (at == null) {
            at = date(c.get("wp:comment_date"));
        }
        if (at == null) {
            tally.failed(KIND, what, "it has no date");
            return true;
        }
        try {
            Comments.Imported imported = comments.importComment(articleId, new Comments.Import(WordPressImport.SOURCE, id,
                    c.get("wp:comment_parent"), c.get("wp:comment_author"), c.fields().getOrDefault("wp:comment_content", ""),
                    at, approval.equals("1")));
            tally.count(KIND, imported.created() ? Tally.Outcome.CREATED : Tally.Outcome.SKIPPED);
            if (imported.created() && approval.equals("0")) {
                tally.note("comments awaiting moderation in WordPress are held for staff at /admin/comments");
            }
            return true;
        } catch (WebError e) {
            tally.failed(KIND, what, e.getMessage()); // the comment's own data: trying again would fail again
            return true;
        } catch (RuntimeException e) {
            Failures.rethrowIfFatal(e);
            tally.failed(KIND, what, "could not be written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return false;
        }
    }

    /** The comments in an order where every parent in the list comes before its replies; a cycle is broken at its first comment. */
    static List<WxrItem.Comment> parentsFirst(List<WxrItem.Comment> comments) {
        Map<String, WxrItem.Comment> byId = new LinkedHashMap<>();
        for (WxrItem.Comment c : comments) {
            String id = c.get("wp:comment_id");
            if (!id.isEmpty()) {
                byId.putIfAbsent(id, c); // a repeated id: the first one counts
            }
        }
        List<WxrItem.Comment> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String id : byId.keySet()) {
            place(id, byId, placed, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private static void place(String id, Map<String, WxrItem.Comment> byId, Set<String> placed, Set<String> path,
                              List<WxrItem.Comment> ordered) {
        if (placed.contains(id) || !path.add(id)) {
            return;
        }
        WxrItem.Comment c = byId.get(id);
        String parent = c.get("wp:comment_parent");
        if (byId.containsKey(parent)) {
            place(parent, byId, placed, path, ordered);
        }
        if (placed.add(id)) {
            ordered.add(c);
        }
    }

    /** Notes for the report once the whole export is read. */
    void report() {
        if (comments == null && counted > 0) {
            tally.note(counted + " comment(s) not imported: this Masthead has no comments feature (comments open on "
                    + openPosts + " post(s), closed on " + closedPosts + ")");
        } else if (closedPosts > 0) {
            tally.note("comments closed in WordPress are closed here (" + closedPosts + " post(s)); on posts with open "
                    + "comments, Masthead's own closing applies (14 days after publishing unless staff reopen)");
        }
    }

    private static Instant date(String value) {
        if (value.isEmpty() || value.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
