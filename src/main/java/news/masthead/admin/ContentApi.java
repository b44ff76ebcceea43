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
import news.masthead.site.Gate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /api/v1}: published articles for anyone, read-only, newest first and paged. Only what
 * readers can already see; drafts never appear.
 *
 * <p>Gated articles (see {@code site.Gate}): every article says what it {@code requires} (null when
 * free). Without a token, a gated article's {@code bodyHtml} is its free part and a link, and
 * {@code complete} is false — the same as anyone reading the page. An API client with a valid bearer
 * token (a program staff trust, which may already read everything through the admin API) gets the
 * full text, {@code private, no-store}. A wrong token is a 401, not a silent teaser.
 */
final class ContentApi {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final Newsroom newsroom;
    private final Web web;
    private final Supplier<String> baseUrl;
    private final Gate gate;
    private final Function<Context, String> requireApiClient;

    ContentApi(Newsroom newsroom, Web web, Supplier<String> baseUrl, Gate gate, Function<Context, String> requireApiClient) {
        this.newsroom = newsroom;
        this.web = web;
        this.baseUrl = baseUrl;
        this.gate = gate;
        this.requireApiClient = requireApiClient;
    }

    record Byline(String name, String url) {
    }

    record SectionRef(String slug, String name, String url) {
    }

    record Summary(long id, String url, String headline, String standfirst, SectionRef section, List<Byline> authors,
                   Long leadPhotoId, Instant published, Instant updated, String self, String requires) {
    }

    record Page(List<Summary> items, int page, int pageSize, int total, String next, String previous) {
    }

    record Full(long id, int revision, String url, String headline, String socialHeadline, String standfirst,
                String bodyHtml, SectionRef section, List<Byline> authors, List<String> tags, Long leadPhotoId,
                String canonicalUrl, String sourceName, String sourceUrl, Instant published, Instant updated,
                List<CorrectionOut> corrections, String requires, boolean complete) {
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
        List<ArticleSummary> slice = offset >= total ? List.of() : newsroom.latest((int) offset, size);
        Map<Long, String> requirements = gate.requirements(slice.stream().map(ArticleSummary::id).toList());
        List<Summary> items = slice.stream().map(s -> summary(s, requirements.get(s.id()))).toList();
        String base = baseUrl.get() + "/api/v1/articles?pageSize=" + size + "&page=";
        write(ctx, new Page(items, page, size, total, offset + size < total ? base + (page + 1) : null,
                page > 1 ? base + (page - 1) : null));
    }

    private void one(Context ctx) throws JsonProcessingException {
        // a token is checked before anything is looked up: a wrong one is a 401 whatever the id
        boolean client = ctx.header("Authorization") != null;
        if (client) {
            requireApiClient.apply(ctx);
        }
        LiveArticle live = newsroom.live(Pages.id(ctx, "id"))
                .orElseThrow(() -> WebError.notFound("There is no published article with that id."));
        String requires = gate.requirement(live.id()).orElse(null);
        LiveArticle a = client ? live : gate.forEveryone(live);
        Full full = new Full(a.id(), a.revision(), baseUrl.get() + a.path(), a.headline(), a.socialHeadline(),
                a.standfirst(), a.bodyHtml(), section(a.section()), a.authors().stream().map(this::byline).toList(),
                a.tags().stream().map(Tag::name).toList(), a.leadPhotoId(), a.canonicalUrl(), a.sourceName(),
                a.sourceUrl(), a.published(), a.updated(),
                a.corrections().stream().map((Correction c) -> new CorrectionOut(c.text(), c.createdAt())).toList(),
                requires, requires == null || client);
        if (client) {
            ctx.header("Cache-Control", "private, no-store").header("Vary", "Authorization").contentType("application/json")
                    .result(web.json().writeValueAsBytes(full));
            return;
        }
        write(ctx, full);
    }

    private Summary summary(ArticleSummary s, String requires) {
        return new Summary(s.id(), baseUrl.get() + s.path(), s.headline(), s.standfirst(), section(s.section()),
                s.authors().stream().map(this::byline).toList(), s.leadPhotoId(), s.published(), s.updated(),
                baseUrl.get() + "/api/v1/articles/" + s.id(), requires);
    }

    private SectionRef section(news.masthead.newsroom.Section s) {
        return new SectionRef(s.slug(), s.name(), baseUrl.get() + s.path());
    }

    private Byline byline(Author a) {
        return new Byline(a.name(), baseUrl.get() + a.path());
    }

    private void write(Context ctx, Object body) throws JsonProcessingException {
        ctx.header("Cache-Control", "public, max-age=60").header("Vary", "Authorization").contentType("application/json")
                .result(web.json().writeValueAsBytes(body));
    }
}
