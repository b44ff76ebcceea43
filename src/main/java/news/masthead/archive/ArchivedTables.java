package news.masthead.archive;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of what an archive holds: every table that is part of a site, in the order an import
 * writes them (a table comes after the tables it references), and every table it deliberately leaves
 * out, with the reason. A feature that adds a table adds it to one of the two lists; a test fails
 * until it does.
 */
final class ArchivedTables {
    private ArchivedTables() {
    }

    /**
     * One archived table.
     *
     * @param key            columns giving every row a stable, unique place (export order; row-by-row comparison)
     * @param staffColumns   columns holding a staff id, written as that staff member's email
     * @param laterColumns   columns that point forwards (a circular reference): inserted as null, then
     *                       set once every table is in
     * @param secretColumns  columns left out (written as null) when the export is made without secrets
     * @param singleton      a table that always holds exactly one row (migrations insert it): replaced, not added to
     */
    record Table(String name, List<String> key, Set<String> staffColumns, Set<String> laterColumns,
                 Set<String> secretColumns, boolean singleton) {
        static Table of(String name, String... key) {
            return new Table(name, List.of(key), Set.of(), Set.of(), Set.of(), false);
        }

        Table staff(String... columns) {
            return new Table(name, key, Set.of(columns), laterColumns, secretColumns, singleton);
        }

        Table later(String... columns) {
            return new Table(name, key, staffColumns, Set.of(columns), secretColumns, singleton);
        }

        Table secret(String... columns) {
            return new Table(name, key, staffColumns, laterColumns, Set.of(columns), singleton);
        }

        Table singletonRow() {
            return new Table(name, key, staffColumns, laterColumns, secretColumns, true);
        }

        String file() {
            return "tables/" + name + ".ndjson";
        }
    }

    /** The table whose ids staff columns hold; it comes first, so emails can be turned back into ids. */
    static final String STAFF = "staff";

    /** What a site is, in import order. */
    static final List<Table> ARCHIVED = List.of(
            // foundations (V1)
            Table.of(STAFF, "id").secret("password_hash"),
            // readers (V91): the people who sign in to the public site
            Table.of("readers", "id"),
            // newsroom (V2)
            Table.of("photos", "id"),
            Table.of("photo_renditions", "photo_id", "width"),
            Table.of("site_settings", "id").singletonRow(),
            Table.of("sections", "id"),
            Table.of("tags", "id"),
            Table.of("authors", "id").staff("staff_id"),
            Table.of("articles", "id").staff("lock_staff_id").later("current_revision_id", "published_revision_id"),
            Table.of("article_revisions", "id").staff("created_by"),
            Table.of("article_authors", "article_id", "author_id"),
            Table.of("article_tags", "article_id", "tag_id"),
            Table.of("corrections", "id").staff("created_by"),
            Table.of("redirects", "from_path"),
            // comments (V105): readers' comments (a reply after its parent, so by id), who may comment and
            // when comments close, staff closings, reports, bans and held words
            Table.of("comment_settings", "scope", "scope_id"),
            Table.of("comment_closings", "article_id"),
            Table.of("comments", "id"),
            Table.of("comment_reports", "comment_id", "reader_id"),
            Table.of("comment_bans", "reader_id"),
            Table.of("comment_held_words", "word"),
            // feed import (V80): the subscriptions, and what became of each item (so nothing is imported twice)
            Table.of("feed_sources", "id"),
            Table.of("feed_items", "id"),
            // imports from WordPress and Ghost (V85): the runs, and the ledger that keeps a second run from doubling
            Table.of("import_runs", "id"),
            Table.of("import_items", "source", "source_id", "kind"),
            // demo content (V70): that the demo is loaded, and which photo each painted picture became
            Table.of("demo_content", "id"),
            Table.of("demo_photos", "seed"),
            // cookie consent (V110): what the publisher declared, the policy, and the record of readers' choices
            Table.of("consent_declarations", "id"),
            Table.of("consent_policy", "id").singletonRow(),
            Table.of("consent_log", "id"),
            // membership (V100, V101): plans, readers' subscriptions with their audit trail, receipts
            Table.of("plans", "id"),
            Table.of("subscriptions", "id"),
            Table.of("subscription_audit", "id"),
            Table.of("receipts", "id"),
            // ads (V125): creatives (each image a library photo), their daily counts, the ad settings
            Table.of("ad_creatives", "id"),
            Table.of("ad_daily_counts", "creative_id", "day"),
            Table.of("ad_settings", "id").singletonRow(),
            // magazine (V150): issues and their tables of contents
            Table.of("magazine_issues", "id"),
            Table.of("magazine_entries", "issue_id", "article_id"),
            // partner publications (V151): the partners and which article each of their stories became
            Table.of("partners", "id"),
            Table.of("partner_articles", "partner_id", "guid"),
            // appeals (V130): what staff wrote, the caps, readers' snoozes and dismissals, the counts per day
            Table.of("appeal_settings", "id").singletonRow(),
            Table.of("appeals", "id"),
            Table.of("appeal_variants", "appeal_id", "key"),
            Table.of("appeal_choices", "reader_id", "appeal_id"),
            Table.of("appeal_counts", "appeal_id", "variant", "day", "event"),
            // ePaper (V140): every printing with its PDF (in chunks), its pages (one-page PDFs and text), where
            // built stories sit, and which printing is live each day; the settings row
            Table.of("epaper_printings", "id"),
            Table.of("epaper_editions", "day"),
            Table.of("epaper_pdf_chunks", "printing_id", "seq"),
            Table.of("epaper_pages", "printing_id", "page"),
            Table.of("epaper_placements", "printing_id", "position"),
            Table.of("epaper_settings", "id").singletonRow(),
            // privacy (V135): the staff audit log, and the privacy settings (no row until an admin saves them)
            Table.of("staff_audit", "id"),
            Table.of("privacy_settings", "id"));

    /** Tables that are not part of a site, and why. */
    static final Map<String, String> LEFT_OUT = Map.ofEntries(
            Map.entry("staff_sessions", "sign-ins are secrets and expire; staff sign in again"),
            Map.entry("api_tokens", "secrets; make new tokens with 'masthead token create'"),
            Map.entry("login_attempts", "rate-limit ephemera"),
            Map.entry("reader_sessions", "sign-ins are secrets and expire; readers sign in again"),
            Map.entry("sign_in_links", "single-use secrets that expire within the hour; they also count requests for the rate limit"),
            Map.entry("outbox_mail", "the old server delivers what it queued; the mails hold sign-in links (secrets)"),
            Map.entry("payment_events", "the provider's webhook log; a site moves between deliveries, and Stripe's retries of an event end within days"),
            Map.entry("outbox", "each node's search index is rebuilt; the import writes one entry per published article"),
            Map.entry("consent_key", "a secret; the new site signs consent cookies with its own key, so readers are asked again"),
            Map.entry("flyway_schema_history", "the target's migrations are its own"),
            Map.entry("epaper_page_images", "derived: rendered again from the pages' PDFs on first view"),
            Map.entry("scheduled_tasks", "db-scheduler's run state; each node schedules its recurring jobs again when it starts"));

    static Optional<Table> named(String name) {
        return ARCHIVED.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
