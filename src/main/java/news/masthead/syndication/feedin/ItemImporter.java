package news.masthead.syndication.feedin;

import news.masthead.newsroom.Article;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.ArticleListing;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Revision;
import news.masthead.platform.web.WebError;
import news.masthead.syndication.extract.ArticleExtractor;
import news.masthead.syndication.extract.ExtractedArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Turns one feed item into an article, at most once. New items become one {@code Newsroom.create} (and a
 * publish when the source lands items published); a changed item becomes one new revision, unless staff
 * edited the article since; an item whose text is already here from another source is flagged as a
 * duplicate. Problems with one item are recorded on that item and never stop the others.
 *
 * <p>Idempotency: the item's row is marked {@code storing} before the newsroom is asked and completed after.
 * A row found marked but without an article means the process stopped in between; the article, if it was
 * created, is then found by its headline and canonical address and adopted instead of created again.
 */
final class ItemImporter {
    private static final Logger log = LoggerFactory.getLogger(ItemImporter.class);
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);
    private static final int MIN_BODY_CHARACTERS = 200;

    private final Items items;
    private final Newsroom newsroom;
    private final SafeFetcher fetcher;
    private final LeadPhotos photos;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final Clock clock;

    ItemImporter(Items items, Newsroom newsroom, SafeFetcher fetcher, LeadPhotos photos, Clock clock) {
        this.photos = photos;
        this.items = items;
        this.newsroom = newsroom;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    ItemOutcome importItem(FeedSource source, FeedEntry entry) {
        String guid = limit(!entry.guid().isEmpty() ? entry.guid() : entry.link(), 1000);
        String headline = limit(StoryText.clean(entry.title()), 300);
        if (guid.isEmpty()) {
            guid = "untitled:" + sha256(entry.title() + "\n" + entry.summaryHtml() + "\n" + entry.contentHtml());
        }
        String hash = sha256(String.join("\u0000", guid, entry.link(), entry.title(), entry.summaryHtml(), entry.contentHtml(),
                String.join(", ", entry.authors()), String.valueOf(entry.updated()), String.valueOf(source.fetchFullPage()),
                source.sectionSlug(), source.attribution(), source.licence())
                + (entry.imageUrl().isEmpty() ? "" : "\u0000" + entry.imageUrl()));
        Optional<FeedItem> existing = items.find(source.id(), guid);
        if (existing.isPresent() && existing.get().contentHash().equals(hash) && !existing.get().status().equals("failed")
                && !existing.get().status().equals("storing")) {
            items.seen(existing.get().id(), clock.instant());
            return ItemOutcome.UNCHANGED;
        }
        try {
            Story story = story(source, entry);
            if (existing.isPresent() && existing.get().articleId() != null) {
                return update(source, guid, hash, existing.get(), story);
            }
            return create(source, guid, hash, existing.orElse(null), story);
        } catch (ImportFailure e) {
            items.failed(source.id(), guid, entry.link(), headline, e.getMessage(), clock.instant());
        } catch (WebError e) {
            items.failed(source.id(), guid, entry.link(), headline, "The newsroom refused it: " + e.getMessage()
                    + (e.field() == null ? "" : " (" + e.field() + ")"), clock.instant());
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("Importing item {} of feed {} failed", guid, source.id(), e);
            items.failed(source.id(), guid, entry.link(), headline, "Unexpected error: " + e, clock.instant());
        }
        return ItemOutcome.FAILED;
    }

    private ItemOutcome create(FeedSource source, String guid, String hash, FeedItem row, Story story) {
        Long articleId = row != null && row.storeStartedAt() != null ? adoptable(row, story).orElse(null) : null;
        if (articleId == null) {
            int[] signature = story.signature();
            Optional<Match> twin = duplicateOf(source, signature);
            if (twin.isPresent()) {
                items.duplicate(source.id(), guid, story.link(), story.draft().headline(), hash, twin.get().articleId(),
                        twin.get().similarity(), clock.instant());
                return ItemOutcome.DUPLICATE;
            }
            items.startStoring(source.id(), guid, story.link(), story.draft().headline(), clock.instant());
            articleId = newsroom.create(photos.withLeadPhoto(story.draft(), story.image(), source, guid), null);
        }
        if (source.publish() && newsroom.article(articleId).status() == ArticleStatus.DRAFT) {
            newsroom.publish(articleId, null);
        }
        int revision = newsroom.article(articleId).current().number();
        items.stored(source.id(), guid, story.draft().headline(), hash, articleId, revision, "imported", story.signature(), clock.instant());
        return ItemOutcome.IMPORTED;
    }

    private ItemOutcome update(FeedSource source, String guid, String hash, FeedItem row, Story story) {
        Article article = newsroom.article(row.articleId());
        Revision current = article.current();
        if (sameText(current, story.draft())) {
            // nothing a reader would see changed (or the last poll saved it and stopped before recording it)
            items.stored(source.id(), guid, story.draft().headline(), hash, article.id(), current.number(),
                    current.number() == 1 ? "imported" : "updated", story.signature(), clock.instant());
            return ItemOutcome.UNCHANGED;
        }
        if (row.revision() == null || current.number() != row.revision()) {
            items.kept(source.id(), guid, hash, "Changed at the source, but edited here since the import (now revision "
                    + current.number() + "); the newsroom's text was kept.", clock.instant());
            return ItemOutcome.KEPT;
        }
        int number = newsroom.save(article.id(), current.number(), photos.withLeadPhoto(story.draft(), story.image(), source, guid), null);
        items.stored(source.id(), guid, story.draft().headline(), hash, article.id(), number, "updated", story.signature(), clock.instant());
        return ItemOutcome.UPDATED;
    }

    /** After an interrupted store: the article the newsroom made for this item, if it made one. */
    private Optional<Long> adoptable(FeedItem row, Story story) {
        for (String headline : List.of(row.headline(), story.draft().headline())) {
            if (headline.isBlank()) {
                continue;
            }
            for (ArticleListing listing : newsroom.articles(null, headline, 0, 50)) {
                Revision r = newsroom.article(listing.id()).current();
                if (r.canonicalUrl().equals(story.draft().canonicalUrl()) && r.sourceUrl().equals(story.draft().sourceUrl())
                        && r.createdBy() == null && !items.mapped(listing.id())) {
                    return Optional.of(listing.id());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Match> duplicateOf(FeedSource source, int[] signature) {
        if (signature == null) {
            return Optional.empty();
        }
        Match best = null;
        for (Items.Stored other : items.recentFromOtherSources(source.id(), clock.instant().minus(DUPLICATE_WINDOW), 5000)) {
            double similarity = NearDuplicates.similarity(signature, other.signature());
            if (similarity >= NearDuplicates.THRESHOLD && (best == null || similarity > best.similarity())) {
                best = new Match(other.articleId(), similarity);
            }
        }
        return Optional.ofNullable(best);
    }

    private record Match(long articleId, double similarity) {
    }

    /** The article an item should be: its words (from the feed or its page) and its attribution. */
    private record Story(String link, ArticleDraft draft, String text, LeadPhotos.Image image) {
        int[] signature() {
            return NearDuplicates.signature(text);
        }
    }

    private Story story(FeedSource source, FeedEntry entry) throws ImportFailure {
        String link = entry.link();
        SafeFetcher.requireWebAddress(SafeFetcher.parse(link)); // whether we may fetch it is checked when it is fetched
        String headline = StoryText.clean(entry.title());
        String standfirst = StoryText.plain(entry.summaryHtml(), 1000);
        List<String> paragraphs;
        List<String> authors = entry.authors();
        boolean summaryOnly = entry.contentHtml().isBlank();
        LeadPhotos.Image image = entry.imageUrl().isEmpty() ? null : new LeadPhotos.Image(entry.imageUrl(), "", "", link);
        if (source.fetchFullPage() || summaryOnly) {
            ExtractedArticle page = page(source, link);
            if (page.imageUrl() != null && !page.imageUrl().isBlank()) {
                image = new LeadPhotos.Image(page.imageUrl(), page.imageCaption(), page.imageCredit(), link);
            }
            paragraphs = page.paragraphs();
            headline = headline.isEmpty() ? StoryText.clean(page.headline()) : headline;
            standfirst = standfirst.isEmpty() && page.standfirst() != null ? StoryText.plain(page.standfirst(), 1000) : standfirst;
            authors = authors.isEmpty() ? page.bylines() : authors;
        } else {
            paragraphs = StoryText.paragraphs(entry.contentHtml());
        }
        if (headline.isEmpty()) {
            throw new ImportFailure("The item has no title, in the feed or on its page.");
        }
        headline = limit(headline, 300);
        if (!standfirst.isEmpty() && !paragraphs.isEmpty() && paragraphs.getFirst().startsWith(standfirst.replace("…", ""))) {
            standfirst = ""; // the summary is just the first paragraph again
        }
        String body = StoryText.markdown(paragraphs);
        if (body.length() > 190_000) {
            throw new ImportFailure("The item's text is too long to store (" + body.length() + " characters).");
        }
        ArticleDraft draft = new ArticleDraft(headline, "", standfirst, body, null, source.sectionSlug(), List.of(), List.of(),
                "", link, attribution(source, authors), link);
        return new Story(link, draft, headline + "\n" + String.join("\n", paragraphs), image);
    }

    private ExtractedArticle page(FeedSource source, String link) throws ImportFailure {
        SafeFetcher.Fetched fetched = fetcher.get(link, source.internal(), null, null,
                "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", fetcher.limits().maxPageBytes());
        String type = fetched.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.isEmpty() && !type.contains("html") && !type.contains("xml")) {
            throw new ImportFailure("The item's page " + link + " is not a web page (" + fetched.contentType() + ").");
        }
        ExtractedArticle article = extractor.extract(TextDecoding.page(fetched.body(), fetched.contentType()), fetched.uri().toString());
        if (article.text().length() < MIN_BODY_CHARACTERS) {
            throw new ImportFailure("The page " + link + " does not look like an article (" + article.text().length()
                    + " characters of story text found).");
        }
        return article;
    }

    /** The line printed with the article: the source's attribution, the item's authors, the licence. */
    static String attribution(FeedSource source, List<String> authors) {
        StringBuilder line = new StringBuilder(source.attribution());
        List<String> names = authors.stream().map(StoryText::clean).filter(n -> !n.isEmpty()).distinct().toList();
        if (!names.isEmpty()) {
            line.append(" · By ").append(String.join(", ", names));
        }
        if (!source.licence().isEmpty()) {
            line.append(" · ").append(source.licence());
        }
        return limit(line.toString(), 200);
    }

    private static boolean sameText(Revision r, ArticleDraft d) {
        return r.headline().equals(d.headline()) && r.standfirst().equals(d.standfirst())
                && r.bodyMarkdown().equals(d.bodyMarkdown()) && r.canonicalUrl().equals(d.canonicalUrl())
                && r.sourceName().equals(d.sourceName()) && r.sourceUrl().equals(d.sourceUrl());
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
