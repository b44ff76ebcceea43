package news.masthead.migration;

import news.masthead.newsroom.PhotoDetails;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.web.WebError;

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
 * {@code content/images}) and hands them to the photo library, once per file. Never fetches from
 * the web, and never reads outside the folder it was given.
 */
final class PhotoFiles {
    static final String KIND = "photo";
    private static final long MAX_BYTES = 25L * 1024 * 1024;

    private final PhotoLibrary library;
    private final Ledger ledger;
    private final String source;
    private final Path folder;
    private final String marker;

    PhotoFiles(PhotoLibrary library, Ledger ledger, String source, Path folder, String marker) {
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
        if (folder == null) {
            return new Result(null, "not fetched: give the folder of the site's images (" + marker + ") to import it");
        }
        String relative = relative(url);
        if (relative == null) {
            return new Result(null, "not fetched: " + url + " is not under " + marker);
        }
        Optional<Ledger.Entry> known = ledger.find(source, relative, KIND);
        if (known.isPresent() && !known.get().pending()) {
            return new Result(known.get().targetId(), null);
        }
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
            ledger.done(source, relative, KIND, id, null, "");
            return new Result(id, null);
        } catch (IOException e) {
            return new Result(null, "file " + relative + " could not be read: " + e.getMessage());
        } catch (WebError e) {
            return new Result(null, "file " + relative + " refused by the photo library: " + e.getMessage());
        }
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
