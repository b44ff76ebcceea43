package news.masthead.partners;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The partner-article endpoints of the admin API (bearer token):
 * <ul>
 *   <li>{@code PUT /api/admin/v1/partners/{slug}/articles}: create or update by the partner's {@code guid};
 *       201 when created, 200 when updated (a new revision) or unchanged; 400 naming the field.</li>
 *   <li>{@code GET /api/admin/v1/partners/{slug}/articles?guid=…}: what that guid became.</li>
 *   <li>{@code POST /api/admin/v1/partners/{slug}/articles/remove}: the partner took it down; ours is unpublished.</li>
 * </ul>
 * Bodies are read strictly: JSON only, at most 1 MB, no unknown fields, no coercion of numbers into text.
 */
final class PartnerApi {
    static final int MAX_BYTES = 1024 * 1024;

    /** What a partner sends. {@code publishedAt}: ISO-8601 with an offset, optional. */
    record StoryInput(String guid, String url, String headline, String standfirst, String body, String byline, String publishedAt) {
    }

    record RemoveInput(String guid) {
    }

    /** What the API answers about one item. */
    record StoryOutput(String partner, String guid, Long articleId, String outcome, String status, Integer revision, String path,
                       String canonicalUrl, String byline, Instant removedAt, String removedReason) {
    }

    private final Partners partners;
    private final Web web;
    private final Function<Context, String> requireApiClient;
    private final ObjectMapper strict;

    PartnerApi(Partners partners, Web web, Function<Context, String> requireApiClient) {
        this.partners = partners;
        this.web = web;
        this.requireApiClient = requireApiClient;
        this.strict = web.json().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    void routes(RoutesConfig routes) {
        routes.put("/api/admin/v1/partners/{slug}/articles", this::put);
        routes.get("/api/admin/v1/partners/{slug}/articles", this::get);
        routes.post("/api/admin/v1/partners/{slug}/articles/remove", this::remove);
    }

    private void put(Context ctx) {
        Partner partner = partner(ctx);
        StoryInput in = read(ctx, StoryInput.class);
        PartnerStory story = new PartnerStory(in.guid(), in.url(), in.headline(), in.standfirst(), in.body(), in.byline(),
                instant(in.publishedAt()));
        Arrival outcome = partners.receive(partner, story);
        respond(ctx, outcome == Arrival.CREATED ? 201 : 200, partner, story.guid(), outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void get(Context ctx) {
        Partner partner = partner(ctx);
        String guid = ctx.queryParam("guid");
        if (guid == null || guid.isBlank()) {
            throw WebError.badRequest("guid", "Say which article: ?guid=…");
        }
        respond(ctx, 200, partner, guid.strip(), null);
    }

    private void remove(Context ctx) {
        Partner partner = partner(ctx);
        RemoveInput in = read(ctx, RemoveInput.class);
        if (in.guid() == null || in.guid().isBlank()) {
            throw WebError.badRequest("guid", "Give the article's guid.");
        }
        partners.article(partner.id(), in.guid().strip()).orElseThrow(() -> WebError.notFound("We have no article with that guid."));
        boolean removed = partners.remove(partner, in.guid().strip());
        respond(ctx, 200, partner, in.guid().strip(), removed ? "removed" : "unchanged");
    }

    private void respond(Context ctx, int status, Partner partner, String guid, String outcome) {
        PartnerArticle a = partners.article(partner.id(), guid).orElseThrow(() -> WebError.notFound("We have no article with that guid."));
        var article = a.articleId() == null ? null : partners.newsroomArticle(a.articleId());
        StoryOutput out = new StoryOutput(partner.slug(), a.guid(), a.articleId(), outcome,
                article == null ? "storing" : article.status().name().toLowerCase(java.util.Locale.ROOT),
                article == null ? null : article.current().number(), article == null ? null : article.path(),
                a.url(), a.byline(), a.removedAt(), a.removedReason());
        ctx.status(status).header("Cache-Control", "no-store").json(out);
    }

    private Partner partner(Context ctx) {
        requireApiClient.apply(ctx);
        return partners.partner(ctx.pathParam("slug")).orElseThrow(() -> WebError.notFound("There is no partner " + ctx.pathParam("slug") + "."));
    }

    private <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw WebError.unsupportedMedia("body", "Send the body as application/json.");
        }
        if (ctx.contentLength() > MAX_BYTES) {
            throw WebError.tooLarge("body", "The body is too large (at most 1 MB).");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BYTES) {
            throw WebError.tooLarge("body", "The body is too large (at most 1 MB).");
        }
        try {
            T value = strict.readValue(bytes, type);
            if (value == null) {
                throw WebError.badRequest("body", "The body must be a JSON object.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw WebError.badRequest(e.getPropertyName(), "Unknown field '" + e.getPropertyName() + "'.");
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() || e.getPath().getFirst().getFieldName() == null ? "body" : e.getPath().getFirst().getFieldName();
            throw WebError.badRequest(field, field.equals("body") ? "The body must be a JSON object." : "The field '" + field + "' must be text.");
        } catch (JacksonException e) {
            throw WebError.badRequest("body", "The body is not valid JSON.");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw WebError.badRequest("publishedAt", "Give 'publishedAt' as ISO-8601 with an offset, e.g. 2026-11-20T09:30:00Z.");
        }
    }
}
