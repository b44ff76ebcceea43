package news.masthead.appeals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.accounts.StaffBrowser;
import news.masthead.testing.RunningMasthead;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as {@code appeal.js} drives it, over plain HTTP: its cookies, its stored state
 * ({@code localStorage}) and the appeals closed in this visit ({@code sessionStorage}).
 */
final class AppealVisitor {
    static final ObjectMapper JSON = new ObjectMapper();
    final RunningMasthead app;
    final StaffBrowser browser;
    String state = "";
    String closed = "";
    JsonNode last;

    AppealVisitor(RunningMasthead app, StaffBrowser browser) {
        this.app = app;
        this.browser = browser;
    }

    AppealVisitor(RunningMasthead app) {
        this(app, new StaffBrowser(app));
    }

    /** One article view in {@code section}: what the script receives; the state is kept as the script does. */
    JsonNode view(String section) {
        HttpResponse<String> r = browser.get("/appeals/next?section=" + enc(section) + "&closed=" + enc(closed) + "&state=" + enc(state));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        last = read(r.body());
        state = last.get("state").toString();
        return last;
    }

    /** Article views until one shows an appeal (at most {@code max}); the appeal or null. */
    JsonNode viewUntilShown(String section, int max) {
        for (int i = 0; i < max; i++) {
            JsonNode n = view(section);
            if (n.has("appeal")) {
                return n.get("appeal");
            }
        }
        return null;
    }

    HttpResponse<String> answer(String event, long appeal, String variant) {
        HttpResponse<String> r = browser.post("/appeals/answer", Map.of("event", event, "appeal", Long.toString(appeal),
                "variant", variant, "state", state));
        if (r.statusCode() == 200) {
            state = read(r.body()).get("state").toString();
        }
        if (event.equals("close")) {
            closed = closed.isEmpty() ? Long.toString(appeal) : closed + "," + appeal;
        }
        return r;
    }

    HttpResponse<String> carry() {
        HttpResponse<String> r = browser.post("/appeals/carry", Map.of("state", state));
        if (r.statusCode() == 200) {
            state = read(r.body()).get("state").toString();
        }
        return r;
    }

    /** A new visit in the same browser: session storage starts empty. */
    void newVisit() {
        closed = "";
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
