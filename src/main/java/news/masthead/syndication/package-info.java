/**
 * Syndication: feeds out (this part) and feeds in ({@code syndication.extract}, another part).
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Feed</b>: the latest 50 articles with full content as RSS 2.0, Atom 1.0 or JSON Feed 1.1, for the
 *       whole paper ({@code /rss.xml} …) or one section ({@code /world/rss.xml} …). <b>Item</b>: one article in a
 *       feed; its <b>item id</b> is a name-based UUID of site and article id, stable across slug changes.
 *       Avoid: channel (except RSS's element), post.</li>
 *   <li><b>Sitemap index</b>: {@code /sitemap.xml}, pointing to the <b>page sitemap</b> (front page, sections,
 *       authors, tags) and the <b>article sitemaps</b> of 10 000 URLs each, newest first.
 *       <b>News sitemap</b>: {@code /news-sitemap.xml}, articles first published in the last 48 hours.</li>
 *   <li><b>Publication</b>: the paper as feeds and structured data name it ({@link news.masthead.syndication.FeedPublication}).</li>
 *   <li><b>JSON-LD</b>: the schema.org {@code NewsArticle} embedded in each article page.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.syndication.Feeds}: the entry class for feeds out; each method returns a document's
 *       bytes. {@code FeedWriter} (RSS/Atom through Rome), {@code FeedJson} (JSON Feed through Jackson),
 *       {@code SitemapWriter} (StAX), {@code RobotsTxt}, {@code FeedLinks} (absolute URLs, item ids),
 *       {@code FeedChannel} (one feed's identity).</li>
 *   <li>{@link news.masthead.syndication.JsonLd}: the {@code NewsArticle} for article pages, escaped to sit inside
 *       a script element.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li>Reads only {@code newsroom.Newsroom}'s public API; owns no tables.</li>
 *   <li>Does not serve HTTP or cache: {@code site.Site} routes and serves these documents through its one
 *       {@code serve} method, with the surrogate keys {@code feeds} and {@code sitemaps}.</li>
 *   <li>Does not know the site settings or photos: callers pass a {@link news.masthead.syndication.FeedPublication}
 *       and a photo-URL function.</li>
 * </ul>
 */
package news.masthead.syndication;
