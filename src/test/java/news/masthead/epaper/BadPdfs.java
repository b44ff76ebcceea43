package news.masthead.epaper;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/** Hostile and broken PDFs, made in the test with PDFBox from a good demo print. */
final class BadPdfs {
    private BadPdfs() {
    }

    static byte[] good(int pages) {
        return DemoPrint.pdf("The Test Times", LocalDate.of(2026, 11, 2), pages);
    }

    static byte[] encrypted() {
        return change(good(1), doc -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "reader-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
        });
    }

    /** Encrypted with an empty user password: opens without asking, still encrypted. */
    static byte[] encryptedWithoutPassword() {
        return change(good(1), doc -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
        });
    }

    static byte[] javaScriptOpenAction() {
        return change(good(2), doc -> doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');")));
    }

    static byte[] launchOnPage() {
        return change(good(1), doc -> {
            PDPage page = doc.getPage(0);
            org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions actions = page.getActions();
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification(new org.apache.pdfbox.cos.COSString("calc.exe")));
            actions.setO(launch);
        });
    }

    static byte[] embeddedFile() {
        return change(good(1), doc -> {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("report.txt");
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream("preflight".getBytes(StandardCharsets.UTF_8)));
            spec.setEmbeddedFile(file);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("report.txt", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
        });
    }

    /** A valid PDF of about {@code megabytes} MB: a page and a stream of random (incompressible) bytes. */
    static byte[] large(int megabytes) {
        byte[] noise = new byte[megabytes * 1024 * 1024];
        new java.util.Random(7).nextBytes(noise);
        return change(good(1), doc -> doc.getDocumentCatalog().getCOSObject().setItem(
                org.apache.pdfbox.cos.COSName.getPDFName("PieceInfo"),
                new org.apache.pdfbox.pdmodel.common.PDStream(doc, new ByteArrayInputStream(noise)).getCOSObject()));
    }

    static byte[] truncated() {
        byte[] good = good(3);
        return Arrays.copyOf(good, good.length * 2 / 3);
    }

    interface Change {
        void apply(PDDocument doc) throws IOException;
    }

    static byte[] change(byte[] pdf, Change change) {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            change.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
