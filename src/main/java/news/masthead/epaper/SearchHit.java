package news.masthead.epaper;

import java.util.List;

/** A page of an edition whose text matches a search, with a snippet split into plain and matched parts. */
public record SearchHit(int page, List<Part> snippet) {
    public record Part(String text, boolean match) {
    }

    /** Splits PostgreSQL's {@code ts_headline} output made with the control characters STX/ETX as markers. */
    static SearchHit of(int page, String headline) {
        java.util.List<Part> parts = new java.util.ArrayList<>();
        boolean match = false;
        StringBuilder current = new StringBuilder();
        for (char c : headline.toCharArray()) {
            if (c == '\u0002' || c == '\u0003') {
                if (!current.isEmpty()) {
                    parts.add(new Part(current.toString(), match));
                }
                current.setLength(0);
                match = c == '\u0002';
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            parts.add(new Part(current.toString(), match));
        }
        return new SearchHit(page, List.copyOf(parts));
    }
}
