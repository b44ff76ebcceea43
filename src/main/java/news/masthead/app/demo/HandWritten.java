package news.masthead.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fifteen articles written for the demo (three of them Premium: two in the Premium section, one
 * premium on its own in Business, header {@code requires: premium}), kept as Markdown files under {@code /demo/articles/} with
 * a small header ({@code key: value} lines, then {@code ---}). Times are hours before the load.
 */
final class HandWritten {
    static final List<String> FILES = List.of("01-budget-vote", "02-electoral-commission", "03-river-treaty",
            "04-partner-ferry", "05-interest-rates", "06-cooperative-bakery", "07-glacier-survey",
            "08-wetland-restoration", "09-novel-review", "10-museum-reopens", "11-cup-final", "12-marathon",
            "13-premium-water-ledger", "14-premium-last-ferry", "15-premium-pension-maths");

    /**
     * One hand-written article. {@code updateMarkdown} (appended to the body {@code updatedHoursAgo}
     * hours ago) and {@code correction} are blank when the story has none.
     */
    record Story(String file, String slug, String section, String headline, String standfirst, String bodyMarkdown,
                 List<String> authorSlugs, List<String> tags, int publishedHoursAgo, String updateMarkdown,
                 int updatedHoursAgo, String correction, String sourceName, String sourceUrl, String canonicalUrl,
                 String photoCaption, String photoAlt, PhotoPainter.Scene photoScene, String requires) {
        boolean hasUpdate() {
            return !updateMarkdown.isBlank();
        }

        boolean hasCorrection() {
            return !correction.isBlank();
        }
    }

    private HandWritten() {
    }

    static List<Story> all() {
        return FILES.stream().map(HandWritten::read).toList();
    }

    static Story read(String file) {
        try (InputStream in = HandWritten.class.getResourceAsStream("/demo/articles/" + file + ".md")) {
            if (in == null) {
                throw new IllegalStateException("Missing demo article " + file);
            }
            return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Story parse(String file, String text) {
        int split = text.indexOf("\n---\n");
        if (split < 0) {
            throw new IllegalStateException("Demo article " + file + " has no '---' after its header");
        }
        Map<String, String> h = header(text.substring(0, split));
        return new Story(file, h.get("slug"), h.get("section"), unquote(h.get("headline")), h.get("standfirst"),
                text.substring(split + 5).strip(), list(h.get("authors")), list(h.get("tags")),
                Integer.parseInt(h.get("published")), h.getOrDefault("update", ""),
                Integer.parseInt(h.getOrDefault("updated", "0")), h.getOrDefault("correction", ""),
                h.getOrDefault("source-name", ""), h.getOrDefault("source-url", ""), h.getOrDefault("canonical-url", ""),
                h.get("photo-caption"), h.get("photo-alt"), PhotoPainter.Scene.valueOf(h.get("photo-scene")),
                h.getOrDefault("requires", ""));
    }

    /** {@code key: value} lines; a value of {@code |} takes the indented lines that follow. */
    private static Map<String, String> header(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String block = null;
        List<String> blockLines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (block != null && line.startsWith("  ")) {
                blockLines.add(line.substring(2));
                continue;
            }
            if (block != null) {
                fields.put(block, String.join("\n", blockLines).strip());
                block = null;
                blockLines.clear();
            }
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.equals("|")) {
                block = key;
            } else {
                fields.put(key, value);
            }
        }
        if (block != null) {
            fields.put(block, String.join("\n", blockLines).strip());
        }
        return fields;
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String unquote(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
