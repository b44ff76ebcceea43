package news.masthead.migration;

import news.masthead.accounts.Accounts;
import news.masthead.membership.Membership;
import news.masthead.membership.Plan;
import news.masthead.membership.Status;
import news.masthead.membership.Subscription;
import news.masthead.platform.web.WebError;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Ghost's members CSV into Masthead: every member with a usable address becomes a reader account (found
 * by address, or made without mail); paying and complimentary members also get a complimentary
 * membership, granted once, of the plan chosen (the {@code --plan} option; else a plan named like the
 * member's Ghost tier; else the cheapest active plan) until the member's expiry column or {@code --until}.
 * A member who already has a running membership here gets no grant. Re-running grants nothing twice:
 * each grant is in the ledger ({@code membership}, by lower-case address).
 */
final class GhostMembers {
    static final String READERS = "readers";
    static final String GRANTS = "memberships";
    private static final String GRANT_KIND = "membership";
    private static final List<String> EXPIRY_COLUMNS = List.of("expires_at", "expiry", "expiry_date", "comped_until",
            "complimentary_until", "current_period_end");
    private static final List<String> TIER_COLUMNS = List.of("tiers", "tier", "products", "plan");

    private final Accounts accounts;
    private final Membership membership;
    private final Ledger ledger;
    private final Tally tally;
    private final Instant now;

    GhostMembers(Accounts accounts, Membership membership, Ledger ledger, Tally tally, Instant now) {
        this.accounts = accounts;
        this.membership = membership;
        this.ledger = ledger;
        this.tally = tally;
        this.now = now;
    }

    /** Imports the file; {@code chosen} (from {@link #plan}, may be null) and {@code until} (may be null) are the operator's. */
    void run(Path csv, Plan chosen, Instant until) {
        List<Plan> active = membership.activePlans();
        int[] withoutEnd = {0};
        MembersCsv.read(csv, row -> {
            try {
                member(row, chosen, active, until, withoutEnd);
            } catch (RuntimeException e) {
                Failures.rethrowIfFatal(e);
                tally.failed(READERS, "members row " + row.line(), "could not be written (" + e.getMessage() + ")");
            }
        });
        if (withoutEnd[0] > 0) {
            tally.note(withoutEnd[0] + " paying or complimentary member(s) got a reader account but no membership: the CSV has no "
                    + "expiry column; run again with --until YYYY-MM-DD to grant complimentary memberships until then");
        }
        tally.note("free members become reader accounts (they sign in with a link sent to their address); paying and "
                + "complimentary ones also get a complimentary membership (no payment is taken or moved from Ghost's Stripe)");
    }

    private void member(MembersCsv.Row row, Plan chosen, List<Plan> active, Instant until, int[] withoutEnd) {
        String label = "members row " + row.line();
        String email = row.get("email");
        if (!MembersCsv.EMAIL.matcher(email).matches() || email.length() > 254) {
            tally.failed(READERS, label, "'" + abbreviate(email) + "' is not an email address");
            return;
        }
        if (!row.get("deleted_at").isEmpty() && !row.get("deleted_at").equalsIgnoreCase("null")) {
            tally.count(READERS, Tally.Outcome.SKIPPED);
            tally.problem(label + ": deleted in Ghost; not imported");
            return;
        }
        Accounts.ImportedReader reader;
        try {
            reader = accounts.importReader(email, row.get("name"));
        } catch (WebError e) {
            tally.failed(READERS, label, e.getMessage());
            return;
        }
        tally.count(READERS, reader.created() ? Tally.Outcome.CREATED : Tally.Outcome.SKIPPED);
        String status = row.status();
        if (status.equals("free")) {
            return;
        }
        String key = email.toLowerCase(Locale.ROOT);
        Optional<Ledger.Entry> granted = ledger.find(GhostImport.SOURCE, key, GRANT_KIND);
        if (granted.isPresent() && !granted.get().pending()) {
            tally.count(GRANTS, Tally.Outcome.SKIPPED);
            return;
        }
        Instant end = expiry(row, label);
        if (end == null) {
            end = until;
        }
        if (end == null) {
            withoutEnd[0]++;
            tally.count(GRANTS, Tally.Outcome.SKIPPED);
            return;
        }
        if (!end.isAfter(now)) {
            tally.count(GRANTS, Tally.Outcome.SKIPPED);
            tally.problem(label + ": " + status + " membership ended " + end + "; no membership granted");
            return;
        }
        Plan plan = chosen != null ? chosen : byTier(row, active).orElse(active.isEmpty() ? null : active.getFirst());
        if (plan == null) {
            tally.failed(GRANTS, label, "there is no plan to grant: create one at /admin/membership first (or give --plan)");
            return;
        }
        long readerId = reader.reader().id();
        Optional<Subscription> running = membership.subscriptionsOf(readerId).stream()
                .filter(s -> s.status() == Status.ACTIVE || s.status() == Status.TRIALING || s.status() == Status.PAST_DUE
                        || (s.status() == Status.CANCELLED && s.periodEnd() != null && s.periodEnd().isAfter(now)))
                .findFirst();
        if (running.isPresent()) {
            ledger.done(GhostImport.SOURCE, key, GRANT_KIND, running.get().id(), null, "");
            tally.count(GRANTS, Tally.Outcome.SKIPPED);
            tally.problem(label + ": already a member here (subscription " + running.get().id() + "); nothing granted");
            return;
        }
        try {
            Subscription s = membership.grantComplimentary(readerId, plan.id(), end, "import from ghost");
            ledger.done(GhostImport.SOURCE, key, GRANT_KIND, s.id(), null, "");
            tally.count(GRANTS, Tally.Outcome.CREATED);
        } catch (WebError e) {
            tally.failed(GRANTS, label, e.getMessage());
        }
    }

    /** The operator's plan, by id or by name (any case), null for none given; an unknown one is an unusable import. */
    Plan plan(String option) {
        if (option == null || option.isBlank()) {
            return null;
        }
        option = option.strip();
        List<Plan> all = membership.plans();
        String wanted = option;
        Optional<Plan> found = wanted.matches("[0-9]{1,18}")
                ? all.stream().filter(p -> p.id() == Long.parseLong(wanted)).findFirst()
                : all.stream().filter(p -> p.name().equalsIgnoreCase(wanted)).findFirst();
        return found.orElseThrow(() -> new UnusableExport("There is no plan '" + wanted + "'. Plans: "
                + (all.isEmpty() ? "none yet (create one at /admin/membership)"
                : String.join(", ", all.stream().map(p -> p.id() + " " + p.name()).toList())) + "."));
    }

    private static Optional<Plan> byTier(MembersCsv.Row row, List<Plan> active) {
        for (String column : TIER_COLUMNS) {
            List<String> names = new java.util.ArrayList<>(List.of(row.get(column))); // the whole value first: a plan's name may hold a comma
            names.addAll(List.of(row.get(column).split(",")));
            for (String tier : names) {
                String name = tier.strip();
                Optional<Plan> plan = active.stream().filter(p -> !name.isEmpty() && p.name().equalsIgnoreCase(name)).findFirst();
                if (plan.isPresent()) {
                    return plan;
                }
            }
        }
        return Optional.empty();
    }

    /** The member's end date from an expiry column (ISO date or time); null when there is none or it cannot be read (said so). */
    private Instant expiry(MembersCsv.Row row, String label) {
        for (String column : EXPIRY_COLUMNS) {
            String value = row.get(column);
            if (value.isEmpty() || value.equalsIgnoreCase("null")) {
                continue;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException e2) {
                    try {
                        return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException e3) {
                        tally.problem(label + ": " + column + " '" + abbreviate(value) + "' is not a date; ignored");
                    }
                }
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
