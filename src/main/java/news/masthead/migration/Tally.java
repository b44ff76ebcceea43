package news.masthead.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts and problems gathered while an import runs; read by the progress display while it grows. */
final class Tally {
    static final int MAX_PROBLEMS = 500;

    enum Outcome { CREATED, UPDATED, SKIPPED, FAILED }

    private final String source;
    private final String file;
    private final Map<String, int[]> kinds = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private int problemsLeftOut;

    Tally(String source, String file) {
        this.source = source;
        this.file = file;
    }

    synchronized void count(String kind, Outcome outcome) {
        kinds.computeIfAbsent(kind, k -> new int[4])[outcome.ordinal()]++;
    }

    synchronized void count(String kind, Outcome outcome, int n) {
        kinds.computeIfAbsent(kind, k -> new int[4])[outcome.ordinal()] += n;
    }

    synchronized void failed(String kind, String item, String reason) {
        count(kind, Outcome.FAILED);
        problem(item + ": " + reason);
    }

    /** A problem with an item that was still imported (a photo missing, a redirect not kept …). */
    synchronized void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        } else {
            problemsLeftOut++;
        }
    }

    synchronized void note(String text) {
        notes.add(text);
    }

    synchronized ImportReport report() {
        Map<String, ImportReport.Counts> counts = new LinkedHashMap<>();
        kinds.forEach((k, c) -> counts.put(k, new ImportReport.Counts(c[0], c[1], c[2], c[3])));
        return new ImportReport(source, file, counts, List.copyOf(problems), List.copyOf(notes), problemsLeftOut);
    }
}
