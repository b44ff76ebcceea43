package news.masthead.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import news.masthead.platform.web.WebError;

/**
 * Staff passwords: argon2id with OWASP's recommended cost (19 MiB, 2 passes, 1 lane), a random
 * 16-byte salt, stored as the standard {@code $argon2id$v=19$m=…} string so the cost can rise later
 * without breaking old hashes.
 */
final class Passwords {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 1000;

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    /** Checked when the email matches nobody, so a wrong email costs as long as a wrong password. */
    private final String decoy = hash(Secrets.random(16));

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** Whether {@code password} matches {@code storedHash}; a null hash (no password set) never matches. */
    boolean matches(String password, String storedHash) {
        if (storedHash == null || !storedHash.startsWith("$argon2")) {
            Password.check(password, decoy).with(ARGON2ID);
            return false;
        }
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }

    /** Throws a 400 naming the field when the password is too short or absurdly long. */
    static void validate(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw WebError.badRequest("password",
                    "The password must be at least " + MIN_LENGTH + " characters long (got " + length + ").");
        }
        if (length > MAX_LENGTH) {
            throw WebError.badRequest("password",
                    "The password must be at most " + MAX_LENGTH + " characters long.");
        }
    }
}
