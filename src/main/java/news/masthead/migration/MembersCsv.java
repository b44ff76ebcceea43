package news.masthead.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ghost's members CSV, read row by row: the header names the columns (any case, a byte-order mark
 * ignored), fields may be quoted (commas, quotes and new lines inside), and each row comes out with its line
 * number and its fields by column name. {@link #count} only checks and counts (a Masthead without
 * memberships); {@link GhostMembers} imports.
 */
final class MembersCsv {
    static final java.util.regex.Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_FIELD = 100_000;

    /** One member row: its line in the file and its fields by lower-case column name. */
    record Row(int line, Map<String, String> fields) {
        String get(String column) {
            return fields.getOrDefault(column, "").strip();
        }

        /** What Ghost says the member is: {@code paid}, {@code comped} or {@code free} (from {@code status}, else derived). */
        String status() {
            String status = get("status").toLowerCase(Locale.ROOT);
            if (status.equals("paid") || status.equals("comped") || status.equals("free")) {
                return status;
            }
            if (!get("stripe_customer_id").isEmpty()) {
                return "paid";
            }
            return "true".equalsIgnoreCase(get("complimentary_plan")) ? "comped" : "free";
        }
    }

    private MembersCsv() {
    }

    static void read(Path file, java.util.function.Consumer<Row> each) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = row(in);
            List<String> names = header == null ? List.of()
                    : header.stream().map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            if (!names.contains("email")) {
                throw new UnusableExport("The members file is not a Ghost members CSV: its first line has no 'email' column.");
            }
            int line = 1;
            for (List<String> row = row(in); row != null; row = row(in)) {
                line++;
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < names.size() && i < row.size(); i++) {
                    fields.putIfAbsent(names.get(i), row.get(i));
                }
                each.accept(new Row(line, fields));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnusableExport("Cannot read the members file " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static void count(Path file, Tally tally) {
        int[] counts = new int[3];
        read(file, row -> {
            String email = row.get("email");
            if (!EMAIL.matcher(email).matches()) {
                tally.failed("members", "members row " + row.line(), "'" + email + "' is not an email address");
                return;
            }
            switch (row.status()) {
                case "paid" -> counts[0]++;
                case "comped" -> counts[1]++;
                default -> counts[2]++;
            }
            tally.count("members", Tally.Outcome.SKIPPED);
        });
        tally.note((counts[0] + counts[1] + counts[2]) + " member(s) (" + counts[0] + " paying, " + counts[1] + " complimentary, "
                + counts[2] + " free) not imported: this Masthead has no memberships");
    }

    /** One CSV record (RFC 4180: quoted fields may hold commas, quotes and new lines); null at the end. */
    static List<String> row(Reader in) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (field.length() > MAX_FIELD) {
                throw new IOException("a field is longer than " + MAX_FIELD + " characters");
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
