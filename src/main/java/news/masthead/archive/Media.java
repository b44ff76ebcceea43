package news.masthead.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The archive's {@code media/} directory: every {@code bytea} value (photo originals, renditions) as a
 * file named by the SHA-256 of its bytes, written once however many rows share it, and checked
 * against its name when read back.
 */
final class Media {
    static final String DIR = "media";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private long files;
    private long bytes;

    Media(Path archive) {
        this.dir = archive.resolve(DIR);
    }

    /** Stores the bytes (once) and returns their SHA-256, the name that stands for them in the rows. */
    String write(byte[] content) {
        String sha = sha256(content);
        Path file = dir.resolve(sha);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                Path partial = dir.resolve(sha + ".partial");
                Files.write(partial, content);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                files++;
                bytes += content.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha;
    }

    /** The bytes named by {@code sha}; {@code where} says which row asked, for the error message. */
    byte[] read(String sha, String where) {
        if (!SHA256.matcher(sha).matches()) {
            throw new ArchiveError(where + ": \"" + sha + "\" is not a media file name (64 lower-case hex digits).");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(dir.resolve(sha));
        } catch (NoSuchFileException e) {
            throw new ArchiveError(where + ": media/" + sha + " is missing from the archive.");
        } catch (IOException e) {
            throw new ArchiveError(where + ": cannot read media/" + sha + ": " + e.getMessage(), e);
        }
        String actual = sha256(content);
        if (!actual.equals(sha)) {
            throw new ArchiveError(where + ": media/" + sha + " is damaged: its SHA-256 is " + actual + ".");
        }
        files++;
        bytes += content.length;
        return content;
    }

    long files() {
        return files;
    }

    long bytes() {
        return bytes;
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }
}
