package news.masthead.press;

/**
 * Where a story went in an edition: the page its headline is on (1 is the front page). A front-page
 * story that jumps is placed on page 1; its continuation is found through the jump line.
 */
public record Placement(long articleId, String headline, int page) {
}
