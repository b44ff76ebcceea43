package news.masthead.appeals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An appeal as staff wrote it: who signs it, the plan it offers, where and to whom it shows, when,
 * and its variants (each with its own copy and a share of the traffic).
 */
public record Appeal(long id, String name, List<Signatory> signatories, Long planId, Format format, int afterParagraph,
              List<String> sections, int minViews, Audience audience, Instant startsAt, Instant endsAt,
              boolean active, List<Variant> variants) {

    public enum Format {
        DIALOG, BANNER, INLINE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Who the appeal is for by the browser's age: every reader, new readers (first seen in the last day), or returning ones. */
    public enum Audience {
        ALL, NEW, RETURNING;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Signatory(String name, String role) {
    }

    /** One copy of the appeal; {@code weight} is its share of the traffic among the appeal's variants. */
    public record Variant(String key, int weight, String title, String body, String cta) {
    }

    /** Whether the schedule and the active switch allow it at {@code now}. */
    boolean live(Instant now) {
        return active && (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
    }

    boolean shownIn(String section) {
        return sections.isEmpty() || (section != null && sections.contains(section));
    }

    Optional<Variant> variant(String key) {
        return variants.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    String signatoryLines() {
        StringBuilder lines = new StringBuilder();
        for (Signatory s : signatories) {
            lines.append(s.name()).append(s.role().isEmpty() ? "" : ", " + s.role()).append('\n');
        }
        return lines.toString();
    }
}
