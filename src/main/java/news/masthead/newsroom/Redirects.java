package news.masthead.newsroom;

import org.jdbi.v3.core.Handle;

import java.util.Optional;

/** Old public paths that now live elsewhere; chains are collapsed so a reader is redirected once. */
final class Redirects {
    private Redirects() {
    }

    static void move(Handle h, String from, String to) {
        h.createUpdate("update redirects set to_path = :to where to_path = :from").bind("to", to).bind("from", from).execute();
        h.createUpdate("""
                insert into redirects (from_path, to_path) values (:from, :to)
                on conflict (from_path) do update set to_path = excluded.to_path""").bind("from", from).bind("to", to).execute();
    }

    static Optional<String> target(Handle h, String path) {
        return h.createQuery("select to_path from redirects where from_path = :p").bind("p", path).mapTo(String.class).findOne();
    }
}
