package news.masthead.newsroom;

import news.masthead.platform.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code photos} and {@code photo_renditions}; nothing else reads those tables. */
final class PhotoRows {
    private static final String SELECT = """
            select p.id, p.original_name, p.mime, p.width, p.height, p.caption, p.credit, p.alt_text, p.licence,
                   coalesce(array(select r.width from photo_renditions r where r.photo_id = p.id order by r.width), '{}') as widths,
                   coalesce((select r.mime from photo_renditions r where r.photo_id = p.id limit 1), 'image/jpeg') as rendition_mime
            from photos p
            """;
    /** Matches the trigram index of V20 so searching stays fast in a large library. */
    private static final String SEARCHABLE = "(p.caption || ' ' || p.credit || ' ' || p.original_name)";

    private final Database database;

    PhotoRows(Database database) {
        this.database = database;
    }

    Optional<Photo> find(long id) {
        return database.jdbi().withHandle(h -> h.createQuery(SELECT + " where p.id = :id")
                .bind("id", id).map((rs, ctx) -> photo(rs)).findOne());
    }

    Optional<Photo> findBySha256(String sha256) {
        return database.jdbi().withHandle(h -> h.createQuery(SELECT + " where p.sha256 = :sha")
                .bind("sha", sha256).map((rs, ctx) -> photo(rs)).findOne());
    }

    /**
     * Stores the original and its renditions in one transaction. Returns the new id, or empty when
     * the same bytes were stored meanwhile (a concurrent upload of the same file).
     */
    Optional<Long> insert(String sha256, String originalName, PhotoFormat format, RenditionMaker.Result made,
                          PhotoDetails details, byte[] bytes, Instant now) {
        return database.jdbi().inTransaction(h -> {
            Optional<Long> id = h.createQuery("""
                            insert into photos (sha256, original_name, mime, width, height, caption, credit, alt_text, licence, bytes, created_at)
                            values (:sha, :name, :mime, :width, :height, :caption, :credit, :alt, :licence, :bytes, :now)
                            on conflict (sha256) do nothing
                            returning id""")
                    .bind("sha", sha256).bind("name", originalName).bind("mime", format.mime)
                    .bind("width", made.width()).bind("height", made.height())
                    .bind("caption", details.caption()).bind("credit", details.credit())
                    .bind("alt", details.altText()).bind("licence", details.licence())
                    .bind("bytes", bytes).bind("now", now)
                    .mapTo(Long.class).findOne();
            id.ifPresent(photoId -> insertRenditions(h, photoId, made.renditions()));
            return id;
        });
    }

    private static void insertRenditions(Handle h, long photoId, List<RenditionMaker.Encoded> renditions) {
        PreparedBatch batch = h.prepareBatch("insert into photo_renditions (photo_id, width, mime, bytes) values (:id, :width, :mime, :bytes)");
        for (RenditionMaker.Encoded r : renditions) {
            batch.bind("id", photoId).bind("width", r.width()).bind("mime", r.mime()).bind("bytes", r.bytes()).add();
        }
        batch.execute();
    }

    boolean updateDetails(long id, PhotoDetails details) {
        return database.jdbi().withHandle(h -> h.createUpdate("""
                        update photos set caption = :caption, credit = :credit, alt_text = :alt, licence = :licence
                        where id = :id""")
                .bind("id", id).bind("caption", details.caption()).bind("credit", details.credit())
                .bind("alt", details.altText()).bind("licence", details.licence())
                .execute()) == 1;
    }

    List<Photo> list(String query, int limit, long offset) {
        return database.jdbi().withHandle(h -> search(h, SELECT, query, " order by p.created_at desc, p.id desc limit :limit offset :offset")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> photo(rs)).list());
    }

    long count(String query) {
        return database.jdbi().withHandle(h -> search(h, "select count(*) from photos p", query, "").mapTo(Long.class).one());
    }

    private static Query search(Handle h, String select, String query, String tail) {
        if (query.isEmpty()) {
            return h.createQuery(select + tail);
        }
        return h.createQuery(select + " where " + SEARCHABLE + " ilike :pattern" + tail).bind("pattern", pattern(query));
    }

    Optional<Rendition> rendition(long photoId, int width) {
        return database.jdbi().withHandle(h -> h.createQuery("""
                        select r.photo_id, r.width, r.mime, r.bytes, p.sha256
                        from photo_renditions r join photos p on p.id = r.photo_id
                        where r.photo_id = :id and r.width = :width""")
                .bind("id", photoId).bind("width", width)
                .map((rs, ctx) -> new Rendition(rs.getLong("photo_id"), rs.getInt("width"), rs.getString("mime"),
                        rs.getBytes("bytes"), "\"" + rs.getString("sha256").substring(0, 20) + "-" + rs.getInt("width") + "\""))
                .findOne());
    }

    /** A contains-pattern with the user's own % and _ taken literally. */
    private static String pattern(String query) {
        return "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Photo photo(ResultSet rs) throws SQLException {
        Array array = rs.getArray("widths");
        Integer[] widths = (Integer[]) array.getArray();
        return new Photo(rs.getLong("id"), rs.getString("original_name"), rs.getString("mime"),
                rs.getInt("width"), rs.getInt("height"), rs.getString("caption"), rs.getString("credit"),
                rs.getString("alt_text"), rs.getString("licence"), Arrays.asList(widths), rs.getString("rendition_mime"));
    }
}
