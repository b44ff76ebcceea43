package news.masthead.press;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * Turns the make-up's HTML into PDF with openhtmltopdf: the fonts shipped in the jar (embedded as
 * subsets), photos read from the photo library through the {@code photo:} scheme and nothing else
 * (no network, no files), and fixed metadata so the same edition gives the same bytes.
 */
final class Typesetter {
    /** Font families the CSS names. */
    static final String SERIF = "Press Serif";
    static final String SANS = "Press Sans";
    private static final String FONTS = "/news/masthead/press/fonts/";
    private static final Pattern ANY_ID = Pattern.compile(".+");

    private static final List<String> FONT_FILES = List.of("DejaVuSerifCondensed.ttf", "DejaVuSerifCondensed-Bold.ttf",
            "DejaVuSerifCondensed-Italic.ttf", "DejaVuSerifCondensed-BoldItalic.ttf", "DejaVuSansCondensed.ttf",
            "DejaVuSansCondensed-Bold.ttf");

    private final Function<String, Optional<byte[]>> photoBytes;
    /** The font files, read from the jar once. */
    private final Map<String, byte[]> fonts;

    /** @param photoBytes the bytes of {@code photo:{id}/{width}}, given the part after the scheme */
    Typesetter(Function<String, Optional<byte[]>> photoBytes) {
        this.photoBytes = photoBytes;
        this.fonts = new HashMap<>();
        for (String file : FONT_FILES) {
            try (InputStream in = Typesetter.class.getResourceAsStream(FONTS + file)) {
                if (in == null) {
                    throw new IllegalStateException("Font " + file + " is missing from the jar");
                }
                fonts.put(file, withoutGlyphSubstitution(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // openhtmltopdf says what it loads and times at INFO on every run: only its warnings are news
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    /** What a typeset document came to: the PDF (null when only measured), its pages and where each id'd element is. */
    record Result(byte[] pdf, int pages, Map<String, List<Box>> boxes) {
    }

    /** Where an element with an id was laid out: its page (1-based) and its size in points. */
    record Box(int page, float y, float height) {
    }

    /** Lays the document out without writing a PDF: for measuring heights. */
    Result measure(String html) {
        return run(html, null);
    }

    /** Lays out and writes the PDF; {@code created} is the creation and modification date written into it. */
    Result print(String html, Calendar created, String title) {
        return run(html, new Meta(created, title));
    }

    private record Meta(Calendar created, String title) {
    }

    private Result run(String html, Meta meta) {
        org.jsoup.nodes.Document parsed = Jsoup.parse(html);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(new W3CDom().fromJsoup(parsed), null);
        font(builder, "DejaVuSerifCondensed.ttf", SERIF, 400, FontStyle.NORMAL);
        font(builder, "DejaVuSerifCondensed-Bold.ttf", SERIF, 700, FontStyle.NORMAL);
        font(builder, "DejaVuSerifCondensed-Italic.ttf", SERIF, 400, FontStyle.ITALIC);
        font(builder, "DejaVuSerifCondensed-BoldItalic.ttf", SERIF, 700, FontStyle.ITALIC);
        font(builder, "DejaVuSansCondensed.ttf", SANS, 400, FontStyle.NORMAL);
        font(builder, "DejaVuSansCondensed-Bold.ttf", SANS, 700, FontStyle.NORMAL);
        builder.useProtocolsStreamImplementation(new PhotoStreams(), "photo");
        builder.useExternalResourceAccessControl((uri, type) -> type == ExternalResourceType.FONT
                || (type == ExternalResourceType.IMAGE_RASTER && uri.startsWith("photo:")),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> type == ExternalResourceType.FONT
                || (type == ExternalResourceType.IMAGE_RASTER && uri.startsWith("photo:")),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withProducer("Masthead");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            Map<String, List<Box>> boxes = new HashMap<>();
            if (meta == null) {
                // heights in layout units (the caller calibrates them with a ruler of known height)
                collect(renderer.getRootBox(), boxes);
                return new Result(null, 0, boxes);
            }
            renderer.createPDFWithoutClosing();
            for (PagePosition<?> p : renderer.findPagePositionsByID(ANY_ID)) {
                boxes.computeIfAbsent(p.getId(), k -> new java.util.ArrayList<>())
                        .add(new Box(p.getPageNo() + 1, p.getY(), p.getHeight()));
            }
            PDDocument pdf = renderer.getPdfDocument();
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(meta.title());
            info.setProducer("Masthead");
            info.setCreator("Masthead press");
            info.setCreationDate(meta.created());
            info.setModificationDate(meta.created());
            byte[] id = digest(html);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
            pdf.save(out);
            return new Result(out.toByteArray(), pdf.getNumberOfPages(), boxes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(com.openhtmltopdf.render.Box box, Map<String, List<Box>> boxes) {
        if (box == null) {
            return;
        }
        org.w3c.dom.Element element = box.getElement();
        if (element != null && element.hasAttribute("id") && !(box instanceof com.openhtmltopdf.render.InlineLayoutBox)) {
            boxes.computeIfAbsent(element.getAttribute("id"), k -> new java.util.ArrayList<>())
                    .add(new Box(1, box.getAbsY(), box.getHeight()));
        }
        for (com.openhtmltopdf.render.Box child : box.getChildren()) {
            collect(child, boxes);
        }
    }

    /**
     * The font with its {@code GSUB} table hidden (its tag renamed, which keeps the table directory in
     * order). PDFBox 3 runs every line of text through the table's Latin rules with regular expressions,
     * which took most of an edition's time; what it bought is ligatures (fi, fl). The embedded subsets
     * never carry the table anyway.
     */
    static byte[] withoutGlyphSubstitution(byte[] font) {
        byte[] copy = font.clone();
        int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (record + 4 <= copy.length && copy[record] == 'G' && copy[record + 1] == 'S' && copy[record + 2] == 'U'
                    && copy[record + 3] == 'B') {
                copy[record + 3] = 'C';
            }
        }
        return copy;
    }

    /** A calendar for a fixed instant in UTC (PDF dates carry their offset). */
    static Calendar calendar(java.time.Instant at) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(at.toEpochMilli());
        return calendar;
    }

    private static byte[] digest(String text) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void font(PdfRendererBuilder builder, String file, String family, int weight, FontStyle style) {
        byte[] bytes = fonts.get(file);
        builder.useFont(() -> new ByteArrayInputStream(bytes), family, weight, style, true);
    }

    /** {@code photo:{id}/{width}} from the photo library; anything else is not there. */
    private final class PhotoStreams implements FSStreamFactory {
        @Override
        public FSStream getUrl(String url) {
            byte[] bytes = url.startsWith("photo:") ? photoBytes.apply(url.substring("photo:".length())).orElse(null) : null;
            return new FSStream() {
                @Override
                public InputStream getStream() {
                    return bytes == null ? null : new ByteArrayInputStream(bytes);
                }

                @Override
                public Reader getReader() {
                    return bytes == null ? null : new InputStreamReader(getStream(), StandardCharsets.UTF_8);
                }
            };
        }
    }
}
