package news.masthead.migration;

import java.util.List;
import java.util.Map;

/**
 * What an import did: per kind (sections, authors, posts, pages, photos, redirects …) how many
 * were created, updated, skipped and failed; the problems item by item; and notes on what was not
 * imported and why.
 */
public record ImportReport(String source, String file, Map<String, Counts> kinds, List<String> problems,
                           List<String> notes, int problemsLeftOut) {
    public record Counts(int created, int updated, int skipped, int failed) {
        public int total() {
            return created + updated + skipped + failed;
        }
    }

    /** The summary the command line prints, one kind per line, then problems and notes. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        kinds.forEach((kind, c) -> out.append(String.format("%-12s created %d, updated %d, skipped %d, failed %d%n",
                kind, c.created(), c.updated(), c.skipped(), c.failed())));
        for (String note : notes) {
            out.append("note: ").append(note).append('\n');
        }
        for (String problem : problems) {
            out.append("problem: ").append(problem).append('\n');
        }
        if (problemsLeftOut > 0) {
            out.append("… and ").append(problemsLeftOut).append(" more problem(s)\n");
        }
        return out.toString();
    }
}
