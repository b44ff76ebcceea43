package news.masthead.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import news.masthead.platform.web.WebError;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Request bodies of the JSON API, read strictly: at most {@link #MAX_BYTES}, JSON only, no unknown
 * fields, no quiet type coercion ({@code 5} is not a headline, {@code "12"} not a photo number).
 * Every refusal is a 400 (413, 415) that names the field at fault, e.g. {@code tags[1]}.
 */
final class JsonBodies {
    static final int MAX_BYTES = 1024 * 1024;
    private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    private final ObjectMapper strict;

    JsonBodies(ObjectMapper shared) {
        this.strict = shared.copy();
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw WebError.unsupportedMedia("body", "Send the body as application/json.");
        }
        long declared = ctx.contentLength();
        if (declared > MAX_BYTES) {
            drain(ctx, declared);
            throw tooLarge();
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw WebError.badRequest("body", "The request body is empty; send a JSON object.");
        }
        T value;
        try {
            value = strict.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw WebError.badRequest(path(e), "Unknown field '" + e.getPropertyName() + "'.");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw WebError.badRequest(field, field.equals("body")
                    ? "The body must be a JSON object." : "The field '" + field + "' has the wrong type.");
        } catch (StreamReadException e) {
            throw WebError.badRequest("body", "The body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (JsonProcessingException e) {
            throw WebError.badRequest("body", "The body is not valid JSON.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw WebError.badRequest("body", "The body must be a JSON object.");
        }
        return value;
    }

    /**
     * Reads and drops a moderately oversized body so the client, still sending it, gets the 413
     * instead of a reset connection; a body far over the limit is not worth reading.
     */
    private static void drain(Context ctx, long declared) {
        if (declared > DRAIN_LIMIT) {
            return;
        }
        try (var in = ctx.req().getInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            // the client gave up; the 413 goes nowhere either way
        }
    }

    private static WebError tooLarge() {
        return WebError.tooLarge("body", "The body is too large (at most 1 MB).");
    }

    /** {@code headline}, {@code tags[1]}; {@code body} when the fault is the whole document. */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}
