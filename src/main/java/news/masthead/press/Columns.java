package news.masthead.press;

import java.util.ArrayList;
import java.util.List;

/**
 * Balances a story's measured copy over columns, as a compositor does: every column about as long
 * as the others, paragraphs split between columns at a line (never leaving a single line behind),
 * subheads and tables kept whole. Columns may start lower (under a photo) and have a greatest
 * height; what does not fit is left over for the caller to jump or cut.
 */
final class Columns {
    private Columns() {
    }

    /** A block as measured in one column: its height in points and its words. */
    record Measured(float height, boolean splittable, int words) {
    }

    /** Words {@code from}..{@code to} (exclusive) of block {@code block}; whole when from is 0 and to is its word count. */
    record Piece(int block, int from, int to, boolean whole) {
    }

    /**
     * @param columns   the pieces of each column, top to bottom
     * @param leftover  the first piece that did not fit (null when everything fits), from which the rest follows
     * @param height    the height of the longest column in points
     */
    record Layout(List<List<Piece>> columns, Piece leftover, float height) {
    }

    /**
     * @param offsets how far down each column starts (e.g. under a photo), in points; its length is the column count
     * @param max     the greatest column height in points, offsets included
     * @param line    the line height in points
     */
    static Layout balance(List<Measured> blocks, float[] offsets, float max, float line) {
        float total = 0;
        for (Measured m : blocks) {
            total += m.height();
        }
        float offsetSum = 0;
        for (float o : offsets) {
            offsetSum += o;
        }
        float target = Math.max(line, lines((total + offsetSum) / offsets.length, line) * line);
        while (true) {
            float t = Math.min(target, max);
            Layout layout = fill(blocks, offsets, t, line);
            if (layout.leftover() == null || t >= max) {
                return layout;
            }
            target += line;
        }
    }

    private static float lines(float height, float line) {
        return (float) Math.ceil(height / line - 0.01);
    }

    private static Layout fill(List<Measured> blocks, float[] offsets, float target, float line) {
        List<List<Piece>> columns = new ArrayList<>();
        int column = 0;
        List<Piece> current = new ArrayList<>();
        float used = offsets[0];
        float longest = 0;
        int i = 0;
        int from = 0;
        while (i < blocks.size()) {
            Measured m = blocks.get(i);
            float h = from == 0 ? m.height() : remainingHeight(m, from, line);
            if (used + h <= target + 0.5f) {
                current.add(new Piece(i, from, m.words(), from == 0));
                used += h;
                i++;
                from = 0;
                continue;
            }
            // does not fit whole: split a paragraph at a line, else move on
            if (m.splittable()) {
                int totalLines = Math.max(1, Math.round(m.height() / line));
                int linesLeft = Math.max(1, Math.round(h / line));
                int fit = (int) Math.floor((target - used + 0.5f) / line);
                if (linesLeft - fit < 2) {
                    fit = linesLeft - 2;
                }
                if (fit >= 2 || (fit >= 1 && from > 0)) {
                    int doneLines = totalLines - linesLeft;
                    int to = Math.round((float) m.words() * (doneLines + fit) / totalLines);
                    if (to > from && to < m.words()) {
                        current.add(new Piece(i, from, to, false));
                        used += fit * line;
                        from = to;
                    }
                }
            } else if (current.isEmpty()) {
                // taller than a column: it goes in alone
                current.add(new Piece(i, 0, m.words(), true));
                used += h;
                i++;
                from = 0;
                continue;
            }
            // next column
            longest = Math.max(longest, used);
            columns.add(current);
            column++;
            if (column == offsets.length) {
                return new Layout(columns, new Piece(i, from, m.words(), from == 0), longest);
            }
            current = new ArrayList<>();
            used = offsets[column];
        }
        longest = Math.max(longest, used);
        columns.add(current);
        while (columns.size() < offsets.length) {
            columns.add(new ArrayList<>());
        }
        return new Layout(columns, null, longest);
    }

    private static float remainingHeight(Measured m, int from, float line) {
        int totalLines = Math.max(1, Math.round(m.height() / line));
        int doneLines = Math.round((float) totalLines * from / Math.max(1, m.words()));
        return Math.max(1, totalLines - doneLines) * line;
    }
}
