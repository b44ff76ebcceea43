package news.masthead.membership;

import news.masthead.accounts.Reader;

import java.util.Optional;

/** What membership asks of reader accounts; {@code app} implements it over {@code accounts.Accounts}. */
public interface ReaderDirectory {
    /** A live reader by id. */
    Optional<Reader> byId(long id);

    /** The reader with this address, made if none has it; a bad address is a 400 naming {@code email}. */
    Reader findOrAdd(String email);
}
