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

    /** Adds a redirect unless the path is taken (by another redirect or a live article); true when it leads to {@code to}. */
    static boolean add(Handle h, String from, String to) {
        if (from.equals(to)) {
            return false;
        }
        String[] parts = from.substring(1).split("/", -1);
        boolean live = parts.length == 2 && h.createQuery("""
                select count(*) from articles a join sections s on s.id = a.section_id
                where a.status = 'published' and a.slug = :slug and s.slug = :section""")
                .bind("slug", parts[1]).bind("section", parts[0]).mapTo(Integer.class).one() > 0;
        if (live) {
            return false;
        }
        h.createUpdate("insert into redirects (from_path, to_path) values (:from, :to) on conflict (from_path) do nothing")
                .bind("from", from).bind("to", to).execute();
        return target(h, from).map(to::equals).orElse(false);
    }

    /** A site path: starts with '/', no spaces or control characters, at most 1000 characters. */
    static String path(String field, String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.length() > 1000
                || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw news.masthead.platform.web.WebError.badRequest(field, "Give a path on this site, starting with / (no spaces).");
        }
        return path;
    }

    static Optional<String> target(Handle h, String path) {
        return h.createQuery("select to_path from redirects where from_path = :p").bind("p", path).mapTo(String.class).findOne();
    }
}
