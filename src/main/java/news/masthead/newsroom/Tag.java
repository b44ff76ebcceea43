package news.masthead.newsroom;

/** A topic label on articles, with a page of its own. */
public record Tag(long id, String slug, String name) {
    public String path() {
        return "/tag/" + slug;
    }
}
