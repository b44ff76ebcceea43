package news.masthead.syndication;

import java.nio.charset.StandardCharsets;

/** {@code /robots.txt}: crawl everything public, keep out of the back office and search results. */
final class RobotsTxt {
    private RobotsTxt() {
    }

    static byte[] write(String baseUrl) {
        return ("""
                User-agent: *
                Allow: /
                Disallow: /admin
                Disallow: /search

                Sitemap: %1$s/sitemap.xml
                Sitemap: %1$s/news-sitemap.xml
                """).formatted(baseUrl).getBytes(StandardCharsets.UTF_8);
    }
}
