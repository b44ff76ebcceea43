package news.masthead.accounts;

import news.masthead.platform.db.Database;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.mail.Message;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules of reader accounts: asking for a link, using it (which signs up on first use), changing
 * the email address, naming oneself, signing out everywhere. Every link is written with its mail in
 * one transaction; the answer to a request never tells whether an account exists.
 */
final class Readers {
    private static final Logger log = LoggerFactory.getLogger(Readers.class);
    static final int MAX_NAME = 100;

    private final Jdbi jdbi;
    private final Mailer mailer;
    private final Clock clock;
    private final Supplier<String> baseUrl;
    private final Supplier<String> siteName;
    private final ReaderRows rows = new ReaderRows();
    private final ReaderSessions sessions;
    private final SignInLinks links;

    Readers(Database database, Mailer mailer, Clock clock, Supplier<String> baseUrl, Supplier<String> siteName) {
        this.jdbi = database.jdbi();
        this.mailer = mailer;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.siteName = siteName;
        this.sessions = new ReaderSessions(jdbi);
        this.links = new SignInLinks(jdbi);
    }

    /** The outcome of asking for a link. */
    sealed interface Request {
        /** A mail is on its way (or, for an address that cannot take this link, a notice instead). */
        record Sent(String email) implements Request {
        }

        record Refused(SignInLinks.Refusal refusal) implements Request {
        }
    }

    /** The outcome of using a link. */
    sealed interface Use {
        record SignedIn(Reader reader, String sessionValue, String next, boolean emailChanged) implements Use {
        }

        /** The link cannot be used, and why. */
        record Refused(Problem problem) implements Use {
        }
    }

    /** Why a link did not work, in words for the page. */
    enum Problem {
        UNKNOWN(400, "This sign-in link is not valid. It may have been copied incompletely."),
        USED(410, "This sign-in link has already been used. Each link works once."),
        EXPIRED(410, "This sign-in link has expired. Links work for " + SignInLinks.LIFETIME.toMinutes() + " minutes."),
        TAKEN(409, "Another account already uses that email address, so your address was not changed.");

        final int status;
        final String message;

        Problem(int status, String message) {
            this.status = status;
            this.message = message;
        }
    }

    /** The reader with this address, made if none has it (staff granting a membership); 400 naming {@code email}. */
    Reader findOrAdd(String email) {
        String address = email == null ? "" : email.strip();
        emailProblem(address).ifPresent(problem -> {
            throw news.masthead.platform.web.WebError.badRequest("email", problem);
        });
        return jdbi.inTransaction(h -> rows.findOrAdd(h, address, now()));
    }

    /** A live reader by id. */
    Optional<Reader> byId(long id) {
        return jdbi.withHandle(h -> rows.byId(h, id));
    }

