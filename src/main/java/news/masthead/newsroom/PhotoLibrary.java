package news.masthead.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newsroom's photo library: uploads, their details, and the renditions pages show.
 *
 * <p><b>Language.</b> <i>Photo</i>: one uploaded image file (JPEG, PNG or WebP) kept byte for byte,
 * whatever it depicts (avoid: image, asset, media item). <i>Rendition</i>: a resized copy of a photo
 * at one of the standard widths, made once at upload and never changed (avoid: thumbnail, variant,
 * derivative). <i>Caption</i>: what the photo shows, printed under it. <i>Credit</i>: who made or
 * supplied it ("Jane Doe / Reuters"; avoid: author, byline). <i>Alt text</i>: the words a screen
 * reader says instead of the picture, written by the desk (avoid: description, title).
 * <i>Licence</i>: the terms we may use it under. <i>Library</i>: all photos, newest first, searchable.
 *
 * <p><b>Shape.</b> {@code PhotoLibrary} is the one entry point: the rules of an upload (format by
 * content, size and pixel limits, dedupe by SHA-256, details pre-filled from the file) and the media
 * route. {@code PhotoFormat} recognises formats and reads declared dimensions without decoding;
 * {@code PhotoMetadata} reads IPTC/EXIF/XMP; {@code RenditionMaker} decodes, turns upright and
 * scales, outside any transaction; {@code PhotoRows} holds the SQL; {@code RenditionCache} keeps hot
 * renditions in memory; {@code PhotoAdmin} serves the back-office pages (templates in
 * {@code jte/newsroom/photos}). {@code Photo}, {@code PhotoDetails} and {@code Rendition} are the
 * values other code sees.
 *
 * <p><b>Boundaries.</b> Photos live in PostgreSQL (bytea) so app nodes stay stateless; there is no
 * file store, no CDN upload and no on-demand resizing (only the standard widths exist). It does not
 * decide who is staff (the caller passes a resolver), which photo an article leads with (articles
 * own that) or whether a photo may be deleted (nothing deletes photos yet). It never upscales and
 * never guesses alt text.
 */
public final class PhotoLibrary {
    /** The largest upload we take. */
    public static final int MAX_BYTES = 25 * 1024 * 1024;
    static final int MAX_PAGE_SIZE = 100;
    private static final Pattern MEDIA_FILE = Pattern.compile("([0-9]{1,5})\\.(jpg|png|webp)");
    private static final String FOREVER = "public, max-age=31536000, immutable";

    private final PhotoRows rows;
    private final Clock clock;
    private final RenditionCache cache = new RenditionCache(64L * 1024 * 1024);
    /** A decoded 60-megapixel upload takes a few hundred MB; two at a time per node is plenty for a newsroom. */
    private final Semaphore decoding = new Semaphore(2);
    private final List<java.util.function.LongConsumer> detailListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public PhotoLibrary(Database database, Clock clock) {
        this.rows = new PhotoRows(database);
        this.clock = clock;
    }

    /**
     * Adds a photo to the library, or returns the one already holding these exact bytes. Refuses
     * anything but JPEG/PNG/WebP (415), over 25 MB (413), declaring too many pixels or unreadable (400).
     * Blank caption and credit are taken from the file's IPTC/EXIF/XMP.
     */
    public Photo upload(String fileName, byte[] bytes, PhotoDetails details) {
        if (bytes == null || bytes.length == 0) {
            throw WebError.badRequest("photo", "Choose a photo to upload.");
        }
        if (bytes.length > MAX_BYTES) {
            throw WebError.tooLarge("photo", "That photo is larger than 25 MB. Export it smaller and upload it again.");
        }
        PhotoFormat format = PhotoFormat.sniff(bytes);
        PhotoFormat.Dimensions declared = format.declaredDimensions(bytes);
        PhotoDetails given = validated(details == null ? PhotoDetails.BLANK : details);
        String sha256 = sha256(bytes);
        Optional<Photo> existing = rows.findBySha256(sha256);
        if (existing.isPresent()) {
            return existing.get();
        }
        PhotoMetadata metadata = PhotoMetadata.read(bytes);
        RenditionMaker.Result made = makeRenditions(bytes, format, declared, metadata.orientation());
        PhotoDetails filled = validated(new PhotoDetails(
                given.caption().isEmpty() ? limit(metadata.caption(), 2000) : given.caption(),
                given.credit().isEmpty() ? limit(metadata.credit(), 300) : given.credit(),
                given.altText(), given.licence()));
        Optional<Long> id = rows.insert(sha256, originalName(fileName, format), format, made, filled, bytes, clock.instant());
        return id.flatMap(rows::find).or(() -> rows.findBySha256(sha256))
                .orElseThrow(() -> new IllegalStateException("Photo " + sha256 + " vanished after insert"));
    }

