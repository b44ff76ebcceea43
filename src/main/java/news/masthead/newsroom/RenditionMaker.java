package news.masthead.newsroom;

import news.masthead.platform.web.WebError;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Makes the responsive renditions of one upload: decodes it (subsampled when it is far larger than
 * the widest rendition, so a 60-megapixel photo does not need a gigabyte of heap), turns it upright
 * as EXIF says, and scales it to each width. Photos become JPEG; images with real transparency
 * (logos, graphics) stay PNG. Pure CPU work, done before any transaction opens.
 */
final class RenditionMaker {
    static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280, 1920);
    private static final float JPEG_QUALITY = 0.82f;

    /** One encoded rendition, before it has a photo id. */
    record Encoded(int width, int height, String mime, byte[] bytes) {
    }

    /** The outcome: the upright size of the original and its renditions. */
    record Result(int width, int height, List<Encoded> renditions) {
    }

    private RenditionMaker() {
    }

    /** The widths made for an upright original {@code width} pixels wide: never wider than it. */
    static List<Integer> widthsFor(int width) {
        List<Integer> widths = WIDTHS.stream().filter(w -> w <= width).toList();
        return widths.isEmpty() ? List.of(width) : widths;
    }

    static Result make(byte[] bytes, PhotoFormat format, PhotoFormat.Dimensions declared, int orientation) {
        boolean sideways = orientation >= 5;
        int uprightWidth = sideways ? declared.height() : declared.width();
        int uprightHeight = sideways ? declared.width() : declared.height();
        List<Integer> widths = widthsFor(uprightWidth);
        int widest = widths.getLast();
        int subsampling = Math.max(1, uprightWidth / (2 * widest));
        BufferedImage image = orient(decode(bytes, format, subsampling), orientation);
        boolean transparent = hasTransparency(image);
        // halve once for all widths rather than once per width
        BufferedImage base = halveDownTo(image, widest, transparent);
        List<Encoded> renditions = new ArrayList<>();
        for (int width : widths) {
            int height = Math.max(1, (int) Math.round((double) uprightHeight * width / uprightWidth));
            BufferedImage scaled = scale(base, width, height, transparent);
            renditions.add(transparent
                    ? new Encoded(width, height, "image/png", png(scaled))
                    : new Encoded(width, height, "image/jpeg", jpeg(scaled)));
        }
        return new Result(uprightWidth, uprightHeight, List.copyOf(renditions));
    }

    private static BufferedImage decode(byte[] bytes, PhotoFormat format, int subsampling) {
        // in memory: ImageIO's default stream would spool every upload to a temporary file first
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(java.util.Locale.ROOT));
            if (!readers.hasNext()) {
                throw new IllegalStateException("No ImageIO reader for " + format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                boolean[] truncated = {false};
                reader.addIIOReadWarningListener((source, warning) -> truncated[0] |= isTruncation(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null || truncated[0]) {
                    throw PhotoFormat.corrupt();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (WebError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw PhotoFormat.corrupt();
        }
    }

    /**
     * Whether a decoder warning means the file ends early. The JPEG decoder only warns about that and
     * fills the missing rows with grey; other warnings (stray bytes between markers) are harmless.
     */
    private static boolean isTruncation(String warning) {
        String w = warning == null ? "" : warning.toLowerCase(java.util.Locale.ROOT);
        return w.contains("premature end") || w.contains("truncated") || w.contains("missing eoi");
    }

    /** Applies EXIF orientation 1..8 so the result is the right way up. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        boolean sideways = orientation >= 5;
        BufferedImage out = new BufferedImage(sideways ? h : w, sideways ? w : h, workingType(image));
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int workingType(BufferedImage image) {
        return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    private static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Halves repeatedly, then one bicubic step to the exact size: sharp and without aliasing. */
    private static BufferedImage scale(BufferedImage source, int width, int height, boolean keepAlpha) {
        int type = keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        return draw(halveDownTo(source, width, keepAlpha), width, height, type, keepAlpha);
    }

    private static BufferedImage halveDownTo(BufferedImage source, int width, boolean keepAlpha) {
        int type = keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= 1) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, type, keepAlpha);
        }
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type, boolean keepAlpha) {
        BufferedImage out = new BufferedImage(width, height, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!keepAlpha) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg", true);
    }

    private static byte[] png(BufferedImage image) {
        return encode(image, "png", false);
    }

    /** Encodes in memory (ImageIO's default output stream would go through a temporary file). */
    private static byte[] encode(BufferedImage image, String format, boolean lossy) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (lossy) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
