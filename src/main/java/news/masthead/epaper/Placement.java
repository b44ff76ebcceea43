package news.masthead.epaper;

/** Which newsroom article is on which page (from 1) of a built edition, under which headline. */
public record Placement(long articleId, String headline, int page) {
}
