package news.masthead.privacy;

import news.masthead.comments.Comments;
import news.masthead.platform.web.WebError;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;

/**
 * What the publisher decides about readers' data: what becomes of an erased reader's comments, and
 * how long the retention job keeps sign-in links, staff login attempts and delivered mail.
 * One row in {@code privacy_settings}; without it, {@link #DEFAULTS}.
 */
public record PrivacySettings(Comments.Erasure commentErasure, int keepSignInLinksDays, int keepLoginAttemptsDays,
                       int keepSentMailDays) {
    static final PrivacySettings DEFAULTS = new PrivacySettings(Comments.Erasure.ANONYMISE, 1, 1, 30);
    static final int MAX_DAYS = 3650;

    public PrivacySettings {
        check("keepSignInLinksDays", keepSignInLinksDays);
        check("keepLoginAttemptsDays", keepLoginAttemptsDays);
        check("keepSentMailDays", keepSentMailDays);
    }

    Duration keepSignInLinks() {
        return Duration.ofDays(keepSignInLinksDays);
    }

    Duration keepLoginAttempts() {
        return Duration.ofDays(keepLoginAttemptsDays);
    }

    Duration keepSentMail() {
        return Duration.ofDays(keepSentMailDays);
    }

    /** From the admin form: each problem a 400 naming its field. */
    static PrivacySettings parse(String erasure, String links, String attempts, String mail) {
        Comments.Erasure e = switch (erasure == null ? "" : erasure) {
            case "anonymise" -> Comments.Erasure.ANONYMISE;
            case "remove" -> Comments.Erasure.REMOVE;
            default -> throw WebError.badRequest("commentErasure", "Choose anonymise or remove.");
        };
        return new PrivacySettings(e, days("keepSignInLinksDays", links), days("keepLoginAttemptsDays", attempts),
                days("keepSentMailDays", mail));
    }

    private static int days(String field, String raw) {
        String s = raw == null ? "" : raw.strip();
        if (!s.matches("[0-9]{1,4}")) {
            throw WebError.badRequest(field, "Give a number of days from 1 to " + MAX_DAYS + ".");
        }
        return Integer.parseInt(s);
    }

    private static void check(String field, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw WebError.badRequest(field, "Give a number of days from 1 to " + MAX_DAYS + ".");
        }
    }

    /** Whether an erased reader's comments stay, anonymised (else they are removed). */
    public boolean anonymise() {
        return commentErasure == Comments.Erasure.ANONYMISE;
    }

    String erasureKey() {
        return commentErasure == Comments.Erasure.REMOVE ? "remove" : "anonymise";
    }

    /** The one row, read and written. */
    static final class Rows {
        private final Jdbi jdbi;

        Rows(Jdbi jdbi) {
            this.jdbi = jdbi;
        }

        PrivacySettings load() {
            return jdbi.withHandle(h -> h.createQuery("""
                            select comment_erasure, keep_sign_in_links_days, keep_login_attempts_days, keep_sent_mail_days
                            from privacy_settings where id = 1""")
                    .map((rs, ctx) -> new PrivacySettings(
                            "remove".equals(rs.getString(1)) ? Comments.Erasure.REMOVE : Comments.Erasure.ANONYMISE,
                            rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                    .findOne().orElse(DEFAULTS));
        }

        void save(PrivacySettings s) {
            jdbi.useHandle(h -> h.createUpdate("""
                            insert into privacy_settings (id, comment_erasure, keep_sign_in_links_days, keep_login_attempts_days, keep_sent_mail_days)
                            values (1, :e, :l, :a, :m)
                            on conflict (id) do update set comment_erasure = excluded.comment_erasure,
                                keep_sign_in_links_days = excluded.keep_sign_in_links_days,
                                keep_login_attempts_days = excluded.keep_login_attempts_days,
                                keep_sent_mail_days = excluded.keep_sent_mail_days""")
                    .bind("e", s.erasureKey()).bind("l", s.keepSignInLinksDays()).bind("a", s.keepLoginAttemptsDays())
                    .bind("m", s.keepSentMailDays()).execute());
        }
    }
}
