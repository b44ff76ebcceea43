package news.masthead.accounts;

/** A person who works on the site: signs in to the admin with an email and a password. */
public record StaffMember(long id, String email, String name, Role role) {
}
