package news.masthead.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.platform.db.Database;

import java.time.Instant;
import java.util.List;

/** The rows of {@code import_runs}: each import, its counts (updated while it runs) and how it ended. */
final class ImportRuns {
    private final Database db;
    private final ObjectMapper json;

    ImportRuns(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    long start(String source, String fileName, Instant now) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        insert into import_runs (source, file_name, started_at) values (:s, :f, :now) returning id""")
                .bind("s", source).bind("f", fileName).bind("now", now).mapTo(Long.class).one());
    }

    void progress(long id, ImportReport report) {
        db.jdbi().useHandle(h -> h.createUpdate("update import_runs set counts = cast(:c as jsonb) where id = :id")
                .bind("c", write(report)).bind("id", id).execute());
    }

    void finish(long id, ImportReport report, String status, String message, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        update import_runs set counts = cast(:c as jsonb), status = :st, message = :m, finished_at = :now where id = :id""")
                .bind("c", write(report)).bind("st", status).bind("m", message).bind("now", now).bind("id", id).execute());
    }

    List<Migration.Run> recent(int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        select id, source, file_name, status, counts::text as counts, message, started_at, finished_at
                        from import_runs order by started_at desc, id desc limit :limit""")
                .bind("limit", limit)
                .map((rs, c) -> new Migration.Run(rs.getLong("id"), rs.getString("source"), rs.getString("file_name"),
                        rs.getString("status"), read(rs.getString("counts")), rs.getString("message"),
                        rs.getObject("started_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject("finished_at", java.time.OffsetDateTime.class) == null ? null
                                : rs.getObject("finished_at", java.time.OffsetDateTime.class).toInstant()))
                .list());
    }

    private String write(ImportReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportReport read(String counts) {
        try {
            ImportReport r = json.readValue(counts, ImportReport.class);
            return r.kinds() == null ? empty() : r;
        } catch (JsonProcessingException e) {
            return empty();
        }
    }

    private static ImportReport empty() {
        return new ImportReport("", "", java.util.Map.of(), List.of(), List.of(), 0);
    }
}
