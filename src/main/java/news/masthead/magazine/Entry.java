package news.masthead.magazine;

/**
 * One line of an issue's table of contents: a newsroom article, at its position, under an optional
 * department ("Grammar", "Travel"; blank for none).
 */
public record Entry(long articleId, String department) {
    public Entry {
        department = department == null ? "" : department.strip();
    }
}
