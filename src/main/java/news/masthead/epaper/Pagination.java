package news.masthead.epaper;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a checked PDF into its pages (a one-page PDF each, with its text layer), and puts pages back
 * together into one PDF. PDFBox keeps big streams in temporary files, not on the heap.
 */
final class Pagination {
    private Pagination() {
    }

    /** Hands each page, in order, to {@code sink} (one page in memory at a time); returns the count. */
    static int split(Path pdf, int firstNumber, Consumer<ProcessedPage> sink) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(), "", cacheFor(pdf))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            int n = doc.getNumberOfPages();
            for (int i = 1; i <= n; i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                String text = clean(stripper.getText(doc));
                PDPage page = doc.getPage(i - 1);
                byte[] single;
                try (PDDocument one = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
                    one.importPage(page);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    one.save(out);
                    single = out.toByteArray();
                }
                sink.accept(new ProcessedPage(firstNumber + i - 1, page.getMediaBox().getWidth(), page.getMediaBox().getHeight(),
                        single, text));
            }
            return n;
        }
    }

    /** Streams PDFBox writes (decoded, new) stay in memory for a small PDF, in temporary files for a big one. */
    static org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction cacheFor(Path pdf) throws IOException {
        return Files.size(pdf) < 32 * 1024 * 1024 ? IOUtils.createMemoryOnlyStreamCache() : IOUtils.createTempFileOnlyStreamCache();
    }

    /** One PDF of the given one-page PDFs in order, written to {@code out}. */
    static void merge(List<Path> pages, Path out) throws IOException {
        PDFMergerUtility merger = new PDFMergerUtility();
        for (Path page : pages) {
            merger.addSource(page.toFile());
        }
        merger.setDestinationFileName(out.toString());
        merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
    }

    /** Text as PostgreSQL stores it: no NUL characters, normalized line ends, trimmed. */
    static String clean(String text) {
        return text.replace("\u0000", "").replace("\r\n", "\n").strip();
    }

    static Path tempPdf(String prefix) throws IOException {
        return Files.createTempFile(prefix, ".pdf");
    }
}
