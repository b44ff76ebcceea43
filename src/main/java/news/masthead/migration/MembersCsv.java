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
 * Ghost's members CSV, read and checked but not stored (Masthead has no memberships yet): how many
 * members pay, how many have a complimentary plan, how many are free, and which rows are unusable.
 */
final class MembersCsv {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_FIELD = 100_000;

    private MembersCsv() {
    }

    static void count(Path file, Tally tally) {
        int paid = 0;
        int comp = 0;
        int free = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = row(in);
            if (header == null || !header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList().contains("email")) {
                throw new UnusableExport("The members file is not a Ghost members CSV: its first line has no 'email' column.");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).strip().toLowerCase(Locale.ROOT).replace("\uFEFF", ""), i);
            }
            int line = 1;
            for (List<String> row = row(in); row != null; row = row(in)) {
                line++;
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                String email = field(row, columns, "email");
                if (!EMAIL.matcher(email).matches()) {
                    tally.failed("members", "members row " + line, "'" + email + "' is not an email address");
                    continue;
                }
                if (!field(row, columns, "stripe_customer_id").isEmpty()) {
                    paid++;
                } else if ("true".equalsIgnoreCase(field(row, columns, "complimentary_plan"))) {
                    comp++;
                } else {
                    free++;
                }
                tally.count("members", Tally.Outcome.SKIPPED);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnusableExport("Cannot read the members file " + file.getFileName() + ": " + e.getMessage(), e);
        }
        tally.note((paid + comp + free) + " member(s) (" + paid + " paying, " + comp + " complimentary, " + free
                + " free) not imported: Masthead has no memberships yet");
    }

    private static String field(List<String> row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= row.size() ? "" : row.get(i).strip();
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
