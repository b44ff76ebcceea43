package news.masthead.epaper;

import news.masthead.platform.web.WebError;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an uploaded file is a print PDF we publish, and makes it harmless.
 *
 * <p>Refused: not a PDF, cut short (no {@code %%EOF} near the end, which a print system always
 * writes), damaged beyond what PDFBox can read, encrypted (readers could not open or print it, and
 * we could not extract its text), no pages, too many pages, absurd page shapes.
 *
 * <p><b>Stripped</b>, not refused: JavaScript (document scripts, open actions, form and page
 * actions), launch and other non-navigation actions, and embedded files (attachments). Print systems
 * do put Acrobat scripts and preflight reports into PDFs; refusing them would hold up the day's paper
 * over something readers never need, while removing them leaves the printed page untouched. What was
 * removed is counted and shown to the editor. A file with nothing to strip is kept byte for byte.
 */
final class PdfCheck {
    static final int MAX_PAGES = 500;
    /** Actions that only move within the document or open a web link; everything else goes. */
    private static final Set<String> SAFE_ACTIONS = Set.of("GoTo", "URI", "Named", "Thread");

    private PdfCheck() {
    }

    /** A checked PDF: the file to store (the upload, or a stripped copy beside it) and what was removed. */
    record Checked(Path file, int pages, List<String> removed) {
    }

    static Checked check(Path upload) {
        header(upload);
        try (PDDocument doc = Loader.loadPDF(upload.toFile(), "", Pagination.cacheFor(upload))) {
            if (doc.isEncrypted()) {
                throw encrypted();
            }
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw WebError.badRequest("pdf", "That PDF has no pages.");
            }
            if (pages > MAX_PAGES) {
                throw WebError.badRequest("pdf", "That PDF has " + pages + " pages; an edition has at most " + MAX_PAGES + ".");
            }
            for (PDPage page : doc.getPages()) {
                float w = page.getMediaBox().getWidth();
                float h = page.getMediaBox().getHeight();
                if (!(w >= 72 && h >= 72 && w <= 14400 && h <= 14400 && h / w <= 8 && w / h <= 8)) {
                    throw WebError.badRequest("pdf", "That PDF has a page of " + Math.round(w) + " × " + Math.round(h)
                            + " points, which is not a newspaper page. Check the export settings.");
                }
            }
            Map<String, Integer> removed = strip(doc.getDocument());
            if (removed.isEmpty()) {
                return new Checked(upload, pages, List.of());
            }
            Path clean = Files.createTempFile(upload.getParent(), "epaper-clean-", ".pdf");
            doc.save(clean.toFile());
            return new Checked(clean, pages, removed.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey() + (e.getValue() == 1 ? "" : "s")).toList());
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (IOException | RuntimeException e) {
            if (e instanceof WebError w) {
                throw w;
            }
            throw WebError.badRequest("pdf", "That PDF is damaged and could not be read (" + brief(e)
                    + "). Export it again from the print system and upload it again.");
        }
    }

    private static WebError encrypted() {
        return WebError.badRequest("pdf", "That PDF is encrypted (password or security settings). Export it again "
                + "without security: readers could not open it and we could not read its text.");
    }

    private static String brief(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 120 ? m.substring(0, 120) + "…" : m;
    }

    /** A PDF starts with {@code %PDF-} and ends with {@code %%EOF}; a file missing the end was cut short. */
    private static void header(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length == 0) {
                throw WebError.badRequest("pdf", "Choose a PDF to upload.");
            }
            byte[] head = new byte[(int) Math.min(1024, length)];
            raf.readFully(head);
            if (!new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
                throw WebError.unsupportedMedia("pdf", "That file is not a PDF. Upload the PDF the print system exported.");
            }
            int tailLength = (int) Math.min(2048, length);
            byte[] tail = new byte[tailLength];
            raf.seek(length - tailLength);
            raf.readFully(tail);
            if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
                throw WebError.badRequest("pdf", "That PDF is incomplete: it ends before its end-of-file marker, so the upload or "
                        + "the export was cut short. Upload it again.");
            }
        } catch (IOException e) {
            throw WebError.badRequest("pdf", "The upload could not be read. Try again.");
        }
    }

    /**
     * Walks every object reachable from the trailer and removes scripts, dangerous actions and
     * embedded files; returns what was removed, by kind.
     */
    static Map<String, Integer> strip(COSDocument document) {
        Map<String, Integer> removed = new LinkedHashMap<>();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(document.getTrailer());
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            if (next instanceof COSObject o) {
                next = o.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next instanceof COSDictionary dict) {
                clean(dict, removed);
                for (COSBase value : dict.getValues()) {
                    todo.push(value);
                }
            } else if (next instanceof COSArray array) {
                for (int i = array.size() - 1; i >= 0; i--) {
                    if (array.getObject(i) instanceof COSDictionary d && COSName.getPDFName("FileAttachment").equals(d.getCOSName(COSName.SUBTYPE))) {
                        array.remove(i);
                        count(removed, "embedded file");
                    }
                }
                for (int i = 0; i < array.size(); i++) {
                    todo.push(array.get(i));
                }
            }
        }
        return removed;
    }

    private static void clean(COSDictionary dict, Map<String, Integer> removed) {
        if (dict.containsKey(COSName.JAVA_SCRIPT) && dict.getDictionaryObject(COSName.JAVA_SCRIPT) instanceof COSDictionary) {
            // the document's named scripts (the name tree under /Names)
            dict.removeItem(COSName.JAVA_SCRIPT);
            count(removed, "JavaScript");
        }
        if (dict.containsKey(COSName.EMBEDDED_FILES)) {
            dict.removeItem(COSName.EMBEDDED_FILES);
            count(removed, "embedded file");
        }
        if (dict.containsKey(COSName.EF)) {
            dict.removeItem(COSName.EF);
            count(removed, "embedded file");
        }
        if (dict.containsKey(COSName.AA)) {
            dict.removeItem(COSName.AA);
            count(removed, "automatic action");
        }
        if (dict.containsKey(COSName.XFA)) {
            dict.removeItem(COSName.XFA);
            count(removed, "XFA form");
        }
        for (COSName key : List.of(COSName.OPEN_ACTION, COSName.A, COSName.NEXT)) {
            if (dict.getDictionaryObject(key) instanceof COSDictionary action && action.containsKey(COSName.S)) {
                String kind = action.getNameAsString(COSName.S);
                if (key.equals(COSName.NEXT) || !SAFE_ACTIONS.contains(kind)) {
                    dict.removeItem(key);
                    count(removed, "JavaScript".equals(kind) ? "JavaScript" : "Launch".equals(kind) ? "launch action" : "action");
                }
            } else if (key.equals(COSName.NEXT) && dict.containsKey(COSName.NEXT) && dict.containsKey(COSName.S)) {
                dict.removeItem(COSName.NEXT); // chained actions (an array)
                count(removed, "action");
            }
        }
        if (dict.containsKey(COSName.JS)) {
            dict.removeItem(COSName.JS);
        }
    }

    private static void count(Map<String, Integer> removed, String kind) {
        removed.merge(kind, 1, Integer::sum);
    }
}
