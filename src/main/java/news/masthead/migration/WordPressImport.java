package news.masthead.migration;

import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Section;
import news.masthead.platform.web.WebError;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A WordPress export (WXR) read twice as a stream: first the site's authors, categories and
 * attachments (small), then each post and page, written one by one.
 */
final class WordPressImport {
    static final String SOURCE = "wordpress";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String FALLBACK_SECTION = "uncategorized";

    private final Newsroom newsroom;
    private final Ledger ledger;
    private final ArticleWriter writer;
    private final PhotoFiles photos;
    private final String pagesSection;
    private final Tally tally;
    private final Migration.Progress progress;

    private final Map<String, String> sectionByNicename = new HashMap<>();
    private final Map<String, Long> authorByLogin = new HashMap<>();
    private final Map<String, Attachment> attachments = new HashMap<>();
    private final List<Map<String, String>> categories = new ArrayList<>();
    private final List<Map<String, String>> authors = new ArrayList<>();
    private int total;
    private int done;
    private final WordPressComments comments;
    private int unusedTags;

    private record Attachment(String url, String caption, String alt) {
    }

    WordPressImport(Newsroom newsroom, Ledger ledger, ArticleWriter writer, PhotoFiles photos, WordPressComments comments,
                    String pagesSection, Tally tally, Migration.Progress progress) {
        this.comments = comments;
        this.newsroom = newsroom;
        this.ledger = ledger;
        this.writer = writer;
        this.photos = photos;
        this.pagesSection = pagesSection;
        this.tally = tally;
        this.progress = progress;
    }

    void run(Path file) {
        Map<String, Map<String, String>> attachmentMeta = new HashMap<>();
        WxrReader.read(file, new WxrReader.Visitor() {
            @Override
            public void author(Map<String, String> fields) {
                authors.add(fields);
            }

            @Override
            public void category(Map<String, String> fields) {
                categories.add(fields);
            }

            @Override
            public void tag(Map<String, String> fields) {
                unusedTags++;
            }

            @Override
            public void item(WxrItem item) {
                switch (item.get("wp:post_type")) {
                    case "post", "page" -> total++;
                    case "attachment" -> attachments.put(item.get("wp:post_id"), new Attachment(
                            item.get("wp:attachment_url").isEmpty() ? item.get("guid") : item.get("wp:attachment_url"),
                            BodyText.plain(item.get("excerpt:encoded")),
                            item.meta().getOrDefault("_wp_attachment_image_alt", "").strip()));
                    default -> {
                    }
                }
            }
        });
        for (int i = 0; i < categories.size(); i++) {
            section(categories.get(i));
            progress.at("sections", i + 1, categories.size());
        }
        for (Map<String, String> a : authors) {
            author(a.get("wp:author_login"), a.getOrDefault("wp:author_display_name", ""));
        }
        WxrReader.read(file, item -> {
            String type = item.get("wp:post_type");
            if (type.equals("post") || type.equals("page")) {
                article(item, type);
                progress.at("posts and pages", ++done, total);
            }
        });
        tally.note(attachments.size() + " attachment(s) in the export; featured images and images inside posts "
                + "(under /wp-content/uploads/) become photos" + (photos.available() ? "" : " when the uploads folder is given or "
                + "images may be fetched by URL (images inside posts keep pointing at the old site)"));
        if (unusedTags > 0) {
            tally.note("tags are made when an article that carries them is imported; tags no post uses are not created");
        }
        comments.report();
        if (authorByLogin.isEmpty() && authors.isEmpty()) {
            tally.note("the export names no authors; articles have no byline");
        }
    }

    // sections from categories

    private void section(Map<String, String> category) {
        String nicename = decode(category.getOrDefault("wp:category_nicename", "").strip());
        String name = BodyText.plain(category.getOrDefault("wp:cat_name", ""));
        String label = "category " + (name.isEmpty() ? nicename : name);
        if (nicename.isEmpty() && name.isEmpty()) {
            tally.failed("sections", "a category", "it has neither a name nor a slug");
            return;
        }
        String sourceId = nicename.isEmpty() ? "name:" + name : nicename;
        Optional<Ledger.Entry> known = ledger.find(SOURCE, sourceId, "section");
        if (known.isPresent() && !known.get().pending()) {
            newsroom.sections().stream().filter(s -> s.id() == known.get().targetId()).findFirst()
                    .ifPresent(s -> sectionByNicename.put(nicename, s.slug()));
            tally.count("sections", Tally.Outcome.SKIPPED);
            return;
        }
        String slug = Newsroom.slugFor(nicename.isEmpty() ? name : nicename);
        if (!category.getOrDefault("wp:category_parent", "").isBlank()) {
            tally.note("nested categories are flattened: Masthead's sections have no parents");
        }
        try {
            Section section = newsroom.section(slug).orElse(null);
            Tally.Outcome outcome = Tally.Outcome.SKIPPED;
            if (section == null) {
                section = saveSection(slug, name.isEmpty() ? nicename : name, BodyText.plain(category.getOrDefault("wp:category_description", "")), label);
                outcome = Tally.Outcome.CREATED;
            }
            ledger.done(SOURCE, sourceId, "section", section.id(), null, "");
            sectionByNicename.put(nicename, section.slug());
            tally.count("sections", outcome);
        } catch (WebError e) {
            tally.failed("sections", label, e.getMessage() + " (its posts go to /" + FALLBACK_SECTION + ")");
        }
    }

