package news.masthead.syndication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Tag;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written field by field as the spec names them. */
final class FeedJson {
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private FeedJson() {
    }

    static byte[] write(ObjectMapper json, FeedChannel channel, List<LiveArticle> items,
                        LongFunction<Optional<String>> photoUrl) {
        String base = channel.baseUrl();
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", VERSION);
        feed.put("title", channel.title());
        feed.put("home_page_url", channel.homeUrl());
        feed.put("feed_url", channel.jsonUrl());
        feed.put("description", channel.description());
        feed.put("language", channel.publication().language());
        if (channel.publication().logoUrl() != null) {
            feed.put("icon", channel.publication().logoUrl());
        }
        feed.put("authors", List.of(Map.of("name", channel.publication().name(), "url", base + "/")));
        List<Map<String, Object>> out = new ArrayList<>();
        for (LiveArticle a : items) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", FeedLinks.itemId(base, a.id()));
            item.put("url", base + a.path());
            if (a.republished() && a.sourceUrl() != null && !a.sourceUrl().isBlank()) {
                item.put("external_url", a.sourceUrl());
            }
            item.put("title", a.headline());
            item.put("content_html", FeedLinks.absoluteHtml(base, a.bodyHtml()));
            if (!a.standfirst().isBlank()) {
                item.put("summary", a.standfirst());
            }
            if (a.leadPhotoId() != null) {
                photoUrl.apply(a.leadPhotoId()).map(src -> FeedLinks.absolute(base, src)).ifPresent(src -> item.put("image", src));
            }
            item.put("date_published", rfc3339(a.published()));
            item.put("date_modified", rfc3339(FeedWriter.modified(a)));
            List<Map<String, Object>> authors = new ArrayList<>();
            for (Author author : a.authors()) {
                authors.add(Map.of("name", author.name(), "url", base + author.path()));
            }
            if (!authors.isEmpty()) {
                item.put("authors", authors);
            }
            List<String> tags = new ArrayList<>(List.of(a.section().name()));
            a.tags().stream().map(Tag::name).forEach(tags::add);
            item.put("tags", tags);
            out.add(item);
        }
        feed.put("items", out);
        try {
            return json.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the JSON feed", e);
        }
    }

    static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
