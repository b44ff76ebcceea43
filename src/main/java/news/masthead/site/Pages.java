package news.masthead.site;

import news.masthead.newsroom.ArticleLookup;
import news.masthead.newsroom.ArticleSummary;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Section;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Templates;
import news.masthead.syndication.FeedPublication;
import news.masthead.syndication.JsonLd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Renders the public HTML pages: front page, section fronts, author and tag pages, articles, not-found. */
final class Pages {
    static final int PAGE_SIZE = 20;
    static final int LATEST_ON_HOME = 10;
    static final int PER_SECTION_ON_HOME = 4;
    static final int RELATED = 4;

    private final Newsroom newsroom;
    private final PhotoFigures photos;
    private final Templates templates;
    private final Assets assets;
    private volatile CommentCounts commentCounts = CommentCounts.NONE;
    private final JsonLd jsonLd;
    private final Supplier<String> baseUrl;
    /** Null: nothing is gated (pages built without the gate, in tests). */
    private final Gate gate;
    private final JoinOffer.Source offers;
    private final Labels labels;
    /** Which ad slots a page for these entitlements carries (null: all), and the in-article placement. */
    private volatile java.util.function.Function<Set<String>, Set<String>> adSlots = entitlements -> null;
    private volatile java.util.function.UnaryOperator<String> inArticleAd = html -> html;

    Pages(Newsroom newsroom, PhotoFigures photos, Templates templates, Assets assets, JsonLd jsonLd, Supplier<String> baseUrl) {
        this(newsroom, photos, templates, assets, jsonLd, baseUrl, null, JoinOffer.Source.none(), new Labels());
    }

    Pages(Newsroom newsroom, PhotoFigures photos, Templates templates, Assets assets, JsonLd jsonLd, Supplier<String> baseUrl,
          Gate gate, JoinOffer.Source offers, Labels labels) {
        this.labels = labels;
        this.newsroom = newsroom;
        this.photos = photos;
        this.templates = templates;
        this.assets = assets;
        this.jsonLd = jsonLd;
        this.baseUrl = baseUrl;
        this.gate = gate;
        this.offers = offers;
    }

    Page home(SiteSettings settings) {
        return home(settings, Variant.ANONYMOUS);
    }

    /** See {@link Site#placeAds}. */
    void placeAds(java.util.function.Function<Set<String>, Set<String>> slots, java.util.function.UnaryOperator<String> inArticle) {
        this.adSlots = slots;
        this.inArticleAd = inArticle;
    }

    Page home(SiteSettings settings, Variant variant) {
        List<ArticleSummary> latest = newsroom.latest(0, LATEST_ON_HOME + 1);
        ArticleSummary lead = latest.isEmpty() ? null : latest.getFirst();
        Set<String> keys = keys(Keys.HOME);
        latest.forEach(a -> keys.add(Keys.article(a.id())));
        List<SectionBlock> blocks = new ArrayList<>();
        for (Section s : newsroom.sections()) {
            keys.add(Keys.section(s.slug()));
            List<ArticleSummary> newest = newsroom.latestInSection(s, 0, PER_SECTION_ON_HOME);
            newest.forEach(a -> keys.add(Keys.article(a.id())));
            if (!newest.isEmpty()) {
                blocks.add(new SectionBlock(s, newest));
            }
        }
        PageMeta meta = meta(settings, "", settings.tagline(), baseUrl.get() + "/", "website", null, null, List.of());
        Map<String, Object> params = params(settings, meta);
        params.put("lead", lead);
        params.put("leadFigure", lead == null ? null : figure(lead.leadPhotoId()));
        params.put("latest", latest.size() > 1 ? latest.subList(1, latest.size()) : List.of());
        params.put("blocks", blocks);
        List<Long> shown = new ArrayList<>(latest.stream().map(ArticleSummary::id).toList());
        blocks.forEach(b -> b.articles().forEach(a -> shown.add(a.id())));
        params.put("access", access(shown));
        params.put("adSlots", adSlots.apply(variant.entitlements()));
        return html("site/home.jte", params, keys);
    }

    Optional<Page> section(SiteSettings settings, String slug, int page) {
        return newsroom.section(slug).flatMap(s -> listing(settings, "Section", s.name(), s.description(), s.path(), page,
                newsroom.countInSection(s), offset -> newsroom.latestInSection(s, offset, PAGE_SIZE),
                List.of(new PageMeta.AlternateLink("application/rss+xml", s.name() + " (RSS)", s.path() + "/rss.xml"),
                        new PageMeta.AlternateLink("application/atom+xml", s.name() + " (Atom)", s.path() + "/atom.xml"),
                        new PageMeta.AlternateLink("application/feed+json", s.name() + " (JSON Feed)", s.path() + "/feed.json")),
                Keys.section(s.slug())));
    }

