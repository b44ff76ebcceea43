package news.masthead.accounts;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code staff} table: reads and writes rows, knows no rules. */
final class StaffRows {
    private final Jdbi jdbi;

    StaffRows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A staff row with what signing in needs besides the member. */
    record Credentials(StaffMember member, String passwordHash, boolean disabled) {
    }

    /** Inserts a member; empty when the email (ignoring case) is already taken. */
    Optional<StaffMember> insert(String email, String name, Role role, String passwordHash, Instant now) {
        try {
            long id = jdbi.withHandle(h -> h.createUpdate("""
                            insert into staff (email, name, role, password_hash, created_at)
                            values (:email, :name, :role, :hash, :now)""")
                    .bind("email", email).bind("name", name).bind("role", role.label())
                    .bind("hash", passwordHash).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            return Optional.of(new StaffMember(id, email, name, role));
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    Optional<Credentials> credentials(String email) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, email, name, role, password_hash, disabled from staff where lower(email) = lower(:email)""")
                .bind("email", email)
                .map((rs, ctx) -> new Credentials(
                        new StaffMember(rs.getLong("id"), rs.getString("email"), rs.getString("name"), Role.parse(rs.getString("role"))),
                        rs.getString("password_hash"), rs.getBoolean("disabled")))
                .findOne());
    }

    List<StaffMember> all() {
        return jdbi.withHandle(h -> h.createQuery("select id, email, name, role from staff order by lower(name), id")
                .map((rs, ctx) -> new StaffMember(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                        Role.parse(rs.getString("role"))))
                .list());
    }
}
