package news.masthead.site;

import java.util.Optional;

/**
 * Where the site gets a photo's responsive image and its words. Implemented by {@code app} over the
 * newsroom's photo library; a lambda in tests.
 */
@FunctionalInterface
public interface PhotoFigures {

    /** The photo ready to show, or empty if there is no such photo (the page then shows none). */
    Optional<Figure> figure(long photoId);

    /** No photos at all. */
    static PhotoFigures none() {
        return id -> Optional.empty();
    }

    /**
     * A photo as a page shows it.
     *
     * @param src     URL of the default rendition (site-relative or absolute)
     * @param srcset  the {@code srcset} of all renditions ("/media/1/480.webp 480w, …"), may be blank
     * @param width   intrinsic width of {@code src}, for layout stability
     * @param height  intrinsic height of {@code src}
     * @param alt     alternative text
     * @param caption what the photo shows, may be blank
     * @param credit  who took it, may be blank
     */
    record Figure(String src, String srcset, int width, int height, String alt, String caption, String credit) {
        public Figure {
            srcset = srcset == null ? "" : srcset;
            alt = alt == null ? "" : alt;
            caption = caption == null ? "" : caption;
            credit = credit == null ? "" : credit;
        }
    }
}
