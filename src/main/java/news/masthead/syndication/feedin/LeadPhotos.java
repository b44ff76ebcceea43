package news.masthead.syndication.feedin;

import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.PhotoDetails;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.web.WebError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

/**
 * An item's lead photo: the image the extractor found on its page (with the caption and credit printed
 * there) or the feed's own image (enclosure, {@code media:content}), fetched through the {@link SafeFetcher}
 * under the source's rules and kept in the photo library, credited to the source when the page names no
 * one and under the source's licence. A photo that cannot be fetched or is refused costs only the photo:
 * the item is stored without one, and the reason is logged.
 */
final class LeadPhotos {
    private static final Logger log = LoggerFactory.getLogger(LeadPhotos.class);
    private static final String ACCEPT = "image/jpeg,image/png,image/webp,image/*;q=0.8";

    /** An image to bring: its address (maybe relative to {@code page}), and what the page says of it. */
    record Image(String url, String caption, String credit, String page) {
    }

    private final PhotoLibrary library;
    private final SafeFetcher fetcher;

    /** {@code library} null: no lead photos (a Masthead without a photo library). */
    LeadPhotos(PhotoLibrary library, SafeFetcher fetcher) {
        this.library = library;
        this.fetcher = fetcher;
    }

    /** The draft with the image as its lead photo, or unchanged when there is none or it cannot be had. */
    ArticleDraft withLeadPhoto(ArticleDraft draft, Image image, FeedSource source, String guid) {
        if (library == null || image == null || image.url() == null || image.url().isBlank()) {
            return draft;
        }
        Long id = photo(image, source, guid);
        if (id == null) {
            return draft;
        }
        return new ArticleDraft(draft.headline(), draft.seoHeadline(), draft.standfirst(), draft.bodyMarkdown(), id,
                draft.sectionSlug(), draft.authorIds(), draft.tagNames(), draft.slug(), draft.canonicalUrl(), draft.sourceName(),
                draft.sourceUrl());
    }

    private Long photo(Image image, FeedSource source, String guid) {
        String url;
        try {
            url = URI.create(image.page()).resolve(image.url().strip().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            log.info("Feed {} item {}: lead image {} is not a usable address; stored without it", source.id(), guid, image.url());
            return null;
        }
        try {
            long max = Math.min(PhotoLibrary.MAX_BYTES, fetcher.limits().maxFeedBytes());
            SafeFetcher.Fetched fetched = fetcher.get(url, source.internal(), null, null, ACCEPT, max);
            String path = fetched.uri().getPath() == null ? "" : fetched.uri().getPath();
            String credit = limit(image.credit() == null || image.credit().isBlank() ? source.attribution() : image.credit(), 300);
            return library.upload(path.substring(path.lastIndexOf('/') + 1), fetched.body(),
                    new PhotoDetails(limit(image.caption(), 2000), credit, "", limit(source.licence(), 300))).id();
        } catch (ImportFailure e) {
            log.info("Feed {} item {}: lead image not fetched ({}); stored without it", source.id(), guid, e.getMessage());
        } catch (WebError e) {
            log.info("Feed {} item {}: lead image {} refused by the photo library ({}); stored without it", source.id(), guid, url, e.getMessage());
        }
        return null;
    }

    private static String limit(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1).strip() + "…";
    }
}
