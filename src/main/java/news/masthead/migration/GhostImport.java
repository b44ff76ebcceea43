package news.masthead.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Section;
import news.masthead.platform.web.WebError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Ghost JSON export: users become authors, posts and pages articles, tags tags, slugs redirects. */
final class GhostImport {
    static final String SOURCE = "ghost";
    /** Ghost exports hold text, not images; one over this size is not a Ghost export we can take whole. */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    private final Newsroom newsroom;
    private final Ledger ledger;
    private final ArticleWriter writer;
    private final PhotoFiles photos;
    private final String section;
    private final String pagesSection;
    private final Tally tally;
    private final Migration.Progress progress;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Long> authorIds = new HashMap<>();
    private final Map<String, String> tagNames = new HashMap<>();
    private final Map<String, List<String>> tagsOfPost = new HashMap<>();
    private final Map<String, List<String>> authorsOfPost = new HashMap<>();

    GhostImport(Newsroom newsroom, Ledger ledger, ArticleWriter writer, PhotoFiles photos, String section, String pagesSection,
                Tally tally, Migration.Progress progress) {
        this.newsroom = newsroom;
        this.ledger = ledger;
        this.writer = writer;
        this.photos = photos;
        this.section = section;
        this.pagesSection = pagesSection;
        this.tally = tally;
        this.progress = progress;
    }

    void run(Path file) {
        JsonNode data = data(read(file));
        for (JsonNode tag : data.path("tags")) {
            String name = tag.path("name").asText("").strip();
            if (name.startsWith("#") || "internal".equals(tag.path("visibility").asText())) {
                continue;
            }
            tagNames.put(tag.path("id").asText(), name);
        }
        for (JsonNode pt : sorted(data.path("posts_tags"))) {
            tagsOfPost.computeIfAbsent(pt.path("post_id").asText(), k -> new ArrayList<>()).add(pt.path("tag_id").asText());
        }
        for (JsonNode pa : sorted(data.path("posts_authors"))) {
            authorsOfPost.computeIfAbsent(pa.path("post_id").asText(), k -> new ArrayList<>()).add(pa.path("author_id").asText());
        }
        for (JsonNode user : data.path("users")) {
            author(user);
        }
        JsonNode posts = data.path("posts");
        int done = 0;
        for (JsonNode post : posts) {
            post(post);
            progress.at("posts", ++done, posts.size());
        }
    }

