package news.masthead.migration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images inside a post's HTML ({@code <img src=…/wp-content/uploads/…>}) brought into the photo library
 * (from the uploads folder or by URL, as featured images are) and the tags pointed at Masthead's own
 * rendition ({@code /media/photos/{id}/{width}.jpg}); {@code srcset} and {@code sizes}, which name the old
 * site's sizes, are dropped. Only the {@code img} tags are touched, the rest of the HTML stays as written.
 * An image that cannot be brought over keeps its old address, and the report says why.
 */
final class BodyImages {
    private static final Pattern IMG = Pattern.compile("(?is)<img\\b[^>]*>");
    private static final Pattern SRC = Pattern.compile("(?is)(\\ssrc\\s*=\\s*)(\"([^\"]*)\"|'([^']*)')");
    private static final Pattern ALT = Pattern.compile("(?is)\\salt\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    private static final Pattern SIZES = Pattern.compile("(?is)\\s(srcset|sizes)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

    private BodyImages() {
    }

    /** What was done: the HTML with rewritten images, and how many were brought over. */
    record Rewritten(String html, int imported) {
    }

    static Rewritten rewrite(String html, String marker, PhotoFiles photos, Consumer<String> problem) {
        if (html == null || !photos.available() || !html.contains("<img") && !html.contains("<IMG")) {
            return new Rewritten(html, 0);
        }
        Map<String, String> done = new LinkedHashMap<>();
        int[] imported = {0};
        Matcher tags = IMG.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (tags.find()) {
            String tag = tags.group();
            Matcher src = SRC.matcher(tag);
            if (!src.find()) {
                tags.appendReplacement(out, Matcher.quoteReplacement(tag));
                continue;
            }
            String url = org.jsoup.parser.Parser.unescapeEntities(src.group(3) != null ? src.group(3) : src.group(4), true).strip();
            if (!url.contains(marker)) {
                tags.appendReplacement(out, Matcher.quoteReplacement(tag));
                continue;
            }
            String ours = done.computeIfAbsent(url, u -> {
                PhotoFiles.Result photo = photos.photo(u, "", alt(tag));
                if (photo.problem() != null) {
                    problem.accept("image in the text " + photo.problem());
                }
                return photo.photoId() == null ? null : photos.src(photo.photoId());
            });
            if (ours == null) {
                tags.appendReplacement(out, Matcher.quoteReplacement(tag));
                continue;
            }
            imported[0]++;
            String rewritten = tag.substring(0, src.start()) + src.group(1) + "\"" + ours + "\"" + tag.substring(src.end());
            rewritten = SIZES.matcher(rewritten).replaceAll("");
            tags.appendReplacement(out, Matcher.quoteReplacement(rewritten));
        }
        tags.appendTail(out);
        return new Rewritten(out.toString(), imported[0]);
    }

    private static String alt(String tag) {
        Matcher m = ALT.matcher(tag);
        return m.find() ? org.jsoup.parser.Parser.unescapeEntities(m.group(2) != null ? m.group(2) : m.group(3), true) : "";
    }
}
