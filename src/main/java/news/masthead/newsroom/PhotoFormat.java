package news.masthead.newsroom;

import news.masthead.platform.web.WebError;

/**
 * The image formats the library accepts, recognised by their first bytes (never by the file name),
 * and the pixel dimensions a file declares in its header, read without decoding a single pixel so a
 * decompression bomb is refused before it can take the heap.
 */
enum PhotoFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    static final long MAX_PIXELS = 60_000_000L;
    static final int MAX_SIDE = 20_000;

    final String mime;
    final String extension;

    PhotoFormat(String mime, String extension) {
        this.mime = mime;
        this.extension = extension;
    }

    /** Width and height as the file declares them, before any EXIF rotation. */
    record Dimensions(int width, int height) {
    }

    /** The format the bytes are in, or a 415 naming what we accept. */
    static PhotoFormat sniff(byte[] b) {
        if (b.length >= 3 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF) {
            return JPEG;
        }
        if (b.length >= 8 && u8(b, 0) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return PNG;
        }
        if (b.length >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return WEBP;
        }
        throw WebError.unsupportedMedia("photo", "That file is not a JPEG, PNG or WebP image. Export it as one of those and upload it again.");
    }

    /** The declared dimensions, refused (400) when missing, corrupt or too large to decode safely. */
    Dimensions declaredDimensions(byte[] b) {
        Dimensions d = switch (this) {
            case JPEG -> jpeg(b);
            case PNG -> png(b);
            case WEBP -> webp(b);
        };
        if (d == null || d.width() <= 0 || d.height() <= 0) {
            throw corrupt();
        }
        if (d.width() > MAX_SIDE || d.height() > MAX_SIDE || (long) d.width() * d.height() > MAX_PIXELS) {
            throw WebError.badRequest("photo", "That image declares " + d.width() + " × " + d.height()
                    + " pixels; the most we accept is 60 megapixels and 20000 pixels a side. Resize it and upload it again.");
        }
        return d;
    }

    static WebError corrupt() {
        return WebError.badRequest("photo", "That image file is damaged or incomplete, so it could not be read. Export it again and re-upload it.");
    }

    private static Dimensions png(byte[] b) {
        if (b.length < 24 || !ascii(b, 12, "IHDR")) {
            return null;
        }
        long w = u32be(b, 16);
        long h = u32be(b, 20);
        return new Dimensions(clamp(w), clamp(h));
    }

    /** Walks the JPEG marker segments up to the first start-of-frame. */
    private static Dimensions jpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if (u8(b, i) != 0xFF) {
                return null;
            }
            int marker = u8(b, i + 1);
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null;
            }
            int length = u16be(b, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                if (i + 9 > b.length) {
                    return null;
                }
                return new Dimensions(u16be(b, i + 7), u16be(b, i + 5));
            }
            if (length < 2) {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }

    /** Reads the first image chunk of a RIFF/WEBP file: VP8X (extended), VP8L (lossless) or VP8 (lossy). */
    private static Dimensions webp(byte[] b) {
        int i = 12;
        if (i + 8 > b.length) {
            return null;
        }
        int data = i + 8;
        if (ascii(b, i, "VP8X") && data + 10 <= b.length) {
            return new Dimensions(u24le(b, data + 4) + 1, u24le(b, data + 7) + 1);
        }
        if (ascii(b, i, "VP8L") && data + 5 <= b.length && u8(b, data) == 0x2F) {
            long bits = u32le(b, data + 1);
            return new Dimensions((int) (bits & 0x3FFF) + 1, (int) ((bits >>> 14) & 0x3FFF) + 1);
        }
        if (ascii(b, i, "VP8 ") && data + 10 <= b.length
                && u8(b, data + 3) == 0x9D && u8(b, data + 4) == 0x01 && u8(b, data + 5) == 0x2A) {
            return new Dimensions(u16le(b, data + 6) & 0x3FFF, u16le(b, data + 8) & 0x3FFF);
        }
        return null;
    }

    private static int clamp(long v) {
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    private static boolean ascii(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u16be(byte[] b, int i) {
        return i + 2 <= b.length ? (u8(b, i) << 8) | u8(b, i + 1) : 0;
    }

    private static long u32be(byte[] b, int i) {
        return ((long) u16be(b, i) << 16) | u16be(b, i + 2);
    }

    private static int u16le(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8);
    }

    private static int u24le(byte[] b, int i) {
        return u16le(b, i) | (u8(b, i + 2) << 16);
    }

    private static long u32le(byte[] b, int i) {
        return (u16le(b, i) & 0xFFFFL) | ((long) u16le(b, i + 2) << 16);
    }
}
