package news.masthead.site;

import java.util.List;

/**
 * The head of a public page: title, description, canonical address, social cards, structured data,
 * and the navigation every page shows. Built by the site feature; also used by other features'
 * public pages (search) through the shared layout {@code site/layout.jte}.
 *
 * @param title        the document title (the site name is appended by the layout)
 * @param description  meta description, plain text
 * @param canonicalUrl absolute canonical URL, or null
 * @param ogType       OpenGraph type ("website", "article")
 * @param imageUrl     absolute social image URL, or null
 * @param jsonLd       schema.org JSON-LD (already serialized and safe to embed), or null
 * @param extraHead    alternate links (feeds) as (rel-type-title-href) entries
 * @param site         the site's name, tagline, language and navigation
 * @param noindex      whether robots should stay away (search result pages)
 */
public record PageMeta(String title, String description, String canonicalUrl, String ogType, String imageUrl,
                       String jsonLd, List<AlternateLink> extraHead, SiteFrame site, boolean noindex) {

    /** A {@code <link rel="alternate">} such as a section's RSS feed. */
    public record AlternateLink(String type, String title, String href) {
    }

    /** What the layout needs from the site settings and the section list. */
    public record SiteFrame(String name, String tagline, String language, String footerText, String stylesheet,
                            List<NavLink> navigation) {
    }

    public record NavLink(String label, String href) {
    }
}
