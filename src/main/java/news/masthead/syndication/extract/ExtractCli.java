package news.masthead.syndication.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line face of the extractor: {@code extract --format json FILE...}. Prints one JSON
 * object keyed by file name (without {@code .html}/{@code .html.gz}), in the shape the
 * extraction benchmark scores: headline, articleBody, byline, published, image.
 */
public final class ExtractCli {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExtractCli() {
    }

    /**
     * @return 0 when every file was read, 1 when any could not be (those are reported on
     *         {@code err}, one line each, and left out of the output)
     */
    public static int run(List<Path> files, PrintStream out, PrintStream err) {
        ArticleExtractor extractor = new ArticleExtractor();
        PageReader reader = new PageReader();
        ObjectNode result = JSON.createObjectNode();
        int status = 0;
        for (Path file : files) {
            ObjectNode article = extractOne(file, extractor, reader, err);
            if (article == null) {
                status = 1;
            } else {
                result.set(PageReader.nameWithoutExtension(file), article);
            }
        }
        try {
            out.println(JSON.writeValueAsString(result));
        } catch (IOException impossible) {
            err.println("extract: cannot write JSON: " + impossible.getMessage());
            return 1;
        }
        return status;
    }

    /** The JSON for one file, or null after a one-line report on {@code err}. */
    private static ObjectNode extractOne(Path file, ArticleExtractor extractor, PageReader reader, PrintStream err) {
        String html;
        try {
            html = reader.read(file);
        } catch (NoSuchFileException missing) {
            err.println("extract: no such file: " + file);
            return null;
        } catch (IOException | RuntimeException unreadable) {
            err.println("extract: cannot read " + file + ": " + describe(unreadable));
            return null;
        }
        try {
            return toJson(extractor.extract(html, null));
        } catch (RuntimeException bug) {
            // One odd page must not cost the other files their output.
            err.println("extract: cannot extract " + file + ": " + describe(bug));
            return null;
        }
    }

    private static ObjectNode toJson(ExtractedArticle article) {
        ObjectNode node = JSON.createObjectNode();
        node.put("headline", article.headline());
        node.put("articleBody", article.text());
        node.put("byline", article.bylines().isEmpty() ? null : String.join(", ", article.bylines()));
        node.put("published", article.published());
        node.put("image", article.imageUrl());
        return node;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
