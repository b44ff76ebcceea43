package news.masthead.newsroom;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the camera or the agency wrote into the file (IPTC, EXIF, XMP) that the desk can start from:
 * a caption, a credit, and the EXIF orientation the renditions must honour. Unreadable metadata is
 * not an error; the photo simply arrives without suggestions.
 *
 * @param orientation EXIF orientation 1..8 (1 = as stored)
 */
record PhotoMetadata(String caption, String credit, int orientation) {
    /** Placeholders cameras write into ImageDescription; never a caption. */
    private static final Set<String> CAMERA_DEFAULTS = Set.of("OLYMPUS DIGITAL CAMERA", "SONY DSC", "DIGITAL CAMERA",
            "SAMSUNG", "DCIM", "DEFAULT", "IMAGE");

    static final PhotoMetadata NONE = new PhotoMetadata("", "", 1);

    static PhotoMetadata read(byte[] bytes) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return NONE;
        }
        Map<String, String> xmp = xmp(metadata);
        String caption = first(
                iptc(metadata, IptcDirectory.TAG_CAPTION),
                xmp.get("dc:description[1]"),
                cameraFree(exif(metadata, ExifDirectoryBase.TAG_IMAGE_DESCRIPTION)));
        String byline = first(
                iptc(metadata, IptcDirectory.TAG_BY_LINE),
                exif(metadata, ExifDirectoryBase.TAG_ARTIST),
                xmp.get("dc:creator[1]"));
        String agency = first(iptc(metadata, IptcDirectory.TAG_CREDIT), xmp.get("photoshop:Credit"));
        String credit = join(byline, agency);
        if (credit.isEmpty()) {
            credit = first(
                    iptc(metadata, IptcDirectory.TAG_COPYRIGHT_NOTICE),
                    exif(metadata, ExifDirectoryBase.TAG_COPYRIGHT),
                    xmp.get("dc:rights[1]"));
        }
        return new PhotoMetadata(caption, credit, orientation(metadata));
    }

    private static int orientation(Metadata metadata) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 == null || !ifd0.containsTag(ExifDirectoryBase.TAG_ORIENTATION)) {
            return 1;
        }
        Integer value = ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
        return value != null && value >= 1 && value <= 8 ? value : 1;
    }

    private static String iptc(Metadata metadata, int tag) {
        return text(metadata.getFirstDirectoryOfType(IptcDirectory.class), tag);
    }

    private static String exif(Metadata metadata, int tag) {
        return text(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class), tag);
    }

    private static String text(Directory directory, int tag) {
        if (directory == null || !directory.containsTag(tag)) {
            return "";
        }
        String value = directory.getString(tag);
        return value == null ? "" : clean(value);
    }

    private static Map<String, String> xmp(Metadata metadata) {
        XmpDirectory directory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        return directory == null ? Map.of() : directory.getXmpProperties();
    }

    private static String cameraFree(String description) {
        return CAMERA_DEFAULTS.contains(description.toUpperCase(java.util.Locale.ROOT)) ? "" : description;
    }

    /** Trims, drops control characters and NULs (EXIF strings are often NUL-padded), collapses runs of spaces. */
    static String clean(String value) {
        return value.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ").replaceAll("[ \\t]+", " ").strip();
    }

    private static String first(String... values) {
        return Stream.of(values).filter(v -> v != null && !v.isBlank()).map(PhotoMetadata::clean).findFirst().orElse("");
    }

    private static String join(String... values) {
        Set<String> parts = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                parts.add(v.strip());
            }
        }
        return String.join(" / ", parts);
    }
}
