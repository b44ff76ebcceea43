package news.masthead.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The consent log as CSV (RFC 4180 quoting). A cell a spreadsheet would read as a formula
 * (starting with {@code = + - @}, tab or carriage return) is prefixed with a single quote.
 */
final class LogCsv {
    static final String HEADER = "time,policy_version,subject,categories,gpc,via";
    private final Writer out;

    LogCsv(Writer out) {
        this.out = out;
    }

    void header() {
        line(HEADER);
    }

    void row(ConsentRows.LogEntry e) {
        line(String.join(",", cell(e.at().toString()), cell(Integer.toString(e.policyVersion())), cell(e.subject()),
                cell(e.categories()), cell(Boolean.toString(e.gpc())), cell(e.via())));
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private void line(String text) {
        try {
            out.write(text);
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