    private RenditionMaker.Result makeRenditions(byte[] bytes, PhotoFormat format, PhotoFormat.Dimensions declared, int orientation) {
        decoding.acquireUninterruptibly();
        try {
            return RenditionMaker.make(bytes, format, declared, orientation);
        } finally {
            decoding.release();
        }
    }

    public Optional<Photo> find(long id) {
        return rows.find(id);
    }

    /** Replaces caption, credit, alt text and licence; 404 when there is no such photo. */
    /** Called with the photo's id after its caption, credit, alt text or licence changed (pages showing it are stale). */
    public void onDetailsChange(java.util.function.LongConsumer listener) {
        detailListeners.add(listener);
    }

    public Photo updateDetails(long id, PhotoDetails details) {
        if (!rows.updateDetails(id, validated(details == null ? PhotoDetails.BLANK : details))) {
            throw WebError.notFound("There is no photo " + id + ".");
        }
        detailListeners.forEach(listener -> listener.accept(id));
        return rows.find(id).orElseThrow(WebError::notFound);
    }

    /** One page (from 1) of the library, newest first, optionally only photos whose caption, credit or file name contains {@code query}. */
    public List<Photo> list(String query, int page, int pageSize) {
        int size = Math.clamp(pageSize, 1, MAX_PAGE_SIZE);
        long offset = (long) (Math.max(page, 1) - 1) * size;
        return rows.list(normalised(query), size, offset);
    }

    /** How many photos {@link #list} would page through for {@code query}. */
    public long count(String query) {
        return rows.count(normalised(query));
    }

    /** The stored rendition of this width, if the photo has one. */
    public Optional<Rendition> rendition(long photoId, int width) {
        return cache.get(photoId, width, () -> rows.rendition(photoId, width));
    }

    /** {@code GET /media/photos/{id}/{width}.{jpg|png}}: immutable, cacheable for a year. */
    public void routes(RoutesConfig routes) {
        routes.get("/media/photos/{id}/{file}", this::serve);
    }

    /** The back-office pages under {@code /admin/photos}; {@code staffName} returns who is signed in or throws. */
    public void adminRoutes(RoutesConfig routes, Web web, Function<Context, String> staffName) {
        new PhotoAdmin(this, web, staffName).routes(routes);
    }

    private void serve(Context ctx) {
        Matcher file = MEDIA_FILE.matcher(ctx.pathParam("file"));
        String id = ctx.pathParam("id");
        if (!file.matches() || !id.matches("[0-9]{1,18}")) {
            throw WebError.notFound();
        }
        Rendition rendition = rendition(Long.parseLong(id), Integer.parseInt(file.group(1)))
                .filter(r -> r.extension().equals(file.group(2)))
                .orElseThrow(WebError::notFound);
        ctx.header("Cache-Control", FOREVER).header("ETag", rendition.etag());
        if (rendition.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(rendition.mime()).result(rendition.bytes());
    }

    private static PhotoDetails validated(PhotoDetails d) {
        check("caption", d.caption(), 2000);
        check("credit", d.credit(), 300);
        check("altText", d.altText(), 1000);
        check("licence", d.licence(), 300);
        return d;
    }

    private static void check(String field, String value, int max) {
        if (value.length() > max) {
            throw WebError.badRequest(field, "The " + field + " is " + value.length() + " characters long; keep it to " + max + ".");
        }
    }

    private static String limit(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1).strip() + "…";
    }

    private static String normalised(String query) {
        return query == null ? "" : PhotoMetadata.clean(query).toLowerCase(java.util.Locale.ROOT);
    }

    /** The file name without any directory, control characters or absurd length; invented when absent. */
    static String originalName(String fileName, PhotoFormat format) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = PhotoMetadata.clean(name.substring(name.lastIndexOf('/') + 1));
        if (name.isEmpty()) {
            return "photo." + format.extension;
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
