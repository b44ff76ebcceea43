package news.masthead.newsroom;

/** A section of the paper (World, Business …): a front of its own and an article's primary home. */
public record Section(long id, String slug, String name, String description, int position) {
    public String path() {
        return "/" + slug;
    }
}
