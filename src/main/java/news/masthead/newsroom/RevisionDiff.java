package news.masthead.newsroom;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two revisions of an article: the fields that differ, and the body as a
 * line diff with changed words marked. A pure function of the two revisions (plus names for the
 * ids they hold), so it is tested without a database or HTTP.
 *
 * <p>Every {@code *Html} string is safe to put into a page as it is: the text is HTML-escaped
 * first and only then are the {@code <ins>}/{@code <del>} tags added.
 */
public final class RevisionDiff {
    /** Unchanged lines kept around each change; longer unchanged stretches collapse to a gap. */
    static final int CONTEXT = 2;
    // private-use characters stand for the tags while the library works on raw text
    private static final char DEL_START = '\uE000';
    private static final char DEL_END = '\uE001';
    private static final char INS_START = '\uE002';
    private static final char INS_END = '\uE003';

    private final int from;
    private final int to;
    private final List<FieldChange> fields;
    private final List<BodyRow> body;

    private RevisionDiff(int from, int to, List<FieldChange> fields, List<BodyRow> body) {
        this.from = from;
        this.to = to;
        this.fields = fields;
        this.body = body;
    }

    /** One field whose value differs; values as plain text (escape when rendering). */
    public record FieldChange(String label, String before, String after) {
    }

    /** How a body line differs. */
    public enum Kind { SAME, ADDED, REMOVED, CHANGED, GAP }

    /**
     * One row of the body diff: the old and the new line as escaped HTML with {@code <del>}/{@code <ins>}
     * around what changed; a {@link Kind#GAP} row stands for {@code skipped} unchanged lines.
     */
    public record BodyRow(Kind kind, String oldHtml, String newHtml, int skipped) {
    }

    /** Names for the ids a revision holds; an id without a name shows as {@code #id}. */
    public record Labels(Map<Long, String> sections, Map<Long, String> authors, Map<Long, String> tags) {
        public static final Labels NONE = new Labels(Map.of(), Map.of(), Map.of());
    }

    public static RevisionDiff between(Revision before, Revision after, Labels labels) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "Headline", before.headline(), after.headline());
        field(fields, "SEO headline", before.seoHeadline(), after.seoHeadline());
        field(fields, "Standfirst", before.standfirst(), after.standfirst());
        field(fields, "Section", name(labels.sections(), before.sectionId()), name(labels.sections(), after.sectionId()));
        field(fields, "Slug", before.slug(), after.slug());
        field(fields, "Authors", names(labels.authors(), before.authorIds()), names(labels.authors(), after.authorIds()));
        field(fields, "Tags", names(labels.tags(), before.tagIds()), names(labels.tags(), after.tagIds()));
        field(fields, "Lead photo", photo(before.leadPhotoId()), photo(after.leadPhotoId()));
        field(fields, "Canonical URL", before.canonicalUrl(), after.canonicalUrl());
        field(fields, "Source name", before.sourceName(), after.sourceName());
        field(fields, "Source URL", before.sourceUrl(), after.sourceUrl());
        return new RevisionDiff(before.number(), after.number(), List.copyOf(fields),
                body(before.bodyMarkdown(), after.bodyMarkdown()));
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    public List<FieldChange> fields() {
        return fields;
    }

    /** The body rows, unchanged stretches collapsed; empty when the bodies are the same. */
    public List<BodyRow> body() {
        return body;
    }

    public boolean unchanged() {
        return fields.isEmpty() && body.isEmpty();
    }

    private static void field(List<FieldChange> out, String label, String before, String after) {
        String b = before == null ? "" : before;
        String a = after == null ? "" : after;
        if (!b.equals(a)) {
            out.add(new FieldChange(label, b, a));
        }
    }

    private static String name(Map<Long, String> names, long id) {
        return names.getOrDefault(id, "#" + id);
    }

    private static String names(Map<Long, String> names, List<Long> ids) {
        return ids.stream().map(id -> name(names, id)).collect(Collectors.joining(", "));
    }

    private static String photo(Long id) {
        return id == null ? "" : "Photo " + id;
    }

    static List<BodyRow> body(String before, String after) {
        List<String> oldLines = lines(before);
        List<String> newLines = lines(after);
        if (oldLines.equals(newLines)) {
            return List.of();
        }
        DiffRowGenerator generator = DiffRowGenerator.create()
                .showInlineDiffs(true)
                .inlineDiffByWord(true)
                .lineNormalizer(Function.identity())
                .columnWidth(0)
                .oldTag(start -> String.valueOf(start ? DEL_START : DEL_END))
                .newTag(start -> String.valueOf(start ? INS_START : INS_END))
                .build();
        List<BodyRow> rows = new ArrayList<>();
        for (DiffRow row : generator.generateDiffRows(oldLines, newLines)) {
            rows.add(new BodyRow(kind(row.getTag()), html(row.getOldLine()), html(row.getNewLine()), 0));
        }
        return collapse(rows);
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String clean = text.replace("\r\n", "\n").replaceAll("[\uE000-\uE003]", "");
        return Arrays.asList(clean.split("\n", -1));
    }

    private static Kind kind(DiffRow.Tag tag) {
        return switch (tag) {
            case EQUAL -> Kind.SAME;
            case INSERT -> Kind.ADDED;
            case DELETE -> Kind.REMOVED;
            case CHANGE -> Kind.CHANGED;
        };
    }

    /** Escapes the text, then turns the markers into tags: markup in the article can never become markup here. */
    static String html(String marked) {
        if (marked == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(marked.length() + 16);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case DEL_START -> out.append("<del>");
                case DEL_END -> out.append("</del>");
                case INS_START -> out.append("<ins>");
                case INS_END -> out.append("</ins>");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Keeps {@link #CONTEXT} unchanged lines around each change and folds the rest into gap rows. */
    private static List<BodyRow> collapse(List<BodyRow> rows) {
        boolean[] keep = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind() != Kind.SAME) {
                for (int j = Math.max(0, i - CONTEXT); j <= Math.min(rows.size() - 1, i + CONTEXT); j++) {
                    keep[j] = true;
                }
            }
        }
        List<BodyRow> out = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (keep[i]) {
                if (skipped > 0) {
                    out.add(new BodyRow(Kind.GAP, "", "", skipped));
                    skipped = 0;
                }
                out.add(rows.get(i));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            out.add(new BodyRow(Kind.GAP, "", "", skipped));
        }
        return List.copyOf(out);
    }
}
