package news.masthead.migration;

import news.masthead.accounts.Accounts;
import news.masthead.membership.Plan;
import news.masthead.membership.Subscription;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ghost's members CSV (BOM, CRLF, quoted commas and new lines, bad addresses, duplicates) into readers and memberships. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GhostMembersTest {
    static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    static Database db;
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2024-02-01T12:00:00Z"));
    static ImportFeatures features;
    static Migration migration;
    static Path export;
    static Path members;
    static ImportReport first;
    static ImportReport second;
    static Subscription keepsOwn;

    @BeforeAll
    static void importTwice() throws IOException {
        db = TestDatabases.fresh();
        Newsroom newsroom = new Newsroom(db, clock);
        features = ImportFeatures.on(db, newsroom, clock, null);
        features.membership().ensureDemoPlans(); // "Member" $5 a month, "Member, yearly" $50 a year
        long keep = features.accounts().importReader("keep@example.org", "Keep").reader().id();
        keepsOwn = features.membership().grantComplimentary(keep, plan("Member").id(), Instant.parse("2024-12-31T00:00:00Z"), "desk");
        migration = new Migration(db, newsroom, null, features.features(), clock);
        export = WordPressImportTest.copy("ghost.json");
        members = WordPressImportTest.copy("members-paid.csv");
        first = migration.importGhost(new Migration.Ghost(export, null, members, null, null, UNTIL), Migration.Progress.NONE);
        second = migration.importGhost(new Migration.Ghost(export, null, members, null, null, UNTIL), Migration.Progress.NONE);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Plan plan(String name) {
        return features.membership().plans().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static long reader(String email) {
        Accounts.ImportedReader r = features.accounts().importReader(email, "");
        assertThat(r.created()).as(email + " was imported before").isFalse();
        return r.reader().id();
    }

    static List<Subscription> subscriptions(String email) {
        return features.membership().subscriptionsOf(reader(email));
    }

    @Test
    @Order(1)
    void everyUsableMemberBecomesAReaderWithTheNameGhostHad() {
        assertThat(features.accounts().importReader("ann@example.org", "x").reader().displayName()).isEqualTo("Ann, Jr.");
        assertThat(features.accounts().importReader("bob@example.org", "x").reader().displayName()).isEqualTo("Bob \"the builder\"");
        assertThat(features.accounts().importReader("dan@example.org", "x").created()).isFalse(); // any letter case
        assertThat(features.accounts().importReader("eve@example.org", "x").created()).isFalse(); // spaces around, quoted
        assertThat(subscriptions("cat@example.org")).isEmpty(); // free: an account only
        assertThat(first.kinds().get("readers")).isEqualTo(new ImportReport.Counts(6, 0, 3, 2));
        assertThat(first.problems()).anyMatch(p -> p.contains("row 6") && p.contains("not-an-email"));
        assertThat(first.problems()).anyMatch(p -> p.contains("@nodomain"));
        assertThat(first.problems()).anyMatch(p -> p.contains("gone") || p.contains("deleted in Ghost"));
    }

    @Test
    @Order(2)
    void payingAndComplimentaryMembersGetAComplimentaryMembershipOnce() {
        List<Subscription> ann = subscriptions("ann@example.org");
        assertThat(ann).hasSize(1);
        assertThat(ann.getFirst().provider()).isEqualTo("complimentary");
        assertThat(ann.getFirst().planId()).isEqualTo(plan("Member").id()); // her tier "Premium" is no plan here: the cheapest
        assertThat(ann.getFirst().periodEnd()).isEqualTo(UNTIL);
        List<Subscription> bob = subscriptions("bob@example.org");
        assertThat(bob).singleElement().satisfies(s -> {
            assertThat(s.planId()).isEqualTo(plan("Member, yearly").id()); // by his tier's name
            assertThat(s.periodEnd()).isEqualTo(Instant.parse("2030-07-01T00:00:00Z")); // to the end of his expiry day
        });
        assertThat(features.membership().entitlements().of(features.accounts().importReader("eve@example.org", "").reader(), clock.instant()))
                .isNotEmpty();
        assertThat(first.kinds().get("memberships").created()).isEqualTo(4); // ann, bob, eve, frank
    }

    @Test
    @Order(3)
    void anExpiredOrUnreadableExpiryAndAnExistingMemberAreReported() {
        assertThat(subscriptions("dan@example.org")).isEmpty();
        assertThat(first.problems()).anyMatch(p -> p.contains("ended 2020-01-01"));
        assertThat(first.problems()).anyMatch(p -> p.contains("'someday' is not a date"));
        assertThat(subscriptions("frank@example.org")).singleElement().satisfies(s -> assertThat(s.periodEnd()).isEqualTo(UNTIL));
        assertThat(subscriptions("keep@example.org")).extracting(Subscription::id).containsExactly(keepsOwn.id());
        assertThat(first.problems()).anyMatch(p -> p.contains("already a member here"));
    }

    @Test
    @Order(4)
    void runningAgainGrantsNothingTwice() {
        assertThat(second.kinds().get("memberships").created()).isZero();
        assertThat(second.kinds().get("readers").created()).isZero();
        assertThat(subscriptions("ann@example.org")).hasSize(1);
    }

    @Test
    @Order(5)
    void withoutAnEndDateMembersGetAccountsAndTheReportSaysHowToGrant() throws IOException {
        Path one = java.nio.file.Files.createTempFile("members", ".csv");
        java.nio.file.Files.writeString(one, "email,name,status\nnew@example.org,New,paid\n");
        ImportReport report = migration.importGhost(new Migration.Ghost(export, null, one, null, null, null), Migration.Progress.NONE);
        assertThat(subscriptions("new@example.org")).isEmpty();
        assertThat(report.notes()).anyMatch(n -> n.contains("--until"));
    }

    @Test
    @Order(6)
    void aPlanGivenByNameOrIdIsUsedAndAnUnknownOneStopsTheImportFirst() throws IOException {
        Path one = java.nio.file.Files.createTempFile("members", ".csv");
        java.nio.file.Files.writeString(one, "email,name,status\nyearly@example.org,Y,comped\n");
        migration.importGhost(new Migration.Ghost(export, null, one, null, "member, YEARLY", UNTIL), Migration.Progress.NONE);
        assertThat(subscriptions("yearly@example.org")).singleElement()
                .satisfies(s -> assertThat(s.planId()).isEqualTo(plan("Member, yearly").id()));
        int runs = migration.runs(100).size();
        assertThatThrownBy(() -> migration.importGhost(new Migration.Ghost(export, null, one, null, "Platinum", UNTIL), Migration.Progress.NONE))
                .isInstanceOf(UnusableExport.class).hasMessageContaining("There is no plan 'Platinum'").hasMessageContaining("Member, yearly");
        assertThat(migration.runs(100).getFirst().status()).isEqualTo("failed");
        assertThat(migration.runs(100)).hasSize(runs + 1);
    }
}
