package news.masthead.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.PageMeta;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The search page and its JSON twin: parse and validate the parameters, search, render. */
final class SearchRoutes {
    private final Search search;
    private final Newsroom newsroom;
    private final Web web;
    private final Supplier<PageMeta.SiteFrame> frame;

    SearchRoutes(Search search, Newsroom newsroom, Web web, Supplier<PageMeta.SiteFrame> frame) {
        this.search = search;
        this.newsroom = newsroom;
        this.web = web;
        this.frame = frame;
    }

    void register(RoutesConfig routes) {
        routes.get("/search", this::page);
        routes.get("/api/v1/search", this::json);
    }

    private void page(Context ctx) {
        SearchRequest request = request(ctx);
        SearchResults results = search.find(request);
        PageMeta meta = new PageMeta(request.text().isBlank() ? "Search" : "Search: " + request.text(),
                null, null, "website", null, null, List.of(), frame.get(), true);
        SearchPage model = new SearchPage(meta, request, results, newsroom.sections(), request.isEmpty());
        web.page(ctx, "search/results.jte", Map.of("page", model));
    }

    private void json(Context ctx) throws Exception {
        SearchRequest request = request(ctx);
        SearchResults results = search.find(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", request.text());
        body.put("page", request.page());
        body.put("pageSize", SearchRequest.PAGE_SIZE);
        body.put("pages", results.pages());
        body.put("total", results.total());
        body.put("totalExact", results.totalExact());
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchResults.Hit hit : results.hits()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("id", hit.id());
            h.put("path", hit.path());
            h.put("headline", hit.headline());
            h.put("headlineHtml", hit.headlineHtml());
            h.put("snippetHtml", hit.snippetHtml());
            h.put("section", hit.sectionSlug());
            h.put("authors", hit.authors());
            h.put("published", hit.published());
            hits.add(h);
        }
        body.put("results", hits);
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(web.json().writeValueAsBytes(body));
    }

    /** Reads and validates the query string; anything malformed is a 400 naming the parameter. */
    static SearchRequest request(Context ctx) {
        String q;
        String section;
        String from;
        String to;
        String sort;
        String page;
        try {
            q = ctx.queryParam("q");
            section = blankToNull(ctx.queryParam("section"));
            from = blankToNull(ctx.queryParam("from"));
            to = blankToNull(ctx.queryParam("to"));
            sort = blankToNull(ctx.queryParam("sort"));
            page = blankToNull(ctx.queryParam("page"));
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("The search address is malformed.");
        }
        if (q != null && q.length() > SearchRequest.MAX_TEXT) {
            throw WebError.badRequest("q", "Please search with at most " + SearchRequest.MAX_TEXT + " characters.");
        }
        if (section != null && !section.matches("[a-z0-9]+(-[a-z0-9]+)*") || section != null && section.length() > 100) {
            throw WebError.badRequest("section", "There is no such section.");
        }
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw WebError.badRequest("from", "The start date must not be after the end date.");
        }
        SearchRequest.Order order = switch (sort == null ? "relevance" : sort.toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchRequest.Order.RELEVANCE;
            case "newest" -> SearchRequest.Order.NEWEST;
            default -> throw WebError.badRequest("sort", "Sort by relevance or newest.");
        };
        int pageNumber = page == null ? 1 : pageNumber(page);
        return new SearchRequest(q, section, fromDay, toDay, order, pageNumber);
    }

    private static LocalDate day(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 1800 || day.getYear() > 9999) {
                throw WebError.badRequest(field, "Please give a date between 1800 and 9999.");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw WebError.badRequest(field, "Please give the date as YYYY-MM-DD.");
        }
    }

    private static int pageNumber(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= SearchRequest.MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw WebError.badRequest("page", "The page must be a number from 1 to " + SearchRequest.MAX_PAGE + ".");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
