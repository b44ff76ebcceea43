package news.masthead.newsroom;

/** A byline: a person who writes for the paper, with a bio and an optional photo. */
public record Author(long id, String slug, String name, String bio, Long photoId) {
    public String path() {
        return "/author/" + slug;
    }
}
