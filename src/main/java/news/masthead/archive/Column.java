package news.masthead.archive;

import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * A column as the database describes it, and how its values travel in an archive: integers and
 * booleans as JSON numbers and booleans, text as strings, {@code timestamptz} as ISO-8601 UTC instants
 * (microseconds kept), integer and text arrays as JSON arrays, {@code json}/{@code jsonb} as JSON,
 * {@code bytea} as the SHA-256 of a file under {@code media/}, and any other type as PostgreSQL's own
 * text form (cast back on import, so numeric, date, uuid … round-trip exactly).
 */
record Column(String name, String type, Kind kind) {

    enum Kind { INTEGER, BOOLEAN, TEXT, INSTANT, INTEGER_ARRAY, TEXT_ARRAY, JSON, MEDIA, OTHER }

    /** The table's stored columns in definition order (generated columns are left out: the database makes them). */
    static List<Column> of(Handle h, String table) {
        List<Column> columns = h.createQuery("""
                        select a.attname, format_type(a.atttypid, a.atttypmod) as type
                        from pg_attribute a
                        where a.attrelid = to_regclass(:table) and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                        order by a.attnum""")
                .bind("table", table)
                .map((rs, c) -> new Column(rs.getString("attname"), rs.getString("type"), kindOf(rs.getString("type"))))
                .list();
        if (columns.isEmpty()) {
            throw new ArchiveError("This database has no table '" + table + "' (is it migrated?).");
        }
        return columns;
    }

    private static Kind kindOf(String type) {
        return switch (type) {
            case "bigint", "integer", "smallint" -> Kind.INTEGER;
            case "boolean" -> Kind.BOOLEAN;
            case "text" -> Kind.TEXT;
            case "timestamp with time zone" -> Kind.INSTANT;
            case "bigint[]", "integer[]", "smallint[]" -> Kind.INTEGER_ARRAY;
            case "text[]" -> Kind.TEXT_ARRAY;
            case "json", "jsonb" -> Kind.JSON;
            case "bytea" -> Kind.MEDIA;
            default -> type.startsWith("character varying") ? Kind.TEXT : Kind.OTHER;
        };
    }

    /** The SQL expression that reads the column for export. */
    String select() {
        return kind == Kind.OTHER ? quoted() + "::text" : quoted();
    }

    String quoted() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
