package news.masthead.newsroom;

/**
 * One stored size of a photo, as served at {@code /media/photos/{photoId}/{width}.{extension}}.
 * Renditions never change once made, so the {@code etag} (the original's hash and the width) is
 * stable for ever.
 */
public record Rendition(long photoId, int width, String mime, byte[] bytes, String etag) {
    /** {@code jpg} or {@code png}: the file extension its URL carries. */
    public String extension() {
        return Photo.extensionOf(mime);
    }
}
