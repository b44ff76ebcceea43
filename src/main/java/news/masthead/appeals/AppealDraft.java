package news.masthead.appeals;

import news.masthead.platform.web.WebError;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An appeal as typed in the admin form, checked: every problem is a 400 naming its field. Times
 * are typed in UTC ({@code 2027-01-31T09:00}).
 */
record AppealDraft(String name, List<Appeal.Signatory> signatories, Long planId, Appeal.Format format, int afterParagraph,
                   List<String> sections, int minViews, Appeal.Audience audience, Instant startsAt, Instant endsAt,
                   boolean active, List<Appeal.Variant> variants) {
    static final List<String> VARIANT_KEYS = List.of("A", "B", "C", "D");

    /** Reads the form through {@code field} (a form parameter by name, null when absent). */
    static AppealDraft parse(Function<String, String> field) {
        String name = text(field.apply("name"), "name", 200, true);
        Appeal.Format format = choice(field.apply("format"), "format", Appeal.Format.class, "dialog, banner or inline");
        int after = number(field.apply("afterParagraph"), "afterParagraph", 1, 100, 3);
        int minViews = number(field.apply("minViews"), "minViews", 0, 100, 0);
        Appeal.Audience audience = choice(blankAs(field.apply("audience"), "all"), "audience", Appeal.Audience.class,
                "all, new or returning");
        Long plan = blank(field.apply("plan")) ? null : (long) number(field.apply("plan"), "plan", 1, Integer.MAX_VALUE, 0);
        Instant starts = time(field.apply("startsAt"), "startsAt");
        Instant ends = time(field.apply("endsAt"), "endsAt");
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            throw WebError.badRequest("endsAt", "The end must come after the start.");
        }
        List<Appeal.Variant> variants = new ArrayList<>();
        for (String key : VARIANT_KEYS) {
            String title = field.apply("title" + key);
            if (blank(title)) {
                continue;
            }
            variants.add(new Appeal.Variant(key, number(field.apply("weight" + key), "weight" + key, 0, 100, 50),
                    text(title, "title" + key, 200, true), text(field.apply("body" + key), "body" + key, 10_000, true),
                    text(field.apply("cta" + key), "cta" + key, 200, true)));
        }
        if (variants.isEmpty()) {
            throw WebError.badRequest("titleA", "Write at least one variant: a title, a text and a call to action.");
        }
        if (variants.stream().mapToInt(Appeal.Variant::weight).sum() == 0) {
            throw WebError.badRequest("weightA", "At least one variant needs a share of the traffic above 0.");
        }
        return new AppealDraft(name, signatories(field.apply("signatories")), plan, format, after,
                sections(field.apply("sections")), minViews, audience, starts, ends, "on".equals(field.apply("active"))
                || "true".equals(field.apply("active")), List.copyOf(variants));
    }

    private static List<Appeal.Signatory> signatories(String raw) {
        List<Appeal.Signatory> out = new ArrayList<>();
        for (String line : (raw == null ? "" : raw).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            String name = (comma < 0 ? line : line.substring(0, comma)).strip();
            String role = comma < 0 ? "" : line.substring(comma + 1).strip();
            if (name.isEmpty() || name.length() > 100 || role.length() > 100) {
                throw WebError.badRequest("signatories", "Each signatory is one line, \"Name, Role\", each part at most 100 characters.");
            }
            out.add(new Appeal.Signatory(name, role));
        }
        if (out.size() > 6) {
            throw WebError.badRequest("signatories", "At most 6 signatories.");
        }
        return List.copyOf(out);
    }

    private static List<String> sections(String raw) {
        if (blank(raw)) {
            return List.of();
        }
        List<String> slugs = Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        for (String s : slugs) {
            if (!s.matches("[a-z0-9][a-z0-9-]{0,79}")) {
                throw WebError.badRequest("sections", "Sections are slugs such as world, culture, separated by commas ('" + s + "' is not one).");
            }
        }
        if (slugs.size() > 50) {
            throw WebError.badRequest("sections", "At most 50 sections.");
        }
        return slugs;
    }

    private static Instant time(String raw, String field) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDateTime.parse(raw.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw WebError.badRequest(field, "Not a time: write it like 2027-01-31T09:00 (UTC).");
        }
    }

    private static <E extends Enum<E>> E choice(String raw, String field, Class<E> type, String allowed) {
        try {
            return Enum.valueOf(type, (raw == null ? "" : raw.strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest(field, "The " + field + " must be " + allowed + ".");
        }
    }

    private static int number(String raw, String field, int min, int max, int otherwise) {
        if (blank(raw)) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw WebError.badRequest(field, "The " + field + " must be a whole number from " + min + " to " + max + ".");
    }

    private static String text(String raw, String field, int max, boolean required) {
        String v = raw == null ? "" : raw.strip();
        if (required && v.isEmpty()) {
            throw WebError.badRequest(field, "The " + field + " is missing.");
        }
        if (v.length() > max) {
            throw WebError.badRequest(field, "The " + field + " is too long (at most " + max + " characters).");
        }
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankAs(String s, String otherwise) {
        return blank(s) ? otherwise : s;
    }
}
