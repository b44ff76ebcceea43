package news.masthead.search;

import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchRoutesTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Newsroom newsroom = app.masthead.newsroom();

    static {
        newsroom.saveSection(null, "world", "World", "", 1);
        newsroom.saveSection(null, "science", "Science", "", 2);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long publish(String headline, String body, String section) {
        long id = newsroom.create(ArticleDraft.of(headline, "", body, section), null);
        newsroom.publish(id, null);
        return id;
    }

    static HttpResponse<String> eventually(String path, String expected) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            HttpResponse<String> response = app.get(path);
            if (response.body().contains(expected) || Instant.now().isAfter(deadline)) {
                return response;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    /** The status of a GET whose request line Java's URI class would refuse to build (malformed escapes). */
    static int rawStatus(String pathAndQuery) {
        try (var socket = new java.net.Socket("localhost", app.masthead.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theResultsPageShowsHighlightedHitsInTheSiteLayout() {
        publish("Aardvark <em>burrow</em> discovered", "An aardvark dug under the fence.", "science");
        HttpResponse<String> page = eventually("/search?q=aardvark", "/science/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<meta name=\"robots\" content=\"noindex\">")
                .contains("role=\"search\"")
                .contains("<label for=\"search-q\">")
                .contains("role=\"status\"")
                .contains("1 result")
                .contains("<mark>Aardvark</mark> &lt;em&gt;burrow&lt;&#x2F;em&gt;")
                .contains("<mark>aardvark</mark>")
                .doesNotContain("<em>burrow");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theSearchFormAloneShowsNoResultCount() {
        HttpResponse<String> page = app.get("/search");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("role=\"search\"").doesNotContain("role=\"status\"");
    }

    @Test
    void pagesLinkToEachOther() {
        for (int i = 0; i < 13; i++) {
            app.clock.advance(java.time.Duration.ofMinutes(1));
            publish("Wombat bulletin " + i, "wombat news", "world");
        }
        HttpResponse<String> first = eventually("/search?q=wombat&sort=newest", "13 results");
        assertThat(first.body()).contains("13 results, page 1 of 2").contains("href=\"/search?q=wombat&amp;sort=newest&amp;page=2\"")
                .contains("rel=\"next\"").contains("/world/wombat-bulletin-12\"");
        HttpResponse<String> second = app.get("/search?q=wombat&sort=newest&page=2");
        assertThat(second.body()).contains("page 2 of 2").contains("rel=\"prev\"").contains("/world/wombat-bulletin-0\"")
                .doesNotContain("/world/wombat-bulletin-12\"");
    }

    @Test
    void theJsonApiAnswersWithResults() {
        long id = publish("Capybara herd grows", "Capybara numbers rose.", "world");
        HttpResponse<String> response = eventually("/api/v1/search?q=capybara", "\"id\":" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).contains("\"total\":1").contains("\"path\":\"/world/capybara-herd-grows\"")
                .contains("<mark>Capybara</mark>");
    }

    @Test
    void badParametersAreA400NamingTheField() {
        assertThat(app.get("/search?q=x&page=0").statusCode()).isEqualTo(400);
        assertThat(app.get("/search?q=x&page=abc").body()).contains("page");
        assertThat(app.get("/search?q=x&from=2020-13-01").body()).contains("from");
        assertThat(app.get("/search?q=x&sort=sideways").statusCode()).isEqualTo(400);
        assertThat(app.get("/search?q=" + "a".repeat(600)).statusCode()).isEqualTo(400);
        // past Jetty's 8 KB request-line limit the server refuses before our code runs: still a 4xx
        assertThat(app.get("/search?q=" + "a".repeat(10_000)).statusCode()).isIn(400, 414, 431);
        HttpResponse<String> json = app.get("/api/v1/search?q=x&page=-1");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("\"field\":\"page\"");
    }

    @Test
    void hostileQueriesAreAnsweredWithAPageNeverA500() {
        publish("Kiwi conservation", "The kiwi population recovers.", "world");
        eventually("/search?q=kiwi", "/world/kiwi-conservation");
        List<String> queries = List.of("q=%22", "q=%22kiwi", "q=*", "q=kiwi*", "q=~", "q=kiwi~1", "q=%5C", "q=%5C%5C%22",
                "q=%00", "q=kiwi%00", "q=%25", "q=%E0%A4%A0", "q=%FF%FE", "q=%ED%A0%80", "q=((((", "q=%29%29", "q=-", "q=%2B",
                "q=%7C", "q=kiwi+AND+OR", "q=%F0%9F%98%80", "q=%E5%90%8D%E5%8F%A4%E5%B1%8B", "q=" + "a".repeat(10_000),
                "q=" + "kiwi+".repeat(400), "q=title:kiwi", "q=%5Ba+TO+z%5D", "q=%3Cscript%3Ealert(1)%3C/script%3E",
                "q=kiwi&section=../../etc", "q=kiwi&section=%00", "q=kiwi&from=9999999-01-01", "q=kiwi&to=0000-00-00",
                "q=kiwi&from=2030-01-01&to=2020-01-01", "q=kiwi&page=99999999999999", "q=kiwi&page=101", "q=kiwi&sort=%00",
                "q=a&q=b", "q[]=kiwi", "section=world", "from=2020-01-01", "q=&page=");
        for (String query : queries) {
            for (String path : List.of("/search?", "/api/v1/search?")) {
                HttpResponse<String> response = app.get(path + query);
                assertThat(response.statusCode()).as(path + query).isIn(200, 400, 414, 431);
                assertThat(response.body()).as(path + query).doesNotContain("Exception");
                if (path.equals("/search?")) {
                    assertThat(response.body()).as(query).doesNotContain("<script>alert");
                }
            }
        }
        for (String malformed : List.of("q=%", "q=%E0%A4%A", "q=%zz", "q=kiwi%")) {
            assertThat(rawStatus("/search?" + malformed)).as(malformed).isIn(200, 400);
            assertThat(rawStatus("/api/v1/search?" + malformed)).as(malformed).isIn(200, 400);
        }
        assertThat(app.get("/search?q=%22kiwi").body()).contains("/world/kiwi-conservation");
        assertThat(app.get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E").body()).contains("&lt;script&gt;alert(1)");
    }
}
