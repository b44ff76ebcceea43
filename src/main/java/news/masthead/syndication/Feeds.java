package news.masthead.syndication;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.newsroom.ArticleSummary;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Section;
import news.masthead.newsroom.Tag;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Feeds out: what the paper tells feed readers and crawlers. RSS 2.0, Atom 1.0 and JSON Feed 1.1 of
 * the latest articles (whole paper or one section) with full content, the sitemap index with its
 * article and page sitemaps, the Google News sitemap and {@code robots.txt}. Every method returns the
 * document's bytes; the site serves (and caches) them. All URLs in them are absolute.
 */
public final class Feeds {
    /** Items in each feed. */
    public static final int FEED_ITEMS = 50;
    /** URLs per article sitemap (the protocol allows 50 000; smaller files regenerate faster). */
    public static final int SITEMAP_URLS = 10_000;
    /** The news sitemap's window and its cap (Google reads at most 1 000 URLs). */
    public static final Duration NEWS_WINDOW = Duration.ofHours(48);
    public static final int NEWS_URLS = 1_000;

    private final Newsroom newsroom;
    private final Supplier<String> baseUrl;
    private final LongFunction<Optional<String>> photoUrl;
    private final ObjectMapper json;
    private final Clock clock;
    private final java.util.function.UnaryOperator<LiveArticle> forEveryone;

    /**
     * @param baseUrl  the site's public base URL without a trailing slash (read on each call: it is known
     *                 only once the server has bound its port)
     * @param photoUrl a photo's image URL (site-relative or absolute) by photo id
     */
    public Feeds(Newsroom newsroom, Supplier<String> baseUrl, LongFunction<Optional<String>> photoUrl,
                 ObjectMapper json, Clock clock) {
        this(newsroom, baseUrl, photoUrl, json, clock, java.util.function.UnaryOperator.identity());
    }

    /**
     * @param forEveryone what of an article anyone may read ({@code site.Gate::forEveryone}): feeds are
     *                    public, so a gated article's item carries only its free part and a link
     */
    public Feeds(Newsroom newsroom, Supplier<String> baseUrl, LongFunction<Optional<String>> photoUrl,
                 ObjectMapper json, Clock clock, java.util.function.UnaryOperator<LiveArticle> forEveryone) {
        this.forEveryone = forEveryone;
        this.newsroom = newsroom;
        this.baseUrl = baseUrl;
        this.photoUrl = photoUrl;
        this.json = json;
        this.clock = clock;
    }

    /** RSS 2.0 of the paper ({@code section} null) or of one section. */
    public byte[] rss(FeedPublication publication, Section section) {
        return FeedWriter.write(FeedWriter.RSS, channel(publication, section), items(section));
    }

    /** Atom 1.0 of the paper ({@code section} null) or of one section. */
    public byte[] atom(FeedPublication publication, Section section) {
        return FeedWriter.write(FeedWriter.ATOM, channel(publication, section), items(section));
    }

    /** JSON Feed 1.1 of the paper ({@code section} null) or of one section. */
    public byte[] jsonFeed(FeedPublication publication, Section section) {
        return FeedJson.write(json, channel(publication, section), items(section), photoUrl);
    }

    /** How many article sitemaps there are (at least one, possibly empty). */
    public int articleSitemapCount() {
        return Math.max(1, (newsroom.countPublished() + SITEMAP_URLS - 1) / SITEMAP_URLS);
    }

    /** {@code /sitemap.xml}: the index of the page sitemap and every article sitemap. */
    public byte[] sitemapIndex() {
        String base = baseUrl.get();
        List<SitemapWriter.Entry> maps = new ArrayList<>();
        maps.add(new SitemapWriter.Entry(base + "/sitemaps/pages.xml", null));
        int count = articleSitemapCount();
        for (int n = 1; n <= count; n++) {
            maps.add(new SitemapWriter.Entry(base + "/sitemaps/articles-" + n + ".xml", null));
        }
        return SitemapWriter.index(maps);
    }

    /** Article sitemap number {@code n} (1-based, newest articles first), or empty past the last one. */
    public Optional<byte[]> articleSitemap(int n) {
        if (n < 1 || n > articleSitemapCount()) {
            return Optional.empty();
        }
        String base = baseUrl.get();
        List<SitemapWriter.Entry> urls = new ArrayList<>();
        for (ArticleSummary a : newsroom.latest((n - 1) * SITEMAP_URLS, SITEMAP_URLS)) {
            urls.add(new SitemapWriter.Entry(base + a.path(),
                    a.updated() != null && a.updated().isAfter(a.published()) ? a.updated() : a.published()));
        }
        return Optional.of(SitemapWriter.urlset(urls));
    }

    /** The front page, section fronts, author pages and tag pages. */
    public byte[] pagesSitemap() {
        String base = baseUrl.get();
        List<SitemapWriter.Entry> urls = new ArrayList<>();
        urls.add(new SitemapWriter.Entry(base + "/", null));
        for (Section s : newsroom.sections()) {
            urls.add(new SitemapWriter.Entry(base + s.path(), null));
        }
        for (Author a : newsroom.authors()) {
            urls.add(new SitemapWriter.Entry(base + a.path(), null));
        }
        for (Tag t : newsroom.tags()) {
            urls.add(new SitemapWriter.Entry(base + t.path(), null));
        }
        return SitemapWriter.urlset(urls);
    }

    /** {@code /news-sitemap.xml}: articles first published in the last 48 hours. */
    public byte[] newsSitemap(FeedPublication publication) {
        return SitemapWriter.news(baseUrl.get(), publication,
                newsroom.publishedSince(clock.instant().minus(NEWS_WINDOW), NEWS_URLS));
    }

    public byte[] robots() {
        return RobotsTxt.write(baseUrl.get());
    }

    private FeedChannel channel(FeedPublication publication, Section section) {
        return new FeedChannel(publication, section, baseUrl.get());
    }

    private List<LiveArticle> items(Section section) {
        List<ArticleSummary> latest = section == null ? newsroom.latest(0, FEED_ITEMS)
                : newsroom.latestInSection(section, 0, FEED_ITEMS);
        return newsroom.live(latest.stream().map(ArticleSummary::id).toList()).stream().map(forEveryone).toList();
    }
}
