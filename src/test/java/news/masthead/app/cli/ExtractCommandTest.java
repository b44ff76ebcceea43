package news.masthead.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractCommandTest {
    @TempDir
    Path dir;

    @Test
    void extractPrintsOneJsonObjectKeyedByFileName() throws Exception {
        Path page = dir.resolve("harbour-story.html");
        Files.writeString(page, """
                <html><head><title>Harbour reopens | The Daily</title></head><body>
                <nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Harbour reopens after storm</h1>
                <p>The harbour reopened on Tuesday after three days of repairs to the sea wall, the port authority said.</p>
                <p>Fishing crews returned before dawn, and the first ferry left on time at seven in the morning.</p>
                <p>Engineers will keep inspecting the wall through the winter, with a full report due in March.</p>
                </article>
                <div class="cookie-banner">We use cookies. <button>Accept</button></div>
                </body></html>""");
        var out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("extract", "--format", "json", page.toString());
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode story = json.get("harbour-story");
        assertThat(story.get("headline").asText()).contains("Harbour reopens");
        assertThat(story.get("articleBody").asText()).contains("sea wall").contains("full report due in March")
                .doesNotContain("cookies");
    }

    @Test
    void aMissingFileOrUnknownFormatIsACleanError() {
        assertThat(Main.run("extract", "--format", "json", dir.resolve("nope.html").toString())).isEqualTo(1);
        assertThat(Main.run("extract", "--format", "xml", dir.resolve("nope.html").toString())).isEqualTo(2);
    }
}
