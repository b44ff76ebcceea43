package news.masthead.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Binds one archived value to a statement parameter, checking it has the shape its column needs
 * (the reverse of {@link Exporter}'s writing). Parameters are written {@code ?::type} so the database
 * converts text forms itself.
 */
final class Cells {
    private final Connection connection;
    private final ObjectMapper json;
    private final Media media;
    private final Map<String, Long> staffIds;

    Cells(Connection connection, ObjectMapper json, Media media, Map<String, Long> staffIds) {
        this.connection = connection;
        this.json = json;
        this.media = media;
        this.staffIds = staffIds;
    }

    /** Binds {@code value} (already checked to be there) and returns how many media bytes it carried. */
    long bind(PreparedStatement statement, int index, Column column, boolean staff, JsonNode value, String where) throws SQLException {
        if (value.isNull()) {
            statement.setNull(index, Types.OTHER);
            return 0;
        }
        String field = where + ": column '" + column.name() + "' ";
        if (staff) {
            if (!value.isTextual()) {
                throw new ArchiveError(field + "must name a staff member by email.");
            }
            Long id = staffIds.get(value.asText());
            if (id == null) {
                throw new ArchiveError(field + "names " + value.asText() + ", who is not among the archive's staff.");
            }
            statement.setLong(index, id);
            return 0;
        }
        switch (column.kind()) {
            case INTEGER -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw new ArchiveError(field + "must be a whole number (got " + value + ").");
                }
                statement.setLong(index, value.asLong());
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw new ArchiveError(field + "must be true or false (got " + value + ").");
                }
                statement.setBoolean(index, value.asBoolean());
            }
            case TEXT, OTHER -> statement.setString(index, text(value, field));
            case INSTANT -> statement.setObject(index, instant(text(value, field), field));
            case INTEGER_ARRAY -> statement.setArray(index, connection.createArrayOf("bigint", integers(value, field)));
            case TEXT_ARRAY -> statement.setArray(index, connection.createArrayOf("text", texts(value, field)));
            case JSON -> {
                try {
                    statement.setString(index, json.writeValueAsString(value));
                } catch (JsonProcessingException e) {
                    throw new ArchiveError(field + "cannot be written as JSON.", e);
                }
            }
            case MEDIA -> {
                byte[] bytes = media.read(text(value, field), where);
                statement.setBytes(index, bytes);
                return bytes.length;
            }
        }
        return 0;
    }

    private static String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new ArchiveError(field + "must be a string (got " + value + ").");
        }
        return value.asText();
    }

    private static OffsetDateTime instant(String text, String field) {
        try {
            return Instant.parse(text).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ArchiveError(field + "must be an ISO-8601 UTC instant such as 2026-11-20T09:00:00Z (got \"" + text + "\").");
        }
    }

    private static Long[] integers(JsonNode value, String field) {
        if (!value.isArray()) {
            throw new ArchiveError(field + "must be an array of whole numbers (got " + value + ").");
        }
        Long[] out = new Long[value.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode element = value.get(i);
            if (!element.isNull() && !(element.isIntegralNumber() && element.canConvertToLong())) {
                throw new ArchiveError(field + "must be an array of whole numbers (got " + value + ").");
            }
            out[i] = element.isNull() ? null : element.asLong();
        }
        return out;
    }

    private static String[] texts(JsonNode value, String field) {
        if (!value.isArray()) {
            throw new ArchiveError(field + "must be an array of strings (got " + value + ").");
        }
        String[] out = new String[value.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode element = value.get(i);
            if (!element.isNull() && !element.isTextual()) {
                throw new ArchiveError(field + "must be an array of strings (got " + value + ").");
            }
            out[i] = element.isNull() ? null : element.asText();
        }
        return out;
    }
}
