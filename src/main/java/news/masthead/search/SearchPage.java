package news.masthead.search;

import news.masthead.newsroom.Section;
import news.masthead.site.PageMeta;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the search page template shows: the form as submitted, the results, the page links. */
public record SearchPage(PageMeta meta, SearchRequest request, SearchResults results, List<Section> sections,
                         boolean blank) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public String from() {
        return request.from() == null ? "" : request.from().toString();
    }

    public String to() {
        return request.to() == null ? "" : request.to().toString();
    }

    public boolean newest() {
        return request.order() == SearchRequest.Order.NEWEST;
    }

    public boolean selected(Section section) {
        return section.slug().equals(request.section());
    }

    /** "3 results", "1 result", "More than 10,000 results", "No results". */
    public String count() {
        long total = results.total();
        if (total == 0) {
            return "No results";
        }
        String n = String.format(Locale.ENGLISH, "%,d", total);
        return (results.totalExact() ? "" : "More than ") + n + (total == 1 && results.totalExact() ? " result" : " results");
    }

    public String day(SearchResults.Hit hit) {
        return DAY.format(hit.published());
    }

    /** Page links around the current page (at most 9), each with its address. */
    public List<PageLink> pageLinks() {
        int pages = results.pages();
        List<PageLink> links = new ArrayList<>();
        if (pages <= 1) {
            return links;
        }
        int first = Math.max(1, Math.min(request.page() - 4, pages - 8));
        int last = Math.min(pages, first + 8);
        for (int p = first; p <= last; p++) {
            links.add(new PageLink(p, href(p), p == request.page()));
        }
        return links;
    }

    public String previous() {
        return request.page() > 1 ? href(request.page() - 1) : null;
    }

    public String next() {
        return request.page() < results.pages() ? href(request.page() + 1) : null;
    }

    private String href(int page) {
        StringBuilder s = new StringBuilder("/search?q=").append(encode(request.text()));
        if (request.section() != null) {
            s.append("&section=").append(encode(request.section()));
        }
        if (request.from() != null) {
            s.append("&from=").append(request.from());
        }
        if (request.to() != null) {
            s.append("&to=").append(request.to());
        }
        if (newest()) {
            s.append("&sort=newest");
        }
        return s.append("&page=").append(page).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public record PageLink(int number, String href, boolean current) {
    }
}
