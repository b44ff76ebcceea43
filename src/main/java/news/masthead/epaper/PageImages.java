package news.masthead.epaper;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jdbi.v3.core.Jdbi;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Page images: JPEGs of a page at a few standard widths, rendered from the page's own one-page PDF
 * with PDFBox the first time someone asks, then kept in {@code epaper_page_images} for every node.
 * A printing never changes, so an image never does either: its URL names the printing.
 */
final class PageImages {
    /** Thumbnail (the strip, the cover), screen, zoom. */
    static final int THUMBNAIL = 240;
    static final int SCREEN = 900;
    static final int ZOOM = 1800;
    static final List<Integer> WIDTHS = List.of(THUMBNAIL, SCREEN, ZOOM);

    /** Rendering is CPU- and memory-heavy: two at a time per node. */
    private final Semaphore rendering = new Semaphore(2);
    private final Jdbi jdbi;
    private final PrintingRows rows;
    private final Clock clock;
    private final java.util.concurrent.ExecutorService warming = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "epaper-warm");
        t.setDaemon(true);
        return t;
    });

    PageImages(Jdbi jdbi, PrintingRows rows, Clock clock) {
        this.jdbi = jdbi;
        this.rows = rows;
        this.clock = clock;
    }

    record Image(byte[] bytes, int width, int height) {
    }

    /** The stored image, or renders, stores and returns it; empty when the page does not exist. */
    Optional<Image> image(long printingId, int page, int width) {
        Optional<Image> stored = stored(printingId, page, width);
        if (stored.isPresent()) {
            return stored;
        }
        Optional<byte[]> pdf = rows.pagePdf(printingId, page);
        if (pdf.isEmpty()) {
            return Optional.empty();
        }
        Image made = render(pdf.get(), width);
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into epaper_page_images (printing_id, page, width, height, bytes, created_at)
                        values (:id, :page, :width, :height, :bytes, :now) on conflict do nothing""")
                .bind("id", printingId).bind("page", page).bind("width", width).bind("height", made.height())
                .bind("bytes", made.bytes()).bind("now", clock.instant()).execute());
        return Optional.of(made);
    }

    /**
     * Renders, in the background, what the first reader asks for at once: every page's thumbnail
     * (the strip) and the front page at screen width. Anything not warmed yet renders on request.
     */
    void warm(long printingId, int pages) {
        warming.submit(() -> {
            try {
                image(printingId, 1, SCREEN);
                for (int page = 1; page <= pages; page++) {
                    image(printingId, page, THUMBNAIL);
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(PageImages.class).warn("Warming the images of printing {} failed", printingId, e);
            }
        });
    }

    void close() {
        warming.shutdownNow();
    }

    private Optional<Image> stored(long printingId, int page, int width) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select bytes, width, height from epaper_page_images where printing_id = :id and page = :page and width = :width""")
                .bind("id", printingId).bind("page", page).bind("width", width)
                .map((rs, ctx) -> new Image(rs.getBytes(1), rs.getInt(2), rs.getInt(3))).findOne());
    }

    /** Renders page 1 of a one-page PDF at {@code width} pixels as a JPEG. */
    Image render(byte[] onePagePdf, int width) {
        rendering.acquireUninterruptibly();
        try (PDDocument doc = Loader.loadPDF(onePagePdf)) {
            float widthPt = doc.getPage(0).getMediaBox().getWidth();
            BufferedImage image = new PDFRenderer(doc).renderImage(0, width / widthPt, ImageType.RGB);
            return new Image(jpeg(image), image.getWidth(), image.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            rendering.release();
        }
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
