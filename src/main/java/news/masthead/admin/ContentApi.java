package news.masthead.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.ArticleSummary;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Correction;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Tag;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /api/v1}: published articles for anyone, read-only, newest first and paged. Only what
 * readers can already see; drafts never appear.
 */
final class ContentApi {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final Newsroom newsroom;
    private final Web web;
    private final Supplier<String> baseUrl;

    ContentApi(Newsroom newsroom, Web web, Supplier<String> baseUrl) {
        this.newsroom = newsroom;
        this.web = web;
        this.baseUrl = baseUrl;
    }

    record Byline(String name, String url) {
    }

    record SectionRef(String slug, String name, String url) {
    }

    record Summary(long id, String url, String headline, String standfirst, SectionRef section, List<Byline> authors,
                   Long leadPhotoId, Instant published, Instant updated, String self) {
    }

    record Page(List<Summary> items, int page, int pageSize, int total, String next, String previous) {
    }

    record Full(long id, int revision, String url, String headline, String socialHeadline, String standfirst,
                String bodyHtml, SectionRef section, List<Byline> authors, List<String> tags, Long leadPhotoId,
                String canonicalUrl, String sourceName, String sourceUrl, Instant published, Instant updated,
                List<CorrectionOut> corrections) {
    }

    record CorrectionOut(String text, Instant at) {
    }

    void routes(RoutesConfig routes) {
        routes.get("/api/v1/articles", this::list);
        routes.get("/api/v1/articles/{id}", this::one);
    }

    private void list(Context ctx) throws JsonProcessingException {
        int page = Pages.intQuery(ctx, "page", 1, 1, 1_000_000);
        int size = Pages.intQuery(ctx, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        int total = newsroom.countPublished();
        long offset = (long) (page - 1) * size;
        List<Summary> items = offset >= total ? List.of()
                : newsroom.latest((int) offset, size).stream().map(this::summary).toList();
        String base = baseUrl.get() + "/api/v1/articles?pageSize=" + size + "&page=";
        write(ctx, new Page(items, page, size, total, offset + size < total ? base + (page + 1) : null,
                page > 1 ? base + (page - 1) : null));
    }

    private void one(Context ctx) throws JsonProcessingException {
        LiveArticle a = newsroom.live(Pages.id(ctx, "id"))
                .orElseThrow(() -> WebError.notFound("There is no published article with that id."));
        write(ctx, new Full(a.id(), a.revision(), baseUrl.get() + a.path(), a.headline(), a.socialHeadline(),
                a.standfirst(), a.bodyHtml(), section(a.section()), a.authors().stream().map(this::byline).toList(),
                a.tags().stream().map(Tag::name).toList(), a.leadPhotoId(), a.canonicalUrl(), a.sourceName(),
                a.sourceUrl(), a.published(), a.updated(),
                a.corrections().stream().map((Correction c) -> new CorrectionOut(c.text(), c.createdAt())).toList()));
    }

    private Summary summary(ArticleSummary s) {
        return new Summary(s.id(), baseUrl.get() + s.path(), s.headline(), s.standfirst(), section(s.section()),
                s.authors().stream().map(this::byline).toList(), s.leadPhotoId(), s.published(), s.updated(),
                baseUrl.get() + "/api/v1/articles/" + s.id());
    }

    private SectionRef section(news.masthead.newsroom.Section s) {
        return new SectionRef(s.slug(), s.name(), baseUrl.get() + s.path());
    }

    private Byline byline(Author a) {
        return new Byline(a.name(), baseUrl.get() + a.path());
    }

    private void write(Context ctx, Object body) throws JsonProcessingException {
        ctx.header("Cache-Control", "public, max-age=60").contentType("application/json")
                .result(web.json().writeValueAsBytes(body));
    }
}