    private JsonNode read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UnusableExport("The file is larger than 512 MB; a Ghost export holds text only. Is it the right file?");
            }
            return json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new UnusableExport("The file is not valid JSON" + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()) + " (damaged or cut short?): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnusableExport("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** {@code db[0].data} (Ghost 1.0 and later) or {@code data} (older exports). */
    private static JsonNode data(JsonNode root) {
        JsonNode data = root == null ? null : root.path("db").path(0).path("data");
        if (data == null || data.isMissingNode()) {
            data = root == null ? null : root.path("data");
        }
        if (data == null || !data.path("posts").isArray()) {
            throw new UnusableExport("This is not a Ghost export: it has no db[0].data.posts. "
                    + "Export from Ghost under Settings → Labs → Export your content.");
        }
        return data;
    }

    private static List<JsonNode> sorted(JsonNode links) {
        List<JsonNode> list = new ArrayList<>();
        links.forEach(list::add);
        list.sort(java.util.Comparator.comparingInt(n -> n.path("sort_order").asInt(0)));
        return list;
    }

    private void author(JsonNode user) {
        String id = user.path("id").asText("");
        String name = user.path("name").asText("").strip();
        String slug = Newsroom.slugFor(user.path("slug").asText(name));
        if (id.isEmpty() || name.isEmpty()) {
            tally.failed("authors", "user " + id, "it has no id or no name");
            return;
        }
        Optional<Ledger.Entry> known = ledger.find(SOURCE, id, "author");
        if (known.isPresent() && !known.get().pending()) {
            authorIds.put(id, known.get().targetId());
            tally.count("authors", Tally.Outcome.SKIPPED);
            return;
        }
        try {
            Optional<Author> existing = newsroom.author(slug);
            String bio = user.path("bio").asText("");
            Author author = existing.orElseGet(() -> newsroom.saveAuthor(null, slug, name, bio.length() > 2000 ? bio.substring(0, 2000) : bio, null));
            ledger.done(SOURCE, id, "author", author.id(), null, "");
            authorIds.put(id, author.id());
            tally.count("authors", existing.isPresent() ? Tally.Outcome.SKIPPED : Tally.Outcome.CREATED);
        } catch (WebError e) {
            tally.failed("authors", "user " + name, e.getMessage());
        }
    }

    private void post(JsonNode post) {
        String type = post.path("type").asText("post");
        String kind = type.equals("page") || post.path("page").asBoolean(false) ? "pages" : "posts";
        String id = post.path("id").asText("");
        String title = post.path("title").asText("").strip();
        String label = (kind.equals("pages") ? "page " : "post ") + id + (title.isEmpty() ? "" : " “" + title + "”");
        if (id.isEmpty()) {
            tally.failed(kind, label, "it has no id");
            return;
        }
        String status = post.path("status").asText("");
        ArticleWriter.Target target = switch (status) {
            case "published" -> ArticleWriter.Target.PUBLISHED;
            case "scheduled" -> ArticleWriter.Target.SCHEDULED;
            case "draft" -> ArticleWriter.Target.DRAFT;
            default -> null;
        };
        if (target == null) {
            tally.count(kind, Tally.Outcome.SKIPPED);
            tally.problem(label + ": status '" + status + "' is not imported");
            return;
        }
        String hash = Hashes.of(kind, post.toString(), String.valueOf(tagsOfPost.get(id)), String.valueOf(authorsOfPost.get(id)),
                section, pagesSection);
        try {
            tally.count(kind, writer.write(SOURCE, id, kind, hash, () -> wanted(post, id, kind, target, label), tally, label));
        } catch (WebError e) {
            tally.failed(kind, label, e.getMessage());
        } catch (RuntimeException e) {
            Failures.rethrowIfFatal(e);
            tally.failed(kind, label, "could not be written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private ArticleWriter.Wanted wanted(JsonNode post, String id, String kind, ArticleWriter.Target target, String label) {
        String markdown;
        String html = post.path("html").asText("");
        if (!html.isBlank()) {
            markdown = BodyText.fromHtml(html).markdown();
        } else {
            GhostContent.Text text = GhostContent.text(post.path("lexical").asText(""), post.path("mobiledoc").asText(""),
                    post.path("plaintext").asText(""));
            markdown = text.markdown();
            if (!markdown.isEmpty()) {
                tally.problem(label + ": no HTML in the export; text taken from its " + text.from() + " (formatting beyond paragraphs and headings lost)");
            }
        }
        String headline = post.path("title").asText("").strip();
        if (headline.isEmpty()) {
            headline = "Untitled";
            tally.problem(label + ": no title; headline “Untitled”");
        }
        String standfirst = post.path("custom_excerpt").asText("").strip();
        if (standfirst.length() > 1000) {
            standfirst = standfirst.substring(0, 999) + "…";
        }
        List<String> tags = ArticleWriter.tags(tagsOfPost.getOrDefault(id, List.of()).stream().map(tagNames::get)
                .filter(t -> t != null).toList(), tally, label);
        List<Long> authors = authorsOfPost.getOrDefault(id, List.of(post.path("author_id").asText(""))).stream()
                .map(authorIds::get).filter(a -> a != null).toList();
        PhotoFiles.Result photo = photos.photo(post.path("feature_image").asText(""), post.path("feature_image_caption").asText(""),
                post.path("feature_image_alt").asText(""));
        if (photo.problem() != null) {
            tally.problem(label + ": feature image " + photo.problem());
        }
        if (photo.photoId() != null) {
            tally.count("photos", Tally.Outcome.CREATED);
        }
        String sectionSlug = ensureSection(kind.equals("pages") ? pagesSection : section);
        String slug = Newsroom.slugFor(post.path("slug").asText(""));
        ArticleDraft draft = new ArticleDraft(headline.length() > 300 ? headline.substring(0, 300) : headline, "", standfirst,
                markdown, photo.photoId(), sectionSlug, authors, tags, slug.equals("untitled") ? "" : slug, "", "", "");
        String oldSlug = post.path("slug").asText("").strip();
        String oldPath = oldSlug.isEmpty() || oldSlug.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '?') ? "" : "/" + oldSlug;
        return new ArticleWriter.Wanted(draft, target, instant(post.path("published_at").asText("")), oldPath);
    }

    private String ensureSection(String slug) {
        return newsroom.section(slug).map(Section::slug).orElseGet(() ->
                newsroom.saveSection(null, slug, slug.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + slug.substring(1).replace('-', ' '), "", 100).slug());
    }

    private static Instant instant(String value) {
        if (value.isBlank() || value.equals("null")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
