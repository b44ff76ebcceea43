package news.masthead.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.ArticleChange;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Revision;
import news.masthead.newsroom.Section;
import news.masthead.newsroom.Tag;
import news.masthead.platform.cache.CachedPage;
import news.masthead.platform.cache.PageCache;
import news.masthead.platform.cache.Rendered;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.WebError;
import news.masthead.platform.web.Web;
import news.masthead.syndication.Feeds;
import news.masthead.syndication.JsonLd;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The public site: the front page, section fronts, articles, author and tag pages, and the feeds
 * and sitemaps, all served through {@link #serve} (the one place a page cache goes in front). Also
 * owns the site settings (name, language, time zone …) that every public page shows.
 *
 * <p>Register its routes last: {@code /{section}} and {@code /{section}/{slug}} match any path.
 */
public final class Site {
    /**
     * What public responses allow: a shared cache (a CDN) a minute; a browser must ask again each time
     * (a cheap 304 with the ETag), because the same address changes for this browser the moment its
     * reader joins or signs in — a new member must never be shown the browser's old copy of a teaser.
     */
    public static final String CACHE_CONTROL = "public, max-age=0, s-maxage=60, must-revalidate";
    /** A member's pages: only their browser may keep them, and it asks again each time (their membership may end). */
    public static final String PRIVATE_CACHE_CONTROL = "private, max-age=0, must-revalidate";
    /** A member's pages vary on the cookies (the reader session), not only on gzip. */
    public static final String PRIVATE_VARY = "Accept-Encoding, Cookie";
    /** The surrogate key every public response carries (settings and navigation are on all of them). */
    public static final String EVERY_PAGE = Keys.SITE;
    static final String RSS = "application/rss+xml; charset=utf-8";
    static final String ATOM = "application/atom+xml; charset=utf-8";
    static final String JSON_FEED = "application/feed+json; charset=utf-8";
    static final String XML = "application/xml; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    /** The newsroom's slug rule; anything else in a path cannot name a section, article, author or tag. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final String VARIANT_ATTRIBUTE = "site.variant";
    private static final Pattern ARTICLE_SITEMAP = Pattern.compile("articles-([1-9][0-9]{0,5})\\.xml");

    private final PageCache cache;
    private final Newsroom newsroom;
    private final Feeds feeds;
    private final SettingsRows settingsRows;
    private final Pages pages;
    private final Gate gate;
    private final Variants variants;
    private final List<Runnable> settingsListeners = new CopyOnWriteArrayList<>();
    private final Labels labels = new Labels();

    /**
     * @param baseUrl the public base URL without a trailing slash, read on each render (the port is
     *                known only once the server has started)
     */
    public Site(Database database, Newsroom newsroom, Feeds feeds, PhotoFigures photos, Web web, PageCache cache,
                Supplier<String> baseUrl) {
        this(database, newsroom, feeds, photos, web, cache, baseUrl, new Gate(database, newsroom), Variants.everyoneAnonymous(),
                JoinOffer.Source.none());
    }

    /**
     * @param gate     what gated articles require and what everyone gets of them (also handed to feeds and search)
     * @param variants which variant of the pages a request gets (the reader's entitlements)
     * @param offers   the cheapest plan granting an entitlement, for the join box under a gated article
     */
    public Site(Database database, Newsroom newsroom, Feeds feeds, PhotoFigures photos, Web web, PageCache cache,
                Supplier<String> baseUrl, Gate gate, Variants variants, JoinOffer.Source offers) {
        this.cache = cache;
        this.newsroom = newsroom;
        this.feeds = feeds;
        this.gate = gate;
        this.variants = variants;
        this.settingsRows = new SettingsRows(database);
        this.pages = new Pages(newsroom, photos, web.templates(), web.assets(), new JsonLd(web.json()), baseUrl, gate, offers, labels);
    }

    /** What gated articles require, and the free part everyone gets of them. */
    public Gate gate() {
        return gate;
    }

    /** The variant of the public pages this request gets (other features' pages, e.g. ads, ask it too). */
    public Variant variant(Context ctx) {
        Variant known = ctx.attribute(VARIANT_ATTRIBUTE);
        if (known == null) {
            known = variants.of(ctx);
            ctx.attribute(VARIANT_ATTRIBUTE, known);
        }
        return known;
    }

    /**
     * Plugs in the ads: {@code slots} answers which ad slots ({@code top}, {@code in-article},
     * {@code sidebar}) a page rendered for a variant's entitlements carries (null for all), so pages for
     * ad-light readers carry no empty boxes; {@code inArticle} places the in-article box in an article's
     * text on the server, so nothing moves when it fills.
     */
    public void placeAds(java.util.function.Function<Set<String>, Set<String>> slots, java.util.function.UnaryOperator<String> inArticle) {
        pages.placeAds(slots, inArticle);
    }

    /**
     * Plugs in a source of {@link Labels.Label}s shown on article pages and teasers (the magazine's
     * "In Issue 3", a partner's "From …"). The source purges {@code article:<id>} when its labels change.
     */
    public void addLabels(java.util.function.Function<Long, List<Labels.Label>> source) {
        labels.add(source);
    }

    // settings

    public SiteSettings settings() {
        return settingsRows.read();
    }

    /**
     * Validates and saves new settings (400 naming the field: name, tagline, language as a BCP-47 tag,
     * timeZone as a zone id, footerText, logoPhotoId) and tells the listeners: every page shows them.
     */
    public SiteSettings updateSettings(SiteSettings changed) {
        SiteSettings saved = settingsRows.update(changed);
        settingsListeners.forEach(Runnable::run);
        return saved;
    }

    /** Called after the settings changed; the page cache drops every page (surrogate key {@code site}). */
    /**
     * Shows comment counts on list pages' teasers from now on. The counts are cached with the page:
     * the caller purges {@code article:<id>} when an article's count changes.
     */
    public void showCommentCounts(CommentCounts counts) {
        pages.commentCounts(counts);
    }

    public void onSettingsChange(Runnable listener) {
        settingsListeners.add(listener);
    }

    /** The name, navigation and stylesheet of the shared layout, for other features' public pages (search). */
    public PageMeta.SiteFrame frame() {
        return pages.frame(settings());
    }

    // routes

    public void routes(RoutesConfig routes) {
        both(routes, "/", ctx -> serve(ctx, "/", variant -> pages.home(settings(), variant)));
        both(routes, "/robots.txt", ctx -> serve(ctx, "/robots.txt", () -> Page.ok(TEXT, feeds.robots(), Set.of(Keys.SITE))));
        both(routes, "/rss.xml", ctx -> serve(ctx, ctx.path(), () -> feed("rss.xml", null)));
        both(routes, "/atom.xml", ctx -> serve(ctx, ctx.path(), () -> feed("atom.xml", null)));
        both(routes, "/feed.json", ctx -> serve(ctx, ctx.path(), () -> feed("feed.json", null)));
        both(routes, "/sitemap.xml", ctx -> serve(ctx, ctx.path(), () -> sitemap(feeds.sitemapIndex())));
        both(routes, "/news-sitemap.xml", ctx -> serve(ctx, ctx.path(),
                () -> sitemap(feeds.newsSitemap(pages.publication(settings())))));
        both(routes, "/sitemaps/{file}", ctx -> serve(ctx, ctx.path(), () -> sitemapFile(ctx.pathParam("file"))));
        both(routes, "/author/{slug}", ctx -> listing(ctx, (settings, page) -> pages.author(settings, slugOrNull(ctx, "slug"), page)));
        both(routes, "/tag/{slug}", ctx -> listing(ctx, (settings, page) -> pages.tag(settings, slugOrNull(ctx, "slug"), page)));
        both(routes, "/{section}", ctx -> listing(ctx, (settings, page) -> pages.section(settings, slugOrNull(ctx, "section"), page)));
        both(routes, "/{section}/{slug}", this::sectionChild);
        // deeper paths are never pages of ours, but may be old addresses (imported permalinks)
        both(routes, "/{a}/{b}/<rest>", ctx -> serve(ctx, ctx.path(), variant -> pages.notFound(settings())));
    }

    /** A 301 when the path is an old address the newsroom keeps (an imported permalink, a moved article). */
    private Optional<Page> oldAddress(String path) {
        if (path.length() > 1000) {
            return Optional.empty();
        }
        String other = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path + "/";
        return newsroom.redirect(path).or(() -> newsroom.redirect(other))
                .map(target -> Page.movedTo(target, Set.of(Keys.REDIRECTS)));
    }

    /** Public pages answer HEAD exactly as GET, headers only (crawlers and link checkers use it). */
    private static void both(RoutesConfig routes, String path, io.javalin.http.Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /** {@code /{section}/{slug}}: an article, or one of the section's feeds. */
    private void sectionChild(Context ctx) {
        String section = slugOrNull(ctx, "section");
        String child = ctx.pathParam("slug");
        if (section != null && List.of("rss.xml", "atom.xml", "feed.json").contains(child)) {
            serve(ctx, ctx.path(), () -> newsroom.section(section).map(s -> feed(child, s)).orElseGet(() -> pages.notFound(settings())));
            return;
        }
        String slug = slugOrNull(ctx, "slug");
        serve(ctx, ctx.path(), variant -> section == null || slug == null ? pages.notFound(settings())
                : pages.article(settings(), variant, section, slug));
    }

    private interface Listing {
        Optional<Page> render(SiteSettings settings, int page);
    }

    private void listing(Context ctx, Listing listing) {
        int page = pageNumber(ctx.queryParam("page"));
        serve(ctx, ctx.path() + (page > 1 ? "?page=" + page : ""), variant -> {
            SiteSettings settings = settings();
            return listing.render(settings, page).orElseGet(() -> pages.notFound(settings));
        });
    }

    private Page feed(String file, Section section) {
        var publication = pages.publication(settings());
        Set<String> keys = section == null ? Set.of(Keys.SITE, Keys.FEEDS) : Set.of(Keys.SITE, Keys.FEEDS, Keys.section(section.slug()));
        return switch (file) {
            case "rss.xml" -> Page.ok(RSS, feeds.rss(publication, section), keys);
            case "atom.xml" -> Page.ok(ATOM, feeds.atom(publication, section), keys);
            case "feed.json" -> Page.ok(JSON_FEED, feeds.jsonFeed(publication, section), keys);
            default -> throw new IllegalArgumentException("No feed " + file);
        };
    }

    private Page sitemapFile(String file) {
        if (file.equals("pages.xml")) {
            return sitemap(feeds.pagesSitemap());
        }
        var m = ARTICLE_SITEMAP.matcher(file);
        Optional<byte[]> map = m.matches() ? feeds.articleSitemap(Integer.parseInt(m.group(1))) : Optional.empty();
        return map.map(this::sitemap).orElseGet(() -> pages.notFound(settings()));
    }

    private Page sitemap(byte[] xml) {
        return Page.ok(XML, xml, Set.of(Keys.SITE, Keys.SITEMAPS));
    }

    /** A path parameter that can be a slug, or null (the page is then a 404 without asking the database). */
    private static String slugOrNull(Context ctx, String name) {
        String value = ctx.pathParam(name);
        return value.length() <= 200 && SLUG.matcher(value).matches() ? value : null;
    }

    /** {@code ?page=N}: absent means 1; anything but a whole number from 1 to 999999 is a 400. */
    static int pageNumber(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        if (!raw.matches("[0-9]{1,6}") || Integer.parseInt(raw) < 1) {
            throw WebError.badRequest("page", "The page number must be a whole number from 1.");
        }
        return Integer.parseInt(raw);
    }

    // serving

    /**
     * Sends a public response: renders it, answers a matching {@code If-None-Match} with 304, and sets
     * the caching headers. Every public GET comes through here, so a page cache keyed by {@code key}
     * (the path plus its significant query, {@code page} only) goes in front in this one place: on a
     * miss, render; keep only 200s (and 301s if wanted), under {@link Page#surrogateKeys()}, which are
     * known only after rendering (a list carries the keys of the articles it shows).
     */
    public void serve(Context ctx, String key, Supplier<Page> render) {
        // the same for every reader: feeds, sitemaps, robots.txt
        send(ctx, "public|" + key, Variant.ANONYMOUS, render);
    }

    /**
     * Sends a public page that may differ by {@link Variant} (the reader's entitlements that change a
     * page): cached once per (variant, key), so readers with equal entitlements share it and a member's
     * page is never served to anyone else. An anonymous request costs no database query on a hit. A
     * member's page goes out {@link #PRIVATE_CACHE_CONTROL} with {@code Vary: Cookie}.
     */
    public void serve(Context ctx, String key, java.util.function.Function<Variant, Page> render) {
        Variant variant = variant(ctx);
        send(ctx, variant.key() + "|" + key, variant, () -> render.apply(variant));
    }

    private void send(Context ctx, String cacheKey, Variant variant, Supplier<Page> render) {
        CachedPage cached = cache.lookup(cacheKey);
        if (cached != null) {
            cache.serve(ctx, cached);
            return;
        }
        long generation = cache.generation();
        Page page = render.get();
        if (page.status() == 404) {
            page = oldAddress(ctx.path()).orElse(page);
        }
        if (page.status() == 200) {
            Rendered rendered = Rendered.of(page.contentType(), page.body());
            rendered = variant.shared() ? rendered.withCacheControl(CACHE_CONTROL)
                    : rendered.withCacheControl(PRIVATE_CACHE_CONTROL).withVary(PRIVATE_VARY);
            cache.serve(ctx, cache.keep(cacheKey, rendered, page.surrogateKeys(), generation));
            return;
        }
        ctx.status(page.status());
        ctx.contentType(page.contentType());
        if (page.location() != null) {
            ctx.header("Location", page.location());
        }
        if (page.status() != 200 && page.status() != 301) {
            ctx.header("Cache-Control", "no-store");
            ctx.result(page.body());
            return;
        }
        ctx.header("Cache-Control", variant.shared() ? CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
        if (!variant.shared()) {
            ctx.header("Vary", PRIVATE_VARY);
        }
        ctx.header("Surrogate-Key", String.join(" ", page.surrogateKeys()));
        String etag = etag(page.body());
        ctx.header("ETag", etag);
        if (page.status() == 200 && matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.result(page.body());
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    // invalidation

    /**
     * The surrogate keys a newsroom change makes stale: the article (and every list showing it), its
     * section, the front page, its authors' and tags' pages, the feeds and the sitemaps.
     */
    public Set<String> invalidationKeys(ArticleChange change) {
        Set<String> keys = new LinkedHashSet<>(List.of(Keys.article(change.articleId()), Keys.HOME, Keys.FEEDS,
                Keys.SITEMAPS, Keys.REDIRECTS));
        if (change.sectionSlug() != null) {
            keys.add(Keys.section(change.sectionSlug()));
        }
        Optional<LiveArticle> live = newsroom.live(change.articleId());
        live.ifPresent(a -> {
            keys.add(Keys.section(a.section().slug()));
            a.authors().forEach(author -> keys.add(Keys.author(author.slug())));
            a.tags().forEach(tag -> keys.add(Keys.tag(tag.slug())));
        });
        if (live.isEmpty()) {
            // taken down: the bylines and tags it last had lose an entry
            Revision latest = newsroom.article(change.articleId()).current();
            Set<Long> authorIds = new HashSet<>(latest.authorIds());
            Set<Long> tagIds = new HashSet<>(latest.tagIds());
            newsroom.authors().stream().filter(a -> authorIds.contains(a.id())).map(Author::slug).map(Keys::author).forEach(keys::add);
            if (!tagIds.isEmpty()) {
                newsroom.tags().stream().filter(t -> tagIds.contains(t.id())).map(Tag::slug).map(Keys::tag).forEach(keys::add);
            }
        }
        return keys;
    }
}
