package news.masthead.accounts;

/**
 * A person who reads the site and has signed in with a link sent to their email address.
 *
 * @param displayName how the reader wants to be named; empty until they choose one
 */
public record Reader(long id, String email, String displayName) {
}
