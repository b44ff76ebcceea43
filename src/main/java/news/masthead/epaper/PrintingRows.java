package news.masthead.epaper;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The SQL of the {@code epaper_*} tables; nothing else reads them. */
final class PrintingRows {
    static final int CHUNK = 1024 * 1024;
    private static final String SELECT = """
            select p.*, (e.printing_id is not null) as live
            from epaper_printings p left join epaper_editions e on e.printing_id = p.id
            """;

    private final Jdbi jdbi;

    PrintingRows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long create(LocalDate day, String source, String madeBy, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        insert into epaper_printings (day, status, source, made_by, created_at)
                        values (:day, 'processing', :source, :by, :now) returning id""")
                .bind("day", day).bind("source", source).bind("by", madeBy).bind("now", now)
                .mapTo(Long.class).one());
    }

    Optional<Printing> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where p.id = :id").bind("id", id)
                .map((rs, ctx) -> printing(rs)).findOne());
    }

    List<Printing> ofDay(LocalDate day) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where p.day = :day order by p.id desc").bind("day", day)
                .map((rs, ctx) -> printing(rs)).list());
    }

    List<Printing> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " order by p.day desc, p.id desc limit :limit").bind("limit", limit)
                .map((rs, ctx) -> printing(rs)).list());
    }

    /** The newest printing of the day an editor may change page by page: a draft or what is live. */
    Optional<Printing> newestUsable(LocalDate day) {
        return ofDay(day).stream().filter(p -> p.usable()).findFirst();
    }

    boolean anyOfDay(LocalDate day, String sourcePrefix) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from epaper_printings where day = :day and source like :prefix")
                .bind("day", day).bind("prefix", sourcePrefix + "%").mapTo(Long.class).one()) > 0;
    }

    /** Streams a file into 1 MiB chunks, each its own insert, without holding the file in memory. */
    void storePdf(long printingId, Path file) {
        jdbi.useTransaction(h -> {
            try (InputStream in = Files.newInputStream(file)) {
                int seq = 0;
                while (true) {
                    byte[] chunk = in.readNBytes(CHUNK);
                    if (chunk.length == 0) {
                        break;
                    }
                    h.createUpdate("insert into epaper_pdf_chunks (printing_id, seq, bytes) values (:id, :seq, :bytes)")
                            .bind("id", printingId).bind("seq", seq++).bind("bytes", chunk).execute();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes the stored PDF chunk by chunk (one query per chunk, so only one chunk is in memory). */
    void writePdf(long printingId, OutputStream out) throws IOException {
        int chunks = jdbi.withHandle(h -> h.createQuery("select count(*) from epaper_pdf_chunks where printing_id = :id")
                .bind("id", printingId).mapTo(Integer.class).one());
        for (int seq = 0; seq < chunks; seq++) {
            int s = seq;
            byte[] bytes = jdbi.withHandle(h -> h.createQuery("select bytes from epaper_pdf_chunks where printing_id = :id and seq = :seq")
                    .bind("id", printingId).bind("seq", s).mapTo(byte[].class).one());
            out.write(bytes);
        }
    }

    void insertPage(long printingId, ProcessedPage page) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into epaper_pages (printing_id, page, width_pt, height_pt, pdf, text)
                        values (:id, :page, :w, :h, :pdf, :text)""")
                .bind("id", printingId).bind("page", page.number()).bind("w", page.widthPt()).bind("h", page.heightPt())
                .bind("pdf", page.pdf()).bind("text", page.text()).execute());
    }

    /** Copies a page (its PDF, text and rendered images) from another printing under a new number. */
    void copyPage(long fromPrinting, int fromPage, long toPrinting, int toPage) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into epaper_pages (printing_id, page, width_pt, height_pt, pdf, text)
                            select :to, :toPage, width_pt, height_pt, pdf, text from epaper_pages where printing_id = :from and page = :fromPage""")
                    .bind("to", toPrinting).bind("toPage", toPage).bind("from", fromPrinting).bind("fromPage", fromPage).execute();
            h.createUpdate("""
                            insert into epaper_page_images (printing_id, page, width, height, bytes, created_at)
                            select :to, :toPage, width, height, bytes, created_at from epaper_page_images where printing_id = :from and page = :fromPage""")
                    .bind("to", toPrinting).bind("toPage", toPage).bind("from", fromPrinting).bind("fromPage", fromPage).execute();
        });
    }

    Optional<byte[]> pagePdf(long printingId, int page) {
        return jdbi.withHandle(h -> h.createQuery("select pdf from epaper_pages where printing_id = :id and page = :page")
                .bind("id", printingId).bind("page", page).mapTo(byte[].class).findOne());
    }

    Optional<float[]> pageSize(long printingId, int page) {
        return jdbi.withHandle(h -> h.createQuery("select width_pt, height_pt from epaper_pages where printing_id = :id and page = :page")
                .bind("id", printingId).bind("page", page)
                .map((rs, ctx) -> new float[]{rs.getFloat(1), rs.getFloat(2)}).findOne());
    }

    Optional<String> pageText(long printingId, int page) {
        return jdbi.withHandle(h -> h.createQuery("select text from epaper_pages where printing_id = :id and page = :page")
                .bind("id", printingId).bind("page", page).mapTo(String.class).findOne());
    }

    void insertPlacements(long printingId, List<Placement> placements) {
        jdbi.useHandle(h -> {
            int position = 0;
            for (Placement p : placements) {
                h.createUpdate("""
                                insert into epaper_placements (printing_id, page, article_id, headline, position)
                                values (:id, :page, :article, :headline, :position)""")
                        .bind("id", printingId).bind("page", p.page()).bind("article", p.articleId())
                        .bind("headline", p.headline()).bind("position", position++).execute();
            }
        });
    }

    List<Placement> placements(long printingId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select article_id, headline, page from epaper_placements where printing_id = :id order by page, position""")
                .bind("id", printingId)
                .map((rs, ctx) -> new Placement(rs.getLong(1), rs.getString(2), rs.getInt(3))).list());
    }

    void processed(long printingId, int pages, long bytes, String sha256, String notes, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update epaper_printings set status = 'draft', pages = :pages, pdf_bytes = :bytes, sha256 = :sha,
                               notes = :notes, finished_at = :now where id = :id and status = 'processing'""")
                .bind("id", printingId).bind("pages", pages).bind("bytes", bytes).bind("sha", sha256)
                .bind("notes", notes).bind("now", now).execute());
    }

    /** Marks a printing failed and drops what it had stored: a failed printing keeps only its message. */
    void failed(long printingId, String error, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from epaper_pdf_chunks where printing_id = :id").bind("id", printingId).execute();
            h.createUpdate("delete from epaper_pages where printing_id = :id").bind("id", printingId).execute();
            h.createUpdate("delete from epaper_page_images where printing_id = :id").bind("id", printingId).execute();
            h.createUpdate("delete from epaper_placements where printing_id = :id").bind("id", printingId).execute();
            h.createUpdate("update epaper_printings set status = 'failed', error = :error, finished_at = :now where id = :id")
                    .bind("id", printingId).bind("error", error).bind("now", now).execute();
        });
    }

    /** Printings still processing since before {@code before}: their node stopped mid-way. */
    List<Long> stale(Instant before) {
        return jdbi.withHandle(h -> h.createQuery("select id from epaper_printings where status = 'processing' and created_at < :before")
                .bind("before", before).mapTo(Long.class).list());
    }

    /** The atomic switch: the printing becomes what readers see for its day, in one transaction. */
    boolean publish(long printingId, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<LocalDate> day = h.createQuery("""
                            update epaper_printings set status = 'published', published_at = coalesce(published_at, :now)
                            where id = :id and status in ('draft', 'published') returning day""")
                    .bind("id", printingId).bind("now", now).mapTo(LocalDate.class).findOne();
            day.ifPresent(d -> h.createUpdate("""
                            insert into epaper_editions (day, printing_id, published_at) values (:day, :id, :now)
                            on conflict (day) do update set printing_id = excluded.printing_id, published_at = excluded.published_at""")
                    .bind("day", d).bind("id", printingId).bind("now", now).execute());
            return day.isPresent();
        });
    }

    /** Takes a day's edition off the site (its printings stay). */
    boolean withdraw(LocalDate day) {
        return jdbi.withHandle(h -> h.createUpdate("delete from epaper_editions where day = :day").bind("day", day).execute()) > 0;
    }

    /** Deletes a printing that is not live. */
    boolean delete(long printingId) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery("select count(*) from epaper_editions where printing_id = :id").bind("id", printingId)
                    .mapTo(Long.class).one() > 0) {
                return false;
            }
            return h.createUpdate("delete from epaper_printings where id = :id").bind("id", printingId).execute() > 0;
        });
    }

    // ---- what readers see

    private static final String EDITION = """
            select e.day, e.printing_id, p.pages, p.source, e.published_at
            from epaper_editions e join epaper_printings p on p.id = e.printing_id
            """;

    Optional<Edition> edition(LocalDate day) {
        return jdbi.withHandle(h -> h.createQuery(EDITION + " where e.day = :day").bind("day", day)
                .map((rs, ctx) -> edition(rs)).findOne());
    }

    Optional<Edition> latest() {
        return jdbi.withHandle(h -> h.createQuery(EDITION + " order by e.day desc limit 1").map((rs, ctx) -> edition(rs)).findOne());
    }

    List<LocalDate> daysIn(YearMonth month) {
        return jdbi.withHandle(h -> h.createQuery("select day from epaper_editions where day >= :from and day <= :to order by day")
                .bind("from", month.atDay(1)).bind("to", month.atEndOfMonth()).mapTo(LocalDate.class).list());
    }

    List<YearMonth> months() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select distinct date_trunc('month', day)::date as m from epaper_editions order by m desc""")
                .mapTo(LocalDate.class).list()).stream().map(YearMonth::from).toList();
    }

    boolean published(long printingId) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from epaper_printings where id = :id and status = 'published'")
                .bind("id", printingId).mapTo(Long.class).one()) > 0;
    }

    List<SearchHit> search(long printingId, String query) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select page, ts_headline('simple', text, q, 'StartSel=' || chr(2) || ', StopSel=' || chr(3)
                               || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
                        from epaper_pages, websearch_to_tsquery('simple', :q) q
                        where printing_id = :id and to_tsvector('simple', text) @@ q
                        order by page""")
                .bind("id", printingId).bind("q", query)
                .map((rs, ctx) -> SearchHit.of(rs.getInt(1), rs.getString(2))).list());
    }

    // ---- settings

    EpaperSettings settings() {
        return jdbi.withHandle(h -> h.createQuery("select max_upload_mb, build_at from epaper_settings where id = 1")
                .map((rs, ctx) -> new EpaperSettings(rs.getInt(1), rs.getObject(2, java.time.LocalTime.class))).one());
    }

    void saveSettings(EpaperSettings s) {
        jdbi.useHandle(h -> h.createUpdate("update epaper_settings set max_upload_mb = :mb, build_at = :at where id = 1")
                .bind("mb", s.maxUploadMb()).bind("at", s.buildAt()).execute());
    }

    private static Printing printing(ResultSet rs) throws SQLException {
        return new Printing(rs.getLong("id"), rs.getObject("day", LocalDate.class), rs.getString("status"), rs.getString("source"),
                rs.getInt("pages"), rs.getLong("pdf_bytes"), rs.getString("notes"), rs.getString("error"), rs.getString("made_by"),
                instant(rs, "created_at"), instant(rs, "finished_at"), instant(rs, "published_at"), rs.getBoolean("live"));
    }

    private static Edition edition(ResultSet rs) throws SQLException {
        return new Edition(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getInt(3), rs.getString(4), instant(rs, "published_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

}
