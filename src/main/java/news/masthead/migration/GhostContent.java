package news.masthead.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The text of a Ghost post that has no HTML in the export: paragraphs and headings from its Lexical
 * or Mobiledoc document (markdown and HTML cards kept as such), else its plain text.
 */
final class GhostContent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GhostContent() {
    }

    record Text(String markdown, String from) {
    }

    static Text text(String lexical, String mobiledoc, String plaintext) {
        if (!lexical.isBlank()) {
            JsonNode doc = parse(lexical);
            if (doc != null) {
                StringBuilder out = new StringBuilder();
                for (JsonNode block : doc.path("root").path("children")) {
                    lexicalBlock(block, out);
                }
                return new Text(out.toString().strip(), "Lexical document");
            }
        }
        if (!mobiledoc.isBlank()) {
            JsonNode doc = parse(mobiledoc);
            if (doc != null) {
                return new Text(mobiledoc(doc).strip(), "Mobiledoc document");
            }
        }
        return new Text(plaintext.strip(), "plain text");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void lexicalBlock(JsonNode block, StringBuilder out) {
        String type = block.path("type").asText();
        switch (type) {
            case "heading" -> out.append("#".repeat(level(block.path("tag").asText("h2")))).append(' ')
                    .append(inline(block)).append("\n\n");
            case "quote" -> out.append("> ").append(inline(block)).append("\n\n");
            case "list" -> {
                for (JsonNode item : block.path("children")) {
                    out.append("number".equals(block.path("listType").asText()) ? "1. " : "- ").append(inline(item)).append('\n');
                }
                out.append('\n');
            }
            case "markdown" -> out.append(block.path("markdown").asText()).append("\n\n");
            case "html" -> out.append(BodyText.fromHtml(block.path("html").asText()).markdown()).append("\n\n");
            case "image" -> {
                String src = block.path("src").asText("");
                if (!src.isEmpty()) {
                    out.append("![").append(block.path("alt").asText("")).append("](").append(src).append(")\n\n");
                }
            }
            default -> {
                String text = inline(block);
                if (!text.isBlank()) {
                    out.append(text).append("\n\n");
                }
            }
        }
    }

    private static int level(String tag) {
        return tag.length() == 2 && Character.isDigit(tag.charAt(1)) ? Math.clamp(tag.charAt(1) - '0', 1, 6) : 2;
    }

    /** The text of a node's children: text nodes joined, links kept as links, line breaks as new lines. */
    private static String inline(JsonNode node) {
        StringBuilder out = new StringBuilder();
        for (JsonNode child : node.path("children")) {
            switch (child.path("type").asText()) {
                case "text", "extended-text" -> out.append(child.path("text").asText());
                case "linebreak" -> out.append('\n');
                case "link" -> out.append('[').append(inline(child)).append("](").append(child.path("url").asText()).append(')');
                default -> out.append(inline(child));
            }
        }
        return out.toString();
    }

    private static String mobiledoc(JsonNode doc) {
        StringBuilder out = new StringBuilder();
        JsonNode cards = doc.path("cards");
        for (JsonNode section : doc.path("sections")) {
            int kind = section.path(0).asInt();
            switch (kind) {
                case 1 -> {
                    String tag = section.path(1).asText("p");
                    String text = markers(section.path(2));
                    out.append(tag.matches("h[1-6]") ? "#".repeat(level(tag)) + " " : tag.equals("blockquote") ? "> " : "")
                            .append(text).append("\n\n");
                }
                case 3 -> {
                    for (JsonNode item : section.path(2)) {
                        out.append("ol".equals(section.path(1).asText()) ? "1. " : "- ").append(markers(item)).append('\n');
                    }
                    out.append('\n');
                }
                case 10 -> {
                    JsonNode card = cards.path(section.path(1).asInt());
                    String name = card.path(0).asText();
                    JsonNode payload = card.path(1);
                    if (name.equals("markdown") || name.equals("card-markdown")) {
                        out.append(payload.path("markdown").asText()).append("\n\n");
                    } else if (name.equals("html")) {
                        out.append(BodyText.fromHtml(payload.path("html").asText()).markdown()).append("\n\n");
                    } else if (name.equals("image") && !payload.path("src").asText("").isEmpty()) {
                        out.append("![").append(payload.path("alt").asText("")).append("](").append(payload.path("src").asText()).append(")\n\n");
                    }
                }
                default -> {
                }
            }
        }
        return out.toString();
    }

    private static String markers(JsonNode markers) {
        StringBuilder out = new StringBuilder();
        for (JsonNode marker : markers) {
            if (marker.path(0).asInt() == 0) {
                out.append(marker.path(3).asText());
            }
        }
        return out.toString();
    }
}
