package news.masthead.epaper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** PDFs as temporary files, for the entry class's methods that take a path. */
final class EpaperHttpTestFiles {
    private EpaperHttpTestFiles() {
    }

    static Path file(byte[] pdf) {
        try {
            Path f = Files.createTempFile("epaper-test-", ".pdf");
            Files.write(f, pdf);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
