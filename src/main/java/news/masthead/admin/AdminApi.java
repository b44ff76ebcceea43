package news.masthead.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.Article;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Revision;
import news.masthead.newsroom.Section;
import news.masthead.newsroom.Tag;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.Gate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code /api/admin/v1}: writing and publishing articles from other systems with a bearer token.
 * An update must say which revision it was based on ({@code baseRevision} or {@code If-Match}),
 * so a client never overwrites a newer save unseen (409).
 */
final class AdminApi {
    private final Newsroom newsroom;
    private final Web web;
    private final JsonBodies bodies;
    private final Function<Context, String> requireApiClient;
    private final Supplier<String> baseUrl;

    AdminApi(Newsroom newsroom, Web web, JsonBodies bodies, Function<Context, String> requireApiClient, Supplier<String> baseUrl) {
        this.newsroom = newsroom;
        this.web = web;
        this.bodies = bodies;
        this.requireApiClient = requireApiClient;
        this.baseUrl = baseUrl;
    }

    /** What a client sends to create or replace an article; authors by slug, section by slug, tags by name. */
    record ArticleInput(String headline, String seoHeadline, String standfirst, String body, String section, String slug,
                        List<String> tags, List<String> authors, Long leadPhotoId, String canonicalUrl, String sourceName,
                        String sourceUrl, Integer baseRevision, String requires) {
    }

    record ScheduleInput(String publishAt) {
    }

    /** An article as the admin API returns it. */
    record ArticleOutput(long id, String url, String status, int revision, Integer publishedRevision, String headline,
                         String seoHeadline, String standfirst, String body, String section, String slug,
                         List<String> tags, List<String> authors, Long leadPhotoId, String canonicalUrl,
                         String sourceName, String sourceUrl, Instant publishAt, Instant firstPublishedAt,
                         Instant updatedAt, Instant revisedAt, String requires) {
    }

    void routes(RoutesConfig routes) {
        routes.post("/api/admin/v1/articles", this::create);
        routes.get("/api/admin/v1/articles/{id}", ctx -> respond(ctx, 200, article(ctx)));
        routes.put("/api/admin/v1/articles/{id}", this::update);
        routes.post("/api/admin/v1/articles/{id}/publish", ctx -> {
            Article a = article(ctx);
            newsroom.publish(a.id(), null);
            respond(ctx, 200, newsroom.article(a.id()));
        });
        routes.post("/api/admin/v1/articles/{id}/unpublish", ctx -> {
            Article a = article(ctx);
            newsroom.unpublish(a.id());
            respond(ctx, 200, newsroom.article(a.id()));
        });
        routes.post("/api/admin/v1/articles/{id}/schedule", this::schedule);
    }

    private void create(Context ctx) throws Exception {
        requireApiClient.apply(ctx);
        ArticleInput input = bodies.read(ctx, ArticleInput.class);
        String requirement = Gate.checkRequirement("requires", input.requires());
        long id = newsroom.create(draft(input), null);
        if (requirement != null) {
            newsroom.requireForArticle(id, requirement);
        }
        respond(ctx, 201, newsroom.article(id));
    }

    private void update(Context ctx) throws Exception {
        Article article = article(ctx);
        ArticleInput input = bodies.read(ctx, ArticleInput.class);
        Integer base = input.baseRevision() != null ? input.baseRevision() : ifMatch(ctx.header("If-Match"));
        if (base == null) {
            web.errors().respond(ctx, 428, "Say which revision your change is based on: \"baseRevision\" in the body or an If-Match header.", "baseRevision");
            return;
        }
        String requirement = Gate.checkRequirement("requires", input.requires());
        ArticleDraft draft = draft(input);
        newsroom.save(article.id(), base, draft, null);
        newsroom.requireForArticle(article.id(), requirement);
        respond(ctx, 200, newsroom.article(article.id()));
    }