    /** Saves a section; an address the site itself uses is taken as {@code <slug>-section}, and said so. */
    private Section saveSection(String slug, String name, String description, String label) {
        String shortName = name.length() > 80 ? name.substring(0, 80).strip() : name;
        String desc = description.length() > 500 ? description.substring(0, 500) : description;
        try {
            return newsroom.saveSection(null, slug, shortName, desc, 100);
        } catch (WebError e) {
            if (!"slug".equals(e.field())) {
                throw e;
            }
            String other = slug + "-section";
            tally.problem(label + ": /" + slug + " is an address the site itself uses; the section is /" + other);
            return newsroom.section(other).orElseGet(() -> newsroom.saveSection(null, other, shortName, desc, 100));
        }
    }

    private String sectionFor(String nicename, String name) {
        String slug = sectionByNicename.get(nicename);
        if (slug != null) {
            return slug;
        }
        return ensureSection(FALLBACK_SECTION, "Uncategorized");
    }

    private String ensureSection(String slug, String name) {
        return newsroom.section(slug).map(Section::slug).orElseGet(() -> saveSection(slug, name, "", "section " + slug).slug());
    }

    // authors

    private Long author(String login, String displayName) {
        if (login == null || login.isBlank()) {
            return null;
        }
        String key = login.strip();
        Long id = authorByLogin.get(key);
        if (id != null) {
            return id;
        }
        Optional<Ledger.Entry> known = ledger.find(SOURCE, key, "author");
        if (known.isPresent() && !known.get().pending()) {
            authorByLogin.put(key, known.get().targetId());
            tally.count("authors", Tally.Outcome.SKIPPED);
            return known.get().targetId();
        }
        String slug = Newsroom.slugFor(key);
        try {
            Optional<Author> existing = newsroom.author(slug);
            Author author = existing.orElseGet(() -> newsroom.saveAuthor(null, slug,
                    displayName == null || displayName.isBlank() ? key : BodyText.plain(displayName), "", null));
            ledger.done(SOURCE, key, "author", author.id(), null, "");
            authorByLogin.put(key, author.id());
            tally.count("authors", existing.isPresent() ? Tally.Outcome.SKIPPED : Tally.Outcome.CREATED);
            return author.id();
        } catch (WebError e) {
            tally.failed("authors", "author " + key, e.getMessage());
            authorByLogin.put(key, null);
            return null;
        }
    }

    // posts and pages