    /** See {@link Accounts#importReader}. */
    Accounts.ImportedReader importReader(String email, String displayName) {
        String address = email == null ? "" : email.strip();
        Optional<String> problem = emailProblem(address);
        if (problem.isPresent()) {
            throw news.masthead.platform.web.WebError.badRequest("email", "'" + address + "' is not an email address.");
        }
        String name = displayName == null ? "" : displayName.strip().replaceAll("\\p{Cntrl}", " ");
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME).strip();
        }
        String cleanName = name;
        var found = jdbi.inTransaction(h -> rows.findOrAddUnverified(h, address, cleanName, clock.instant()));
        return new Accounts.ImportedReader(found.getKey(), found.getValue());
    }

    /** What is wrong with a typed email address, or empty when it will do. */
    static Optional<String> emailProblem(String email) {
        if (email == null || email.isBlank()) {
            return Optional.of("Enter your email address.");
        }
        if (email.length() > 254 || !Message.isAddress(email)) {
            return Optional.of("Enter an email address like name@example.org.");
        }
        return Optional.empty();
    }

    /** What is wrong with a display name, or empty when it will do (empty means no name). */
    static Optional<String> nameProblem(String name) {
        if (name.length() > MAX_NAME) {
            return Optional.of("Use at most " + MAX_NAME + " characters.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("Use letters, numbers and punctuation only.");
        }
        return Optional.empty();
    }

    /**
     * Sends a sign-in link to {@code email}, whether or not a reader has it: the first use makes the
     * account. {@code email} must have passed {@link #emailProblem}.
     */
    Request requestSignIn(String email, String next, String ip) {
        Instant now = now();
        Optional<SignInLinks.Refusal> refusal = links.refusal(email, ip, now);
        if (refusal.isPresent()) {
            return new Request.Refused(refusal.get());
        }
        jdbi.useTransaction(h -> {
            String token = links.issue(h, SignInLinks.Purpose.SIGN_IN, email, null, next, ip, now);
            mailer.send(h, new Message(email, "Sign in to " + siteName.get(), """
                    Hello,

                    Use this link to sign in to %s (if you have no account yet, it makes one):

                    %s

                    It works once, within %d minutes. If you did not ask for it, ignore this mail: nobody can sign in without the link.
                    """.formatted(siteName.get(), verifyUrl(token), SignInLinks.LIFETIME.toMinutes())));
        });
        return new Request.Sent(email);
    }

    /**
     * Sends a link to the new address that moves the reader's account there when used. If another
     * account has the address, that address gets a notice instead, and the reader sees the same
     * answer (so this cannot be used to find out who has an account).
     */
    Request requestEmailChange(Reader reader, String newEmail, String ip) {
        Instant now = now();
        Optional<SignInLinks.Refusal> refusal = links.refusal(newEmail, ip, now);
        if (refusal.isPresent()) {
            return new Request.Refused(refusal.get());
        }
        jdbi.useTransaction(h -> {
            // the row is made either way: it counts towards the rate limit like any other request
            String token = links.issue(h, SignInLinks.Purpose.EMAIL_CHANGE, newEmail, reader.id(), null, ip, now);
            if (rows.takenByOther(h, newEmail, reader.id())) {
                mailer.send(h, new Message(newEmail, "Your email address at " + siteName.get(), """
                        Hello,

                        Someone asked to move an account at %s to this address. This address already has an account there, so nothing changed.

                        If that was you, sign in with this address instead: %s/account/sign-in
                        """.formatted(siteName.get(), baseUrl.get())));
            } else {
                mailer.send(h, new Message(newEmail, "Confirm your new email address for " + siteName.get(), """
                        Hello,

                        You asked to use this address for your account at %s. To confirm, open this link:

                        %s

                        It works once, within %d minutes. Until then your account keeps its current address. If you did not ask for this, ignore this mail and nothing changes.
                        """.formatted(siteName.get(), verifyUrl(token), SignInLinks.LIFETIME.toMinutes())));
            }
        });
        return new Request.Sent(newEmail);
    }

    /** What a token would do, without using it. */
    SignInLinks.Check check(String token) {
        return links.check(token, now());
    }

    /** Uses the link: signs in (making the account on first use), or moves the account to its new address and signs in. */
    Use use(String token) {
        Instant now = now();
        return jdbi.inTransaction(h -> {
            SignInLinks.Check check = links.use(h, token, now);
            if (!(check instanceof SignInLinks.Check.Usable(SignInLinks.Link link))) {
                return new Use.Refused(problem(check));
            }
            if (link.purpose() == SignInLinks.Purpose.SIGN_IN) {
                Reader reader = rows.signUpOrFind(h, link.email(), now);
                return new Use.SignedIn(reader, sessions.open(h, reader.id(), now), link.next(), false);
            }
            Optional<Reader> before = rows.byId(h, link.readerId());
            if (before.isEmpty()) {
                return new Use.Refused(Problem.UNKNOWN);
            }
            if (rows.takenByOther(h, link.email(), link.readerId())) {
                h.rollback();
                return new Use.Refused(Problem.TAKEN);
            }
            rows.changeEmail(h, link.readerId(), link.email(), now);
            if (!before.get().email().equalsIgnoreCase(link.email())) {
                mailer.send(h, new Message(before.get().email(), "Your email address at " + siteName.get() + " has changed", """
                        Hello,

                        Your account at %s now uses the address %s. Mail about your account goes there from now on.

                        If you did not make this change, reply to this mail or contact the site straight away.
                        """.formatted(siteName.get(), link.email())));
            }
            Reader after = rows.byId(h, link.readerId()).orElseThrow();
            log.info("Reader {} changed their email address", after.id());
            return new Use.SignedIn(after, sessions.open(h, after.id(), now), null, true);
        });
    }

    Optional<Reader> byEmail(String email) {
        return jdbi.withHandle(h -> rows.byEmail(h, email));
    }

    Optional<Reader> bySession(String cookieValue) {
        return sessions.find(cookieValue, now());
    }

    void closeSession(String cookieValue) {
        sessions.close(cookieValue);
    }

    int closeAllSessions(long readerId) {
        return sessions.closeAll(readerId);
    }

    Reader rename(Reader reader, String displayName) {
        return jdbi.inTransaction(h -> {
            rows.rename(h, reader.id(), displayName);
            return rows.byId(h, reader.id()).orElse(reader);
        });
    }

    /** Deletes links and sessions no one can use any more; returns how many rows went. */
    int purge() {
        Instant now = now();
        return links.purge(now) + sessions.purge(now);
    }

    private String verifyUrl(String token) {
        return baseUrl.get() + "/account/verify?token=" + token;
    }

    private static Problem problem(SignInLinks.Check check) {
        return switch (check) {
            case SignInLinks.Check.Used u -> Problem.USED;
            case SignInLinks.Check.Expired e -> Problem.EXPIRED;
            default -> Problem.UNKNOWN;
        };
    }

    /** PostgreSQL keeps microseconds; cutting the clock to them keeps expiry comparisons exact. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
