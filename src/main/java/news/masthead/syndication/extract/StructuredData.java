package news.masthead.syndication.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads the schema.org JSON-LD blocks of a page and picks the one describing the article.
 * Publishers write these by hand or by template, so the parser is lenient (raw newlines in
 * strings, trailing commas, comments) and a broken block is skipped rather than fatal.
 */
final class StructuredData {

    /** The article facts found in JSON-LD; every field may be null, lists may be empty. */
    record Facts(String headline, String description, List<String> authors, String published,
                 String updated, String imageUrl, String imageCaption, String body,
                 String language, String url) {
        static final Facts NONE = new Facts(null, null, List.of(), null, null, null, null, null, null, null);
    }

    private static final Set<String> ARTICLE_TYPES = Set.of(
            "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
            "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle",
            "techarticle", "socialmediaposting", "liveblogposting", "posting", "report", "webpage");

    // Jackson mappers are thread-safe once configured, so one shared instance is fine.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    Facts read(Document doc) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)ld\\+json]")) {
            JsonNode root = parse(script.data());
            if (root != null) {
                collectObjects(root, objects, 0);
            }
        }
        JsonNode best = null;
        int bestRank = 0;
        for (JsonNode candidate : objects) {
            int rank = rank(candidate);
            if (rank > bestRank) {
                best = candidate;
                bestRank = rank;
            }
        }
        return best == null ? Facts.NONE : toFacts(best);
    }

    private static JsonNode parse(String json) {
        String trimmed = json.strip();
        // Some CMSs wrap the block in an HTML comment or CDATA section.
        trimmed = trimmed.replaceFirst("^(<!--|/\\*<!\\[CDATA\\[\\*/|<!\\[CDATA\\[)", "")
                .replaceFirst("(-->|/\\*\\]\\]>\\*/|\\]\\]>)$", "").strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.readTree(trimmed);
        } catch (Exception malformed) {
            return null; // a broken block must not stop extraction from the rest of the page
        }
    }

    /** Flattens arrays, {@code @graph} lists and nested objects into one list of candidates. */
    private static void collectObjects(JsonNode node, List<JsonNode> out, int depth) {
        if (depth > 6 || node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collectObjects(child, out, depth + 1));
        } else if (node.isObject()) {
            out.add(node);
            collectObjects(node.get("@graph"), out, depth + 1);
            collectObjects(node.get("mainEntity"), out, depth + 1);
        }
    }

    /** Higher is more article-like: a body beats an article type, which beats a bare headline. */
    private static int rank(JsonNode node) {
        int rank = 0;
        if (!text(node.get("articleBody")).isEmpty()) {
            rank += 4;
        }
        for (String type : types(node)) {
            if (ARTICLE_TYPES.contains(type) || type.endsWith("article")) {
                rank += type.equals("webpage") ? 1 : 3;
                break;
            }
        }
        if (!text(node.get("headline")).isEmpty()) {
            rank += 1;
        }
        return rank;
    }

    private static List<String> types(JsonNode node) {
        List<String> types = new ArrayList<>();
        JsonNode type = node.get("@type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
        } else if (type != null) {
            types.add(type.asText().toLowerCase(Locale.ROOT));
        }
        return types;
    }

    private static Facts toFacts(JsonNode node) {
        JsonNode image = first(node.get("image"));
        String imageUrl = image != null && image.isObject() ? text(image.get("url")) : text(image);
        String caption = image != null && image.isObject() ? text(image.get("caption")) : "";
        String headline = text(node.get("headline"));
        if (headline.isEmpty()) {
            headline = text(node.get("name"));
        }
        return new Facts(blankToNull(headline), blankToNull(text(node.get("description"))),
                authors(node.get("author")), blankToNull(text(node.get("datePublished"))),
                blankToNull(text(node.get("dateModified"))), blankToNull(imageUrl), blankToNull(caption),
                blankToNull(text(node.get("articleBody"))), blankToNull(text(first(node.get("inLanguage")))),
                blankToNull(url(node)));
    }

    private static String url(JsonNode node) {
        String url = text(node.get("url"));
        if (url.isEmpty()) {
            JsonNode page = node.get("mainEntityOfPage");
            url = page != null && page.isObject() ? text(page.get("@id")) : text(page);
        }
        return url;
    }

    private static List<String> authors(JsonNode author) {
        Set<String> names = new LinkedHashSet<>();
        if (author == null) {
            return List.of();
        }
        if (author.isArray()) {
            author.forEach(a -> names.addAll(authors(a)));
        } else if (author.isObject()) {
            String name = text(author.get("name"));
            if (!name.isEmpty()) {
                names.add(name);
            }
        } else if (!text(author).isEmpty()) {
            names.add(text(author));
        }
        return new ArrayList<>(names);
    }

    private static JsonNode first(JsonNode node) {
        return node != null && node.isArray() ? (node.isEmpty() ? null : node.get(0)) : node;
    }

    /** A string value, with HTML entities decoded: templates often escape JSON-LD text as HTML. */
    private static String text(JsonNode node) {
        if (node == null || !node.isValueNode()) {
            return "";
        }
        String value = node.asText();
        return (value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, false) : value).strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
