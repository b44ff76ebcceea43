package news.masthead.epaper;

import news.masthead.platform.web.WebError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The rules of making a printing: check the PDF, store it, cut it into pages with their text,
 * render the thumbnails, and only then mark it a draft (or publish it). A failure on the way marks
 * the printing failed with a message for the editor; readers never see any of it.
 */
final class Printings {
    private static final Logger log = LoggerFactory.getLogger(Printings.class);

    private final PrintingRows rows;
    private final PageImages images;
    private final Clock clock;

    Printings(PrintingRows rows, PageImages images, Clock clock) {
        this.rows = rows;
        this.images = images;
        this.clock = clock;
    }

    /** A whole edition from one PDF; published at once when {@code publish}. The file is left for the caller. */
    Printing whole(LocalDate day, Path pdf, List<Placement> placements, String source, String madeBy, boolean publish) {
        PdfCheck.Checked checked = PdfCheck.check(pdf);
        for (Placement p : placements) {
            if (p.page() < 1 || p.page() > checked.pages()) {
                throw WebError.badRequest("placements", "A placement is on page " + p.page() + " of a " + checked.pages() + "-page PDF.");
            }
        }
        long id = rows.create(day, source, madeBy, clock.instant());
        try {
            rows.storePdf(id, checked.file());
            int pages = Pagination.split(checked.file(), 1, page -> store(id, page));
            rows.insertPlacements(id, placements);
            finish(id, pages, checked.file(), checked.removed());
        } catch (IOException | RuntimeException e) {
            throw fail(id, e);
        } finally {
            dropCopy(pdf, checked.file());
        }
        if (publish) {
            rows.publish(id, clock.instant());
        }
        return rows.find(id).orElseThrow();
    }

    /**
     * A new draft from the day's newest usable printing with pages changed: {@code replace} puts the
     * upload's pages in place of pages {@code at}…; otherwise they are inserted before page {@code at}
     * (one past the last page appends). Without a printing for the day the upload starts one.
     */
    Printing change(LocalDate day, int at, Path pdf, boolean replace, String madeBy) {
        Printing base = rows.newestUsable(day).orElse(null);
        int basePages = base == null ? 0 : base.pages();
        if (at < 1 || at > basePages + (replace ? 0 : 1)) {
            throw WebError.badRequest("page", basePages == 0
                    ? "There is no printing of " + day + " yet: upload the first page at position 1."
                    : "Choose a page between 1 and " + (replace ? basePages : basePages + 1) + ".");
        }
        PdfCheck.Checked checked = PdfCheck.check(pdf);
        int added = checked.pages();
        if (replace && at + added - 1 > basePages) {
            throw WebError.badRequest("page", "The upload has " + added + " pages, but only " + (basePages - at + 1)
                    + " pages follow page " + at + ".");
        }
        String what = (replace ? "replaced page" : "inserted page") + (added == 1 ? " " + at : "s " + at + "–" + (at + added - 1));
        long id = rows.create(day, "upload: " + what + (base == null ? "" : " of printing " + base.id()), madeBy, clock.instant());
        List<Path> parts = new ArrayList<>();
        Path merged = null;
        try {
            Pagination.split(checked.file(), at, page -> store(id, page));
            int total = replace ? basePages : basePages + added;
            for (int n = 1; n <= basePages; n++) {
                boolean replaced = replace && n >= at && n < at + added;
                if (!replaced) {
                    rows.copyPage(base.id(), n, id, !replace && n >= at ? n + added : n);
                }
            }
            if (base != null) {
                List<Placement> kept = new ArrayList<>();
                for (Placement p : rows.placements(base.id())) {
                    if (replace && p.page() >= at && p.page() < at + added) {
                        continue;
                    }
                    kept.add(!replace && p.page() >= at ? new Placement(p.articleId(), p.headline(), p.page() + added) : p);
                }
                rows.insertPlacements(id, kept);
            }
            for (int n = 1; n <= total; n++) {
                Path part = Pagination.tempPdf("epaper-page-");
                parts.add(part);
                Files.write(part, rows.pagePdf(id, n).orElseThrow());
            }
            merged = Pagination.tempPdf("epaper-merged-");
            Pagination.merge(parts, merged);
            rows.storePdf(id, merged);
            finish(id, total, merged, checked.removed());
        } catch (IOException | RuntimeException e) {
            throw fail(id, e);
        } finally {
            dropCopy(pdf, checked.file());
            parts.forEach(Printings::delete);
            if (merged != null) {
                delete(merged);
            }
        }
        return rows.find(id).orElseThrow();
    }

    private void store(long printingId, ProcessedPage page) {
        rows.insertPage(printingId, page);
    }

    private void finish(long id, int pages, Path pdf, List<String> removed) throws IOException {
        String notes = removed.isEmpty() ? "" : "Removed from the PDF: " + String.join(", ", removed) + ".";
        rows.processed(id, pages, Files.size(pdf), sha256(pdf), notes, clock.instant());
        images.warm(id, pages);
    }

    private RuntimeException fail(long id, Exception e) {
        String message = e instanceof WebError w ? w.getMessage()
                : "Processing failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").";
        if (!(e instanceof WebError)) {
            log.warn("ePaper printing {} failed", id, e);
        }
        rows.failed(id, message, clock.instant());
        return e instanceof WebError w ? w : WebError.badRequest("pdf", message + " Nothing was published.");
    }

    /**
     * Marks printings that have been processing for over an hour failed: the node making them stopped
     * (a restart), and the desk would otherwise wait for them for ever.
     */
    void failStale() {
        for (long id : rows.stale(clock.instant().minus(java.time.Duration.ofHours(1)))) {
            rows.failed(id, "Processing stopped before it finished (the server restarted?). Upload or build it again.", clock.instant());
        }
    }

    /** Marks a printing failed from outside (a build that could not compose). */
    void failed(long id, String message) {
        rows.failed(id, message, clock.instant());
    }

    private static void dropCopy(Path upload, Path checked) {
        if (!checked.equals(upload)) {
            delete(checked);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary file {}", file, e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
