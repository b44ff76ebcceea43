package news.masthead.migration;

import news.masthead.newsroom.PhotoDetails;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.web.WebError;
import news.masthead.syndication.feedin.WebFetch;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds an export's images in a local folder (WordPress's {@code wp-content/uploads}, Ghost's
 * {@code content/images}) or, when a fetcher is given, at their URL, and hands them to the photo library,
 * once per file (the ledger remembers each by its path under the folder marker, or its URL). Never reads
 * outside the folder it was given; fetches only through {@link WebFetch} (public addresses, size and time
 * limits, redirects checked hop by hop).
 */
final class PhotoFiles {
    static final String KIND = "photo";
    private static final long MAX_BYTES = 25L * 1024 * 1024;

    private final PhotoLibrary library;
    private final Ledger ledger;
    private final String source;
    private final Path folder;
    private final String marker;
    private final WebFetch web;
    /** Why a URL could not be fetched in this run: asked once, not again for the next post that names it. */
    private final java.util.Map<String, String> unfetchable = new java.util.HashMap<>();

    /** {@code web} null: images are only read from {@code folder}. */
    PhotoFiles(PhotoLibrary library, Ledger ledger, String source, Path folder, String marker, WebFetch web) {
        this.web = web;
        this.library = library;
        this.ledger = ledger;
        this.source = source;
        this.folder = folder;
        this.marker = marker;
    }

    /** The library's id for the image at {@code url}, or why there is none (reported, never thrown). */
    Result photo(String url, String caption, String alt) {
        if (url == null || url.isBlank()) {
            return new Result(null, null);
        }
        if (library == null) {
            return new Result(null, "not imported: this Masthead has no photo library");
        }
        if (folder == null && web == null) {
            return new Result(null, "not fetched: give the folder of the site's images (" + marker + ") or let the import fetch them by URL");
        }
        String relative = relative(url);
        String key = relative != null ? relative : "url:" + url.strip();
        Optional<Ledger.Entry> known = ledger.find(source, key, KIND);
        if (known.isPresent() && !known.get().pending()) {
            return new Result(known.get().targetId(), null);
        }
        String fromFolder = null;
        if (folder != null && relative != null) {
            Result found = fromFolder(relative, key, caption, alt);
            if (found.photoId() != null || web == null) {
                return found;
            }
            fromFolder = found.problem();
        }
        if (web == null) {
            return new Result(null, "not fetched: " + url + " is not under " + marker);
        }
        Result fetched = fetched(url, key, caption, alt);
        if (fetched.problem() != null && fromFolder != null) {
            return new Result(null, fromFolder + "; " + fetched.problem());
        }
        return fetched;
    }

    private Result fromFolder(String relative, String key, String caption, String alt) {
        Path file;
        try {
            Path root = folder.toRealPath();
            file = root.resolve(relative).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return new Result(null, "file " + relative + " not found in " + folder);
            }
            if (Files.size(file) > MAX_BYTES) {
                return new Result(null, "file " + relative + " is larger than 25 MB");
            }
            byte[] bytes = Files.readAllBytes(file);
            long id = library.upload(file.getFileName().toString(), bytes,
                    new PhotoDetails(limit(caption, 2000), "", limit(alt, 1000), "")).id();
            ledger.done(source, key, KIND, id, null, "");
            return new Result(id, null);
        } catch (IOException e) {
            return new Result(null, "file " + relative + " could not be read: " + e.getMessage());
        } catch (WebError e) {
            return new Result(null, "file " + relative + " refused by the photo library: " + e.getMessage());
        }
    }

    private Result fetched(String url, String key, String caption, String alt) {
        String known = unfetchable.get(url.strip());
        if (known != null) {
            return new Result(null, known);
        }
        Result result = fetch(url, key, caption, alt);
        if (result.problem() != null) {
            unfetchable.put(url.strip(), result.problem());
        }
        return result;
    }

    private Result fetch(String url, String key, String caption, String alt) {
        try {
            WebFetch.Fetched f = web.get(url.strip(), "image/jpeg,image/png,image/webp,image/*;q=0.8");
            String path = f.uri().getPath() == null ? "" : f.uri().getPath();
            long id = library.upload(path.substring(path.lastIndexOf('/') + 1), f.body(),
                    new PhotoDetails(limit(caption, 2000), "", limit(alt, 1000), "")).id();
            ledger.done(source, key, KIND, id, null, "");
            return new Result(id, null);
        } catch (WebFetch.Refused e) {
            return new Result(null, "could not be fetched from " + url.strip() + ": " + e.getMessage());
        } catch (WebError e) {
            return new Result(null, "fetched from " + url.strip() + " but refused by the photo library: " + e.getMessage());
        }
    }

    /** Whether images can be had at all (a folder or a fetcher); without, images in the text are left as they are. */
    boolean available() {
        return library != null && (folder != null || web != null);
    }

    /** The address pages use for a photo of the library ({@code /media/photos/{id}/{width}.jpg}). */
    String src(long photoId) {
        return library.find(photoId).map(news.masthead.newsroom.Photo::src).orElse(null);
    }

    /** The part of the URL's path after the marker, decoded; null when the URL does not point there. */
    private String relative(String url) {
        String path;
        try {
            path = URI.create(url.strip().replace(" ", "%20")).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) {
            return null;
        }
        int at = path.indexOf(marker);
        if (at < 0) {
            return null;
        }
        String rest = URLDecoder.decode(path.substring(at + marker.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        return rest.isEmpty() || rest.contains("\0") ? null : rest;
    }

    private static String limit(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1).strip() + "…";
    }

    record Result(Long photoId, String problem) {
    }
}
