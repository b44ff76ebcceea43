package news.masthead.syndication.feedin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads RSS and Atom (through Rome) and JSON Feed 1.0/1.1 (through Jackson) into {@link FeedEntry}s.
 * XML is read with document type declarations refused outright, so no entity is ever expanded: an XXE or
 * "billion laughs" feed fails on its DOCTYPE before anything is resolved or grown.
 */
final class FeedReader {
    /** What a feed holds: its title and its items, in feed order. */
    record Parsed(String title, List<FeedEntry> entries) {
    }

    private final ObjectMapper json = JsonMapper.builder().build();

    FeedReader() {
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(5_000_000).build());
    }

    Parsed read(String text, String contentType) throws ImportFailure {
        String body = text.stripLeading();
        if (body.isEmpty()) {
            throw new ImportFailure("The feed is empty.");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body.startsWith("{") || type.contains("json")) {
            return jsonFeed(body);
        }
        return xmlFeed(body);
    }

    private static Parsed xmlFeed(String body) throws ImportFailure {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(false);
        SyndFeed feed;
        try {
            feed = input.build(new StringReader(body));
        } catch (FeedException e) {
            String detail = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            if (detail != null && detail.contains("DOCTYPE")) {
                throw new ImportFailure("The feed has a document type declaration (DOCTYPE), which is refused: it could expand entities"
                        + " or read files. Nothing was read.", e);
            }
            throw new ImportFailure("This is not a readable RSS or Atom feed: " + detail, e);
        } catch (IllegalArgumentException e) {
            throw new ImportFailure("This is not an RSS, Atom or JSON feed (" + e.getMessage() + ").", e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            entries.add(new FeedEntry(e.getUri(), e.getLink(), e.getTitle(),
                    e.getDescription() == null ? "" : e.getDescription().getValue(), contents(e.getContents()),
                    authors(e), instant(e.getUpdatedDate() != null ? e.getUpdatedDate() : e.getPublishedDate()), image(e)));
        }
        return new Parsed(feed.getTitle() == null ? "" : feed.getTitle().strip(), entries);
    }

    private static String contents(List<SyndContent> contents) {
        StringBuilder html = new StringBuilder();
        for (SyndContent c : contents) {
            if (c.getValue() != null) {
                html.append(c.getValue());
            }
        }
        return html.toString();
    }

    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";

    /** The item's image: an image enclosure, else Media RSS {@code content} (an image) or {@code thumbnail}; empty when none. */
    private static String image(SyndEntry e) {
        for (com.rometools.rome.feed.synd.SyndEnclosure enclosure : e.getEnclosures()) {
            String type = enclosure.getType() == null ? "" : enclosure.getType().toLowerCase(Locale.ROOT);
            if (type.startsWith("image/") && enclosure.getUrl() != null && !enclosure.getUrl().isBlank()) {
                return enclosure.getUrl().strip();
            }
        }
        String thumbnail = "";
        for (org.jdom2.Element element : media(e.getForeignMarkup())) {
            String url = element.getAttributeValue("url", "").strip();
            if (url.isEmpty()) {
                continue;
            }
            String medium = element.getAttributeValue("medium", "");
            String type = element.getAttributeValue("type", "").toLowerCase(Locale.ROOT);
            if (element.getName().equals("content") && (medium.equals("image") || type.startsWith("image/"))) {
                return url;
            }
            if (element.getName().equals("thumbnail") && thumbnail.isEmpty()) {
                thumbnail = url;
            }
        }
        return thumbnail;
    }

    /** Media RSS elements, also those inside {@code media:group}. */
    private static List<org.jdom2.Element> media(List<org.jdom2.Element> markup) {
        List<org.jdom2.Element> found = new ArrayList<>();
        for (org.jdom2.Element element : markup) {
            if (!MEDIA_RSS.equals(element.getNamespaceURI())) {
                continue;
            }
            if (element.getName().equals("group")) {
                found.addAll(element.getChildren());
            } else {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> authors(SyndEntry e) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (SyndPerson p : e.getAuthors()) {
            if (p.getName() != null && !p.getName().isBlank()) {
                names.add(p.getName().strip());
            }
        }
        if (names.isEmpty() && e.getAuthor() != null && !e.getAuthor().isBlank()) {
            names.add(e.getAuthor().strip());
        }
        return List.copyOf(names);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private Parsed jsonFeed(String body) throws ImportFailure {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new ImportFailure("This is not a readable JSON Feed: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("version").asText("").startsWith("https://jsonfeed.org/version/")) {
            throw new ImportFailure("This is not a JSON Feed (no https://jsonfeed.org/version/ … version).");
        }
        if (!root.path("items").isArray()) {
            throw new ImportFailure("This JSON Feed has no items array.");
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (!item.isObject()) {
                continue;
            }
            String url = text(item, "url");
            String html = text(item, "content_html");
            if (html.isEmpty() && !text(item, "content_text").isEmpty()) {
                html = org.jsoup.nodes.Entities.escape(text(item, "content_text")).replace("\n\n", "</p><p>");
                html = "<p>" + html + "</p>";
            }
            List<String> authors = new ArrayList<>();
            for (JsonNode a : item.path("authors")) {
                if (!text(a, "name").isEmpty()) {
                    authors.add(text(a, "name"));
                }
            }
            if (authors.isEmpty() && !text(item.path("author"), "name").isEmpty()) {
                authors.add(text(item.path("author"), "name"));
            }
            String modified = text(item, "date_modified");
            entries.add(new FeedEntry(text(item, "id").isEmpty() ? url : text(item, "id"), url.isEmpty() ? text(item, "external_url") : url,
                    text(item, "title"), text(item, "summary"), html, authors, jsonDate(modified.isEmpty() ? text(item, "date_published") : modified),
                    text(item, "image").isEmpty() ? text(item, "banner_image") : text(item, "image")));
        }
        return new Parsed(text(root, "title"), entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() || value.isNumber() ? value.asText().strip() : "";
    }

    private static Instant jsonDate(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null; // a date we cannot read is a date the feed did not give
        }
    }
}
