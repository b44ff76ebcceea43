package news.masthead.accounts;

/** A program calling the API with a bearer token; {@code name} says whose it is. */
public record ApiClient(long id, String name) {
}
