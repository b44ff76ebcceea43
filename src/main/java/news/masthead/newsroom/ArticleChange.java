package news.masthead.newsroom;

/**
 * Told to listeners after a change to what readers see has committed: the page cache and the search
 * index follow these. {@code path} is the article's public path, {@code sectionSlug} its section.
 */
public record ArticleChange(long articleId, String path, String sectionSlug, Kind kind) {
    public enum Kind { PUBLISHED, UPDATED, UNPUBLISHED }
}