    Optional<Page> author(SiteSettings settings, String slug, int page) {
        return newsroom.author(slug).flatMap(a -> listing(settings, "Author", a.name(), a.bio(), a.path(), page,
                newsroom.countByAuthor(a), offset -> newsroom.latestByAuthor(a, offset, PAGE_SIZE), List.of(),
                Keys.author(a.slug())));
    }

    Optional<Page> tag(SiteSettings settings, String slug, int page) {
        return newsroom.tag(slug).flatMap(t -> listing(settings, "Tag", t.name(), "", t.path(), page,
                newsroom.countWithTag(t), offset -> newsroom.latestWithTag(t, offset, PAGE_SIZE), List.of(),
                Keys.tag(t.slug())));
    }

    private interface Slice {
        List<ArticleSummary> at(int offset);
    }

    /** A paginated list; empty when the page number is past the last page. */
    private Optional<Page> listing(SiteSettings settings, String kind, String title, String intro, String path, int page,
                                   int count, Slice slice, List<PageMeta.AlternateLink> alternates, String key) {
        int pages = Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) {
            return Optional.empty();
        }
        List<ArticleSummary> items = slice.at((page - 1) * PAGE_SIZE);
        Set<String> keys = keys(key);
        items.forEach(a -> keys.add(Keys.article(a.id())));
        String canonical = baseUrl.get() + path + (page > 1 ? "?page=" + page : "");
        String pageTitle = page > 1 ? title + " (page " + page + ")" : title;
        PageMeta meta = meta(settings, pageTitle, intro.isBlank() ? kind + ": " + title : intro, canonical, "website", null,
                null, alternates);
        Map<String, Object> params = params(settings, meta);
        params.put("kind", kind);
        params.put("heading", title);
        params.put("intro", intro);
        params.put("items", items);
        params.put("pager", new Pager(page, pages, path));
        params.put("access", access(items.stream().map(ArticleSummary::id).toList()));
        return Optional.of(html("site/listing.jte", params, keys));
    }

    /** What lives at {@code /{section}/{slug}}: the article, a redirect, or a 404/410 page. */
    Page article(SiteSettings settings, String sectionSlug, String slug) {
        return article(settings, Variant.ANONYMOUS, sectionSlug, slug);
    }

    Page article(SiteSettings settings, Variant variant, String sectionSlug, String slug) {
        ArticleLookup lookup = newsroom.lookup(sectionSlug, slug);
        return switch (lookup) {
            case ArticleLookup.Live live -> article(settings, variant, live.article());
            case ArticleLookup.Moved moved -> Page.movedTo(moved.path(), keys(Keys.REDIRECTS));
            case ArticleLookup.Gone gone -> missing(settings, 410, "This article has been removed",
                    "This article was published here and has since been taken down.");
            case ArticleLookup.Missing missing -> notFound(settings);
        };
    }

    Page article(SiteSettings settings, LiveArticle a) {
        return article(settings, Variant.ANONYMOUS, a);
    }

    /**
     * An article for one variant: in full when it is free or the variant holds its requirement; else
     * the free part and the join box. The text past the free part is never in the page then.
     */
    Page article(SiteSettings settings, Variant variant, LiveArticle a) {
        Optional<String> requirement = gate == null ? Optional.empty() : gate.requirement(a.id());
        Gate.Split split = gate == null ? new Gate.Split(a.bodyHtml(), "") : gate.split(a, requirement);
        boolean entitled = requirement.isEmpty() || variant.has(requirement.get());
        String base = baseUrl.get();
        String ownUrl = base + a.path();
        String canonical = a.canonicalUrl() != null && isWebUrl(a.canonicalUrl()) ? a.canonicalUrl() : ownUrl;
        PhotoFigures.Figure figure = figure(a.leadPhotoId());
        String imageUrl = figure == null ? null : absolute(base, figure.src());
        FeedPublication publication = publication(settings);
        String ld = jsonLd.newsArticle(a, ownUrl, imageUrl == null ? List.of() : List.of(imageUrl), publication, base,
                requirement.isEmpty() ? null : "." + Gate.GATED_CLASS);
        List<ArticleSummary> related = newsroom.related(a, RELATED);
        Set<String> keys = keys(Keys.article(a.id()));
        related.forEach(r -> keys.add(Keys.article(r.id())));
        PageMeta meta = meta(settings, a.socialHeadline(), a.standfirst(), canonical, "article", imageUrl, ld, List.of());
        Map<String, Object> params = params(settings, meta);
        params.put("article", a);
        params.put("figure", figure);
        params.put("sourceLink", a.sourceUrl() != null && isWebUrl(a.sourceUrl()) ? a.sourceUrl() : null);
        params.put("related", related);
        params.put("access", access(related.stream().map(ArticleSummary::id).toList()));
        params.put("requirement", requirement.map(Gate::label).orElse(null));
        Set<String> slots = adSlots.apply(variant.entitlements());
        params.put("adSlots", slots);
        params.put("freeHtml", slots == null || slots.contains("in-article") ? inArticleAd.apply(split.free()) : split.free());
        params.put("gatedHtml", split.gated() && entitled ? split.rest() : null);
        params.put("offer", split.gated() && !entitled ? new JoinBox(Gate.label(requirement.get()),
                offers.cheapestGranting(requirement.get()).orElse(null)) : null);
        return html("site/article.jte", params, keys);
    }

    Page notFound(SiteSettings settings) {
        return missing(settings, 404, "Page not found", "We could not find that page. It may have moved, or the address may be mistyped.");
    }

    Page missing(SiteSettings settings, int status, String heading, String message) {
        PageMeta meta = new PageMeta(heading, null, null, "website", null, null, List.of(), frame(settings), true);
        Map<String, Object> params = params(settings, meta);
        params.put("heading", heading);
        params.put("message", message);
        byte[] body = templates.render("site/missing.jte", params);
        return new Page(status, Page.HTML, body, keys(), null);
    }

    /** The head and frame of a public page, for other features' pages in the shared layout (search). */
    PageMeta meta(SiteSettings settings, String title, String description, String canonicalUrl, String ogType,
                  String imageUrl, String jsonLdText, List<PageMeta.AlternateLink> alternates) {
        return new PageMeta(title, description == null || description.isBlank() ? null : description, canonicalUrl,
                ogType, imageUrl, jsonLdText, alternates, frame(settings), false);
    }

    PageMeta.SiteFrame frame(SiteSettings settings) {
        List<PageMeta.NavLink> nav = new ArrayList<>();
        nav.add(new PageMeta.NavLink("Home", "/"));
        for (Section s : newsroom.sections()) {
            nav.add(new PageMeta.NavLink(s.name(), s.path()));
        }
        return new PageMeta.SiteFrame(settings.name(), settings.tagline(), settings.language(), settings.footerText(),
                assets.url("site.css"), nav);
    }

    FeedPublication publication(SiteSettings settings) {
        String logo = settings.logoPhotoId() == null ? null
                : photos.figure(settings.logoPhotoId()).map(f -> absolute(baseUrl.get(), f.src())).orElse(null);
        return new FeedPublication(settings.name(), settings.tagline(), settings.language(), logo);
    }

    /** Labels ("Premium") of the listed articles that are gated, for the badge on lists. */
    private Map<Long, String> access(List<Long> articleIds) {
        if (gate == null || articleIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> labels = new LinkedHashMap<>();
        gate.requirements(articleIds).forEach((id, requirement) -> labels.put(id, Gate.label(requirement)));
        return labels;
    }

    private PhotoFigures.Figure figure(Long photoId) {
        return photoId == null ? null : photos.figure(photoId).orElse(null);
    }

    void commentCounts(CommentCounts counts) {
        this.commentCounts = java.util.Objects.requireNonNull(counts);
    }

    private Map<String, Object> params(SiteSettings settings, PageMeta meta) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("meta", meta);
        params.put("times", new Times(settings.zone(), settings.locale()));
        params.put("labels", labels);
        params.put("counts", commentCounts);
        return params;
    }

    private Page html(String template, Map<String, Object> params, Set<String> keys) {
        return Page.ok(Page.HTML, templates.render(template, params), keys);
    }

    private static Set<String> keys(String... keys) {
        Set<String> set = new LinkedHashSet<>(List.of(keys));
        set.add(Keys.SITE);
        return set;
    }

    static String absolute(String base, String urlOrPath) {
        return isWebUrl(urlOrPath) ? urlOrPath : base + (urlOrPath.startsWith("/") ? "" : "/") + urlOrPath;
    }

    static boolean isWebUrl(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }
}
