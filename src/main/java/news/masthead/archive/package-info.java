/**
 * Masthead's own archive of a whole site: {@code masthead export} and {@code masthead import masthead}.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Archive</b>: a directory holding one site: {@code manifest.json}, {@code tables/} and
 *     {@code media/}; avoid: backup (it is not incremental), dump, snapshot.</li>
 * <li><b>Manifest</b>: {@code manifest.json}, {@code {"format": "masthead-archive", "version": 1, ...}}, with
 *     each table file's columns, row count and SHA-256; written last, so a half-written archive has none.</li>
 * <li><b>Table file</b>: {@code tables/<table>.ndjson}, one JSON object per row (newline-delimited), in key
 *     order; avoid: dump file.</li>
 * <li><b>Media file</b>: {@code media/<sha256>}, the bytes of one {@code bytea} value (a photo original or
 *     rendition), named by their SHA-256 and stored once; a row holds the name.</li>
 * <li><b>Archived table</b> / <b>left out</b>: the two lists in {@code ArchivedTables}; every table of the
 *     database is on exactly one of them.</li>
 * <li><b>Staff column</b>: a column holding a staff id, written as that person's email (a revision's
 *     {@code created_by}), so the history reads on its own; <b>later column</b>: a forward reference
 *     (an article's current revision) filled in once every row exists.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * {@link news.masthead.archive.SiteArchive} is the entry point {@code app}'s commands call.
 * {@code ArchivedTables} is the one list of what a site is, in import order; {@code Column} reads a table's
 * columns from the catalogue and decides how their values travel; {@code Exporter} writes from one
 * read-only repeatable-read snapshot through a cursor; {@code Importer} loads in one transaction with
 * {@code RowFile} (reading and checking a table file), {@code Cells} (checking and binding values) and
 * {@code Media} (the media directory, both ways); {@code Manifest} is the manifest.
 * {@link news.masthead.archive.ArchiveError} carries every refusal, naming the file and line.
 * {@code ArchiveBench} is the benchmark behind {@code bench/archive/run}.
 *
 * <h2>Boundaries</h2>
 * The archive is the one place that deliberately reads and writes every feature's tables, with plain
 * SQL, the way {@code pg_dump} does but with meaning: it is a whole-database tool, not a feature, and no
 * feature calls it. In return it knows as little as it can of what the rows mean: values travel by their
 * column type, and what it must know (keys, staff columns, forward references, secrets, singletons) is
 * declared per table in {@code ArchivedTables}, where a new feature adds its tables. It knows one newsroom
 * rule: an import writes an outbox entry per published article, so every node's search index takes the
 * articles in. It does not archive sessions, API tokens, sign-in attempts (secrets and ephemera) nor the
 * outbox and search index (rebuilt). It imports only into an empty database (no merging), keeping ids.
 * It does not convert from other platforms (that is {@code news.masthead.migration}).
 */
package news.masthead.archive;
