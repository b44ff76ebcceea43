package news.masthead.syndication.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path... files) {
        return ExtractCli.run(List.of(files), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode output() throws IOException {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsOneJsonObjectKeyedByFileNameWithTheBenchmarkFields() throws IOException {
        Path plain = dir.resolve("ferry.html");
        Files.writeString(plain, ArticleExtractorTest.fixture("scraped-story.html"));
        Path gzipped = dir.resolve("trains.html.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            gz.write(ArticleExtractorTest.fixture("jsonld-only.html").getBytes(StandardCharsets.UTF_8));
        }

        int status = run(plain, gzipped);

        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        JsonNode json = output();
        assertThat(json.fieldNames()).toIterable().containsExactly("ferry", "trains");
        JsonNode ferry = json.get("ferry");
        assertThat(ferry.fieldNames()).toIterable()
                .containsExactly("headline", "articleBody", "byline", "published", "image");
        assertThat(ferry.get("headline").asText()).isEqualTo("Harbour ferry returns after winter repairs");
        assertThat(ferry.get("articleBody").asText()).startsWith("The Saltmarsh ferry carried").contains("\n");
        assertThat(ferry.get("byline").asText()).isEqualTo("Ines Varga, Tom Adeyemi");
        assertThat(ferry.get("published").asText()).isEqualTo("2024-03-02T07:30:00Z");
        assertThat(ferry.get("image").asText()).isEqualTo("https://courier.example/images/ferry-lead.jpg");
        assertThat(json.get("trains").get("articleBody").asText()).startsWith("Sleeper trains");
    }

    @Test
    void writesNullForFactsThePageDoesNotHave() throws IOException {
        Path page = dir.resolve("bare.html");
        Files.writeString(page, "<html><body><p>Hello.</p></body></html>");

        run(page);

        JsonNode bare = output().get("bare");
        assertThat(bare.get("byline").isNull()).isTrue();
        assertThat(bare.get("image").isNull()).isTrue();
        assertThat(bare.get("published").isNull()).isTrue();
    }

    @Test
    void reportsAMissingFileOnOneLineAndFailsWithoutAStackTrace() throws IOException {
        Path present = dir.resolve("present.html");
        Files.writeString(present, "<html><body><p>Present and correct.</p></body></html>");
        Path missing = dir.resolve("missing.html");

        int status = run(present, missing);

        assertThat(status).isNotZero();
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).contains("missing.html").doesNotContain("Exception", "\tat ");
        assertThat(output().has("present")).isTrue();
    }

    @Test
    void decodesAPageInTheCharsetItsMetaTagDeclares() throws IOException {
        Path page = dir.resolve("latin.html");
        String html = "<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>"
                + "Le café de la gare a rouvert ses portes après trois mois de travaux, à la joie des habitués."
                + "</p></article></body></html>";
        Files.write(page, html.getBytes(StandardCharsets.ISO_8859_1));

        run(page);

        assertThat(output().get("latin").get("articleBody").asText()).contains("café", "après", "à la joie");
    }

    @Test
    void honoursAByteOrderMarkOverTheDefault() throws IOException {
        Path page = dir.resolve("bom.html");
        byte[] body = "<html><body><p>Grüße aus Köln, wo es heute den ganzen Tag geregnet hat.</p></body></html>"
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(page, withBom);

        run(page);

        assertThat(output().get("bom").get("articleBody").asText()).contains("Grüße aus Köln");
    }
}
