package news.masthead.accounts;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Optional;

/** The {@code readers} table: reads and writes rows, knows no rules. Erased readers are never found. */
final class ReaderRows {
    static final RowMapper<Reader> READER = (rs, ctx) -> new Reader(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"));

    Optional<Reader> byId(Handle h, long id) {
        return h.createQuery("select id, email, display_name from readers where id = :id and deleted_at is null")
                .bind("id", id).map(READER).findOne();
    }

    Optional<Reader> byEmail(Handle h, String email) {
        return h.createQuery("select id, email, display_name from readers where lower(email) = lower(:email) and deleted_at is null")
                .bind("email", email).map(READER).findOne();
    }

    /**
     * The reader with this email, made now if there is none (signing up is signing in for the first
     * time); either way the address counts as verified, since the reader just used a link sent to it.
     */
    Reader signUpOrFind(Handle h, String email, Instant now) {
        h.createUpdate("""
                        insert into readers (email, created_at, email_verified_at) values (:email, :now, :now)
                        on conflict (lower(email)) where deleted_at is null do nothing""")
                .bind("email", email).bind("now", now).execute();
        h.createUpdate("""
                        update readers set email_verified_at = :now
                        where lower(email) = lower(:email) and deleted_at is null and email_verified_at is null""")
                .bind("email", email).bind("now", now).execute();
        return byEmail(h, email).orElseThrow();
    }

    /** The reader with this email, made now (unverified: staff typed it) if there is none. */
    Reader findOrAdd(Handle h, String email, Instant now) {
        h.createUpdate("""
                        insert into readers (email, created_at) values (:email, :now)
                        on conflict (lower(email)) where deleted_at is null do nothing""")
                .bind("email", email).bind("now", now).execute();
        return byEmail(h, email).orElseThrow();
    }

    /** The reader with this email, made now (unverified, named {@code displayName}) if there is none; true in the pair when made. */
    java.util.Map.Entry<Reader, Boolean> findOrAddUnverified(Handle h, String email, String displayName, Instant now) {
        int added = h.createUpdate("""
                        insert into readers (email, display_name, created_at) values (:email, :name, :now)
                        on conflict (lower(email)) where deleted_at is null do nothing""")
                .bind("email", email).bind("name", displayName).bind("now", now).execute();
        return java.util.Map.entry(byEmail(h, email).orElseThrow(), added == 1);
    }

    /** Whether another (live) reader already uses this address. */
    boolean takenByOther(Handle h, String email, long readerId) {
        return h.createQuery("select exists (select 1 from readers where lower(email) = lower(:email) and deleted_at is null and id <> :id)")
                .bind("email", email).bind("id", readerId).mapTo(Boolean.class).one();
    }

    void changeEmail(Handle h, long readerId, String email, Instant now) {
        h.createUpdate("update readers set email = :email, email_verified_at = :now where id = :id and deleted_at is null")
                .bind("email", email).bind("now", now).bind("id", readerId).execute();
    }

    void rename(Handle h, long readerId, String displayName) {
        h.createUpdate("update readers set display_name = :name where id = :id and deleted_at is null")
                .bind("name", displayName).bind("id", readerId).execute();
    }
}
