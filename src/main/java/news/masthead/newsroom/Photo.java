package news.masthead.newsroom;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A photo in the library: its upright size, what the desk says about it, and the widths of its
 * renditions (ascending). {@code renditionMime} is the format every rendition of it is in (JPEG for
 * photographs, PNG for images with transparency).
 */
public record Photo(long id, String originalName, String mime, int width, int height, String caption, String credit,
                    String altText, String licence, List<Integer> widths, String renditionMime) {
    /** The rendition pages use when they don't pick one: 960 wide, or the widest below it. */
    static final int DEFAULT_WIDTH = 960;

    public Photo {
        widths = List.copyOf(widths);
    }

    /** The URL of the rendition of this width (which must be one of {@link #widths()}). */
    public String url(int width) {
        return "/media/photos/" + id + "/" + width + "." + extensionOf(renditionMime);
    }

    /** A sensible default {@code src}: the widest rendition not wider than 960 pixels. */
    public String src() {
        return url(srcWidth());
    }

    /** The width of the {@link #src()} rendition. */
    public int srcWidth() {
        int chosen = widths.getFirst();
        for (int w : widths) {
            if (w <= DEFAULT_WIDTH) {
                chosen = w;
            }
        }
        return chosen;
    }

    /** {@code /media/photos/7/320.jpg 320w, /media/photos/7/640.jpg 640w, …} */
    public String srcset() {
        return widths.stream().map(w -> url(w) + " " + w + "w").collect(Collectors.joining(", "));
    }

    /** The height of the rendition {@code width} pixels wide (for width/height attributes). */
    public int heightAt(int width) {
        return Math.max(1, (int) Math.round((double) height * width / this.width));
    }

    /** The alt text, falling back to the caption when the desk has not written one. */
    public String alt() {
        return altText.isBlank() ? caption : altText;
    }

    static String extensionOf(String mime) {
        return switch (mime) {
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            default -> "jpg";
        };
    }
}
