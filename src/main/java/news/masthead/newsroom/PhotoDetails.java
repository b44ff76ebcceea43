package news.masthead.newsroom;

/**
 * What the desk says about a photo. Blank caption or credit at upload are filled from the file's
 * IPTC/EXIF/XMP; alt text is an editorial decision and is never guessed.
 */
public record PhotoDetails(String caption, String credit, String altText, String licence) {
    public static final PhotoDetails BLANK = new PhotoDetails("", "", "", "");

    public PhotoDetails {
        caption = tidy(caption);
        credit = tidy(credit);
        altText = tidy(altText);
        licence = tidy(licence);
    }

    private static String tidy(String value) {
        return value == null ? "" : value.strip();
    }
}
