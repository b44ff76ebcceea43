package news.masthead.syndication;

/**
 * The paper as feeds, sitemaps and structured data name it (from the site settings).
 *
 * @param name        the publication's name
 * @param description one line about it (the tagline); may be blank
 * @param language    BCP-47 tag of its content
 * @param logoUrl     absolute URL of its logo, or null
 */
public record FeedPublication(String name, String description, String language, String logoUrl) {
    public FeedPublication {
        description = description == null ? "" : description;
    }
}