    private void schedule(Context ctx) throws Exception {
        Article article = article(ctx);
        ScheduleInput input = bodies.read(ctx, ScheduleInput.class);
        if (input.publishAt() == null || input.publishAt().isBlank()) {
            throw WebError.badRequest("publishAt", "The field 'publishAt' is required (ISO-8601, e.g. 2026-11-20T09:30:00Z).");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(input.publishAt().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw WebError.badRequest("publishAt", "Give 'publishAt' as ISO-8601 with an offset, e.g. 2026-11-20T09:30:00Z.");
        }
        newsroom.schedule(article.id(), at);
        respond(ctx, 200, newsroom.article(article.id()));
    }

    /** The article named in the path, once the caller has shown a valid token. */
    private Article article(Context ctx) {
        requireApiClient.apply(ctx);
        return newsroom.article(Pages.id(ctx, "id"));
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; null when absent. */
    static Integer ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip().replaceFirst("^W/", "").replace("\"", "");
        if (!value.matches("\\d{1,9}")) {
            throw WebError.badRequest("If-Match", "If-Match must be the revision number in quotes, e.g. \"3\".");
        }
        return Integer.parseInt(value);
    }

    private ArticleDraft draft(ArticleInput in) {
        required("headline", in.headline());
        required("standfirst", in.standfirst());
        required("body", in.body());
        required("section", in.section());
        List<Long> authorIds = new ArrayList<>();
        List<String> slugs = in.authors() == null ? List.of() : in.authors();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            String field = "authors[" + i + "]";
            if (slug == null) {
                throw WebError.badRequest(field, "An author is given by slug, e.g. \"jane-doe\".");
            }
            authorIds.add(newsroom.author(slug).map(Author::id)
                    .orElseThrow(() -> WebError.badRequest(field, "There is no author '" + slug + "'.")));
        }
        List<String> tags = in.tags() == null ? List.of() : in.tags();
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i) == null) {
                throw WebError.badRequest("tags[" + i + "]", "A tag is a name, e.g. \"Elections\".");
            }
        }
        return new ArticleDraft(in.headline(), in.seoHeadline(), in.standfirst(), in.body(), in.leadPhotoId(), in.section(),
                authorIds, tags, in.slug(), in.canonicalUrl(), in.sourceName(), in.sourceUrl());
    }

    private static void required(String field, String value) {
        if (value == null) {
            throw WebError.badRequest(field, "The field '" + field + "' is required.");
        }
    }

    private void respond(Context ctx, int status, Article a) throws com.fasterxml.jackson.core.JsonProcessingException {
        ctx.status(status).header("Cache-Control", "no-store").header("ETag", "\"" + a.current().number() + "\"")
                .contentType("application/json").result(web.json().writeValueAsBytes(output(a)));
        if (status == 201) {
            ctx.header("Location", "/api/admin/v1/articles/" + a.id());
        }
    }

    private ArticleOutput output(Article a) {
        Revision r = a.current();
        Map<Long, String> tagNames = newsroom.tags().stream().collect(Collectors.toMap(Tag::id, Tag::name));
        Map<Long, String> authorSlugs = newsroom.authors().stream().collect(Collectors.toMap(Author::id, Author::slug));
        String section = newsroom.sections().stream().filter(s -> s.id() == r.sectionId()).map(Section::slug).findFirst().orElse("");
        return new ArticleOutput(a.id(), baseUrl.get() + a.path(), a.status().dbValue(), r.number(), a.publishedRevisionNumber(),
                r.headline(), r.seoHeadline(), r.standfirst(), r.bodyMarkdown(), section, r.slug(),
                r.tagIds().stream().map(tagNames::get).filter(java.util.Objects::nonNull).toList(),
                r.authorIds().stream().map(authorSlugs::get).filter(java.util.Objects::nonNull).toList(),
                r.leadPhotoId(), r.canonicalUrl(), r.sourceName(), r.sourceUrl(), a.publishAt(), a.firstPublishedAt(),
                a.updatedVisibleAt(), r.createdAt(), newsroom.ownRequirement(a.id()));
    }
}
