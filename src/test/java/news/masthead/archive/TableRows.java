package news.masthead.archive;

import news.masthead.platform.db.Database;
import org.postgresql.util.PGobject;

import java.sql.Array;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every row of an archived table, in key order, as plain comparable values: bytes by their SHA-256,
 * arrays as lists, times as instants. The comparison in the tests is over {@link ArchivedTables#ARCHIVED},
 * the same list the archive is made from.
 */
final class TableRows {
    private TableRows() {
    }

    static List<Map<String, Object>> of(Database db, ArchivedTables.Table table, Set<String> excluded) {
        return db.jdbi().withHandle(h -> {
            String order = Exporter.orderBy(table, Column.of(h, table.name()));
            return h.createQuery("select * from " + table.name() + " order by " + order).map((rs, ctx) -> {
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (!excluded.contains(meta.getColumnName(i))) {
                        row.put(meta.getColumnName(i), plain(rs.getObject(i)));
                    }
                }
                return row;
            }).list();
        });
    }

    static Map<String, List<Map<String, Object>>> all(Database db) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        ArchivedTables.ARCHIVED.forEach(t -> tables.put(t.name(), of(db, t, Set.of())));
        return tables;
    }

    private static Object plain(Object value) throws SQLException {
        return switch (value) {
            case byte[] bytes -> "sha256:" + Media.sha256(bytes);
            case Array array -> Arrays.asList((Object[]) array.getArray());
            case Timestamp time -> time.toInstant();
            case PGobject object -> object.getType() + ":" + object.getValue();
            case null, default -> value;
        };
    }
}