    private void article(WxrItem item, String type) {
        String kind = type.equals("post") ? "posts" : "pages";
        String id = item.get("wp:post_id");
        String label = type + " " + id + (item.get("title").isEmpty() ? "" : " “" + item.get("title") + "”");
        String status = item.get("wp:status");
        if (id.isEmpty()) {
            tally.failed(kind, label, "it has no wp:post_id");
            return;
        }
        if (item.tooLong() != null) {
            tally.failed(kind, label, "its " + item.tooLong() + " is longer than " + WxrReader.MAX_FIELD + " characters");
            return;
        }
        ArticleWriter.Target target;
        switch (status) {
            case "publish" -> target = ArticleWriter.Target.PUBLISHED;
            case "future" -> target = ArticleWriter.Target.SCHEDULED;
            case "draft", "pending", "private" -> target = ArticleWriter.Target.DRAFT;
            case "trash" -> {
                tally.count(kind, Tally.Outcome.SKIPPED);
                tally.problem(label + ": in the trash; not imported");
                return;
            }
            default -> {
                tally.count(kind, Tally.Outcome.SKIPPED);
                tally.problem(label + ": status '" + status + "' is not imported");
                return;
            }
        }
        if (status.equals("private")) {
            tally.problem(label + ": private in WordPress; imported as a draft");
        }
        String hash = Hashes.of(type, item.get("title"), item.get("wp:post_name"), status, item.get("wp:post_date_gmt"),
                item.get("wp:post_date"), item.get("content:encoded"), item.get("excerpt:encoded"), item.get("dc:creator"),
                item.terms().toString(), item.meta().getOrDefault("_thumbnail_id", ""), pagesSection);
        try {
            Tally.Outcome outcome = writer.write(SOURCE, id, type, hash, () -> wanted(item, type, target, label), tally, label);
            tally.count(kind, outcome);
            comments.of(item, id, () -> ledger.find(SOURCE, id, type).filter(e -> !e.pending()).map(Ledger.Entry::targetId)
                    .orElse(null), label);
        } catch (WebError e) {
            tally.failed(kind, label, e.getMessage());
        } catch (RuntimeException e) {
            Failures.rethrowIfFatal(e);
            tally.failed(kind, label, "could not be written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private ArticleWriter.Wanted wanted(WxrItem item, String type, ArticleWriter.Target target, String label) {
        Long photoId = featuredPhoto(item, label);
        // after the featured image, so a photo that is both keeps the featured image's caption
        BodyImages.Rewritten images = BodyImages.rewrite(item.get("content:encoded"), "/wp-content/uploads/", photos,
                problem -> tally.problem(label + ": " + problem));
        if (images.imported() > 0) {
            tally.count("photos in text", Tally.Outcome.CREATED, images.imported());
        }
        BodyText.Converted body = BodyText.fromWordPress(images.html());
        for (String note : body.notes()) {
            tally.problem(label + ": " + note);
        }
        String headline = BodyText.plain(item.get("title"));
        if (headline.isEmpty()) {
            String text = BodyText.plain(body.markdown());
            headline = text.isEmpty() ? "Untitled" : text.substring(0, Math.min(80, text.length())).strip() + (text.length() > 80 ? "…" : "");
            tally.problem(label + ": no title; headline taken from its text (“" + headline + "”)");
        }
        String standfirst = BodyText.plain(item.get("excerpt:encoded"));
        if (standfirst.length() > 1000) {
            standfirst = standfirst.substring(0, 999) + "…";
            tally.problem(label + ": excerpt cut to 1000 characters for the standfirst");
        }
        String section;
        List<String> tags = new ArrayList<>();
        List<WxrItem.Term> cats = item.terms().stream().filter(t -> t.domain().equals("category")).toList();
        if (type.equals("page")) {
            section = ensureSection(pagesSection, "Pages");
            cats.forEach(c -> tags.add(BodyText.plain(c.name())));
        } else {
            section = cats.isEmpty() ? ensureSection(FALLBACK_SECTION, "Uncategorized")
                    : sectionFor(decode(cats.get(0).nicename()), cats.get(0).name());
            cats.stream().skip(1).forEach(c -> tags.add(BodyText.plain(c.name())));
        }
        item.terms().stream().filter(t -> t.domain().equals("post_tag")).forEach(t -> tags.add(BodyText.plain(t.name())));
        List<Long> authorIds = new ArrayList<>();
        String creator = item.get("dc:creator");
        if (!creator.isEmpty()) {
            Long author = author(creator, authorsDisplayName(creator));
            if (author != null) {
                authorIds.add(author);
            }
        }
        String slug = Newsroom.slugFor(decode(item.get("wp:post_name")));
        if (item.get("wp:post_name").isEmpty() || slug.equals("untitled")) {
            slug = "";
        }
        ArticleDraft draft = new ArticleDraft(headline.length() > 300 ? headline.substring(0, 300) : headline, "", standfirst,
                body.markdown(), photoId, section, authorIds, ArticleWriter.tags(tags, tally, label),
                slug, "", "", "");
        return new ArticleWriter.Wanted(draft, target, published(item, label), oldPath(item.get("link")));
    }

    /** The lead photo from the post's featured image (reported when missing or unusable). */
    private Long featuredPhoto(WxrItem item, String label) {
        Long photoId = null;
        String thumbnail = item.meta().getOrDefault("_thumbnail_id", "").strip();
        if (!thumbnail.isEmpty()) {
            Attachment a = attachments.get(thumbnail);
            if (a == null) {
                tally.problem(label + ": featured image " + thumbnail + " is not in the export");
            } else {
                PhotoFiles.Result photo = photos.photo(a.url(), a.caption(), a.alt());
                if (photo.problem() != null) {
                    tally.problem(label + ": featured image " + photo.problem());
                }
                photoId = photo.photoId();
                if (photoId != null) {
                    tally.count("photos", Tally.Outcome.CREATED);
                }
            }
        }
        return photoId;
    }

    private String authorsDisplayName(String login) {
        return authors.stream().filter(a -> login.equals(a.getOrDefault("wp:author_login", "").strip()))
                .map(a -> a.getOrDefault("wp:author_display_name", "")).findFirst().orElse("");
    }

    /** When the post was published: its GMT date, else its local date read as UTC (said so). */
    private Instant published(WxrItem item, String label) {
        Instant gmt = date(item.get("wp:post_date_gmt"));
        if (gmt != null) {
            return gmt;
        }
        Instant local = date(item.get("wp:post_date"));
        if (local != null && !item.get("wp:status").equals("draft")) {
            tally.problem(label + ": no GMT date; its local date is taken as UTC");
        }
        return local;
    }

    private static Instant date(String value) {
        if (value.isEmpty() || value.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The path of the old permalink ({@code /2019/03/hello/} → {@code /2019/03/hello}); empty for ?p=123 links. */
    static String oldPath(String link) {
        if (link.isEmpty()) {
            return "";
        }
        try {
            URI uri = URI.create(link.strip().replace(" ", "%20"));
            String path = uri.getRawPath();
            if (path == null || path.isEmpty() || path.equals("/") || uri.getRawQuery() != null) {
                return "";
            }
            String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return p.length() > 1000 || p.chars().anyMatch(c -> c <= ' ') ? "" : p;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
