package news.masthead.app.demo;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Paints the demo's "photographs": landscapes, skylines, fields and abstract compositions in
 * varied palettes, 1600×1000 JPEG, the same bytes for the same seed. Pure Java2D, no files.
 */
final class PhotoPainter {
    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;

    /** What a picture shows, so captions and alt text can say so. */
    enum Scene { MOUNTAINS, SKYLINE, FIELDS, ABSTRACT }

    /** A painted picture: its JPEG bytes and what it shows. */
    record Picture(Scene scene, byte[] jpeg) {
    }

    private PhotoPainter() {
    }

    static Picture paint(long seed) {
        Random random = new Random(scramble(seed));
        Scene scene = Scene.values()[random.nextInt(Scene.values().length)];
        return new Picture(scene, paint(seed, scene));
    }

    static byte[] paint(long seed, Scene scene) {
        Random random = new Random(scramble(seed * 31 + scene.ordinal()));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            Palette palette = scene == Scene.ABSTRACT ? Palette.anyColours(random) : Palette.natural(random);
            switch (scene) {
                case MOUNTAINS -> mountains(g, random, palette);
                case SKYLINE -> skyline(g, random, palette);
                case FIELDS -> fields(g, random, palette);
                case ABSTRACT -> abstractShapes(g, random, palette);
            }
        } finally {
            g.dispose();
        }
        grain(image, random.nextLong(), 7);
        return jpeg(image);
    }

    private static void mountains(Graphics2D g, Random random, Palette p) {
        int horizon = (int) (HEIGHT * (0.45 + random.nextDouble() * 0.2));
        sky(g, p, horizon + 200);
        sun(g, random, p, horizon);
        int ridges = 3 + random.nextInt(3);
        for (int i = 0; i < ridges; i++) {
            double depth = (double) i / (ridges - 1);
            Color color = mix(p.haze(), p.ground(), 0.25 + 0.75 * depth);
            int base = horizon - 160 + (int) (depth * 320);
            g.setColor(color);
            g.fill(ridge(random, base, 90 + random.nextInt(140) - (int) (depth * 50), 0.55 + random.nextDouble() * 0.2));
        }
        if (random.nextBoolean()) {
            lake(g, random, p, (int) (HEIGHT * 0.8));
        }
    }

    private static void skyline(Graphics2D g, Random random, Palette p) {
        int street = (int) (HEIGHT * (0.7 + random.nextDouble() * 0.12));
        sky(g, p, street);
        sun(g, random, p, street - 200);
        for (int layer = 0; layer < 2; layer++) {
            Color wall = mix(p.haze(), p.ground(), layer == 0 ? 0.45 : 0.95);
            int x = -random.nextInt(60);
            while (x < WIDTH) {
                int w = 50 + random.nextInt(layer == 0 ? 90 : 140);
                int h = 120 + random.nextInt(layer == 0 ? 420 : 360);
                g.setColor(wall);
                g.fillRect(x, street - h, w, h + 5);
                if (random.nextInt(4) == 0) {
                    g.fillRect(x + w / 2 - 3, street - h - 40, 6, 40);
                }
                if (layer == 1) {
                    windows(g, random, p, x, street - h, w, h);
                }
                x += w + random.nextInt(12);
            }
        }
        g.setPaint(new GradientPaint(0, street, p.ground().darker(), 0, HEIGHT, p.ground().darker().darker()));
        g.fillRect(0, street, WIDTH, HEIGHT - street);
        lake(g, random, p, street + 20);
    }

    private static void windows(Graphics2D g, Random random, Palette p, int x, int y, int w, int h) {
        Color lit = mix(p.light(), Color.WHITE, 0.3);
        for (int wy = y + 14; wy < y + h - 20; wy += 22) {
            for (int wx = x + 8; wx < x + w - 12; wx += 16) {
                if (random.nextInt(3) == 0) {
                    g.setColor(new Color(lit.getRed(), lit.getGreen(), lit.getBlue(), 110 + random.nextInt(120)));
                    g.fillRect(wx, wy, 7, 10);
                }
            }
        }
    }

    private static void fields(Graphics2D g, Random random, Palette p) {
        int horizon = (int) (HEIGHT * (0.35 + random.nextDouble() * 0.15));
        sky(g, p, horizon + 100);
        clouds(g, random);
        int hills = 4 + random.nextInt(3);
        for (int i = 0; i < hills; i++) {
            double depth = (double) i / (hills - 1);
            int top = horizon + (int) (depth * (HEIGHT - horizon) * 0.75);
            Color color = mix(p.haze(), i % 2 == 0 ? p.accent() : p.ground(), 0.35 + 0.6 * depth);
            Path2D hill = new Path2D.Double();
            hill.moveTo(0, top + random.nextInt(60));
            hill.curveTo(WIDTH * 0.3, top - 40 - random.nextInt(80), WIDTH * 0.6, top + 60, WIDTH, top - random.nextInt(60));
            hill.lineTo(WIDTH, HEIGHT);
            hill.lineTo(0, HEIGHT);
            hill.closePath();
            g.setColor(color);
            g.fill(hill);
            g.setColor(new Color(0, 0, 0, 18 + (int) (depth * 20)));
            for (int row = top + 12; row < HEIGHT; row += 10 + (int) (depth * 16)) {
                g.drawLine(0, row + random.nextInt(6), WIDTH, row - 30 + random.nextInt(6));
            }
        }
    }

    private static void abstractShapes(Graphics2D g, Random random, Palette p) {
        g.setPaint(new GradientPaint(0, 0, p.sky(), WIDTH, HEIGHT, p.ground()));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Color[] colours = {p.accent(), p.light(), p.haze(), p.ground().brighter(), p.sky().darker()};
        int shapes = 8 + random.nextInt(10);
        for (int i = 0; i < shapes; i++) {
            Color c = colours[random.nextInt(colours.length)];
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.25f + random.nextFloat() * 0.5f));
            double x = random.nextDouble() * WIDTH - 200;
            double y = random.nextDouble() * HEIGHT - 200;
            double size = 120 + random.nextDouble() * 520;
            g.setColor(c);
            switch (random.nextInt(3)) {
                case 0 -> g.fill(new Ellipse2D.Double(x, y, size, size));
                case 1 -> g.fill(new RoundRectangle2D.Double(x, y, size * 1.4, size * 0.6, 40, 40));
                default -> {
                    Graphics2D band = (Graphics2D) g.create();
                    band.rotate(random.nextDouble() * Math.PI, WIDTH / 2.0, HEIGHT / 2.0);
                    band.fill(new Rectangle2D.Double(-WIDTH, y, WIDTH * 3, 30 + random.nextDouble() * 120));
                    band.dispose();
                }
            }
        }
        g.setComposite(AlphaComposite.SrcOver);
    }

    private static void sky(Graphics2D g, Palette p, int bottom) {
        g.setPaint(new GradientPaint(0, 0, p.sky(), 0, bottom, p.haze()));
        g.fillRect(0, 0, WIDTH, HEIGHT);
    }

    private static void sun(Graphics2D g, Random random, Palette p, int horizon) {
        float cx = 200 + random.nextInt(WIDTH - 400);
        float cy = Math.max(120, horizon - 120 - random.nextInt(Math.max(1, horizon / 2)));
        float r = 40 + random.nextInt(50);
        Color glow = p.light();
        g.setPaint(new RadialGradientPaint(cx, cy, r * 6, new float[] {0f, 0.15f, 1f},
                new Color[] {withAlpha(glow, 200), withAlpha(glow, 90), withAlpha(glow, 0)}));
        g.fill(new Ellipse2D.Float(cx - r * 6, cy - r * 6, r * 12, r * 12));
        g.setColor(mix(glow, Color.WHITE, 0.5));
        g.fill(new Ellipse2D.Float(cx - r, cy - r, r * 2, r * 2));
    }

    private static void clouds(Graphics2D g, Random random) {
        int count = 3 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            double x = random.nextDouble() * WIDTH;
            double y = 60 + random.nextDouble() * 260;
            for (int puff = 0; puff < 6; puff++) {
                g.setColor(new Color(255, 255, 255, 40 + random.nextInt(50)));
                double w = 120 + random.nextDouble() * 160;
                g.fill(new Ellipse2D.Double(x + puff * 50 - w / 2, y - random.nextDouble() * 30, w, w * 0.45));
            }
        }
    }

    private static void lake(Graphics2D g, Random random, Palette p, int top) {
        g.setPaint(new GradientPaint(0, top, withAlpha(p.haze(), 230), 0, HEIGHT, withAlpha(p.sky().darker(), 255)));
        g.fillRect(0, top, WIDTH, HEIGHT - top);
        g.setColor(withAlpha(p.light(), 70));
        for (int i = 0; i < 60; i++) {
            int y = top + 5 + random.nextInt(HEIGHT - top);
            int x = random.nextInt(WIDTH);
            g.fillRect(x, y, 40 + random.nextInt(200), 2);
        }
    }

    /** A mountain ridge by midpoint displacement, filled down to the bottom of the frame. */
    private static Path2D ridge(Random random, int base, int roughness, double decay) {
        int n = 129;
        double[] heights = new double[n];
        heights[0] = base + (random.nextDouble() - 0.5) * roughness;
        heights[n - 1] = base + (random.nextDouble() - 0.5) * roughness;
        double spread = roughness * 1.6;
        for (int step = n - 1; step > 1; step /= 2) {
            for (int i = step / 2; i < n; i += step) {
                heights[i] = (heights[i - step / 2] + heights[i + step / 2]) / 2 + (random.nextDouble() - 0.5) * spread;
            }
            spread *= decay;
        }
        Path2D path = new Path2D.Double();
        path.moveTo(0, HEIGHT);
        for (int i = 0; i < n; i++) {
            path.lineTo(i * (WIDTH / (double) (n - 1)), heights[i]);
        }
        path.lineTo(WIDTH, HEIGHT);
        path.closePath();
        return path;
    }

    /** Film-like noise, so the JPEG looks photographed rather than drawn. */
    private static void grain(BufferedImage image, long seed, int amount) {
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        long x = seed | 1;
        for (int i = 0; i < pixels.length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            int delta = (int) ((x & 0xff) % (2 * amount + 1)) - amount;
            int rgb = pixels[i];
            pixels[i] = clamp(((rgb >> 16) & 0xff) + delta) << 16 | clamp(((rgb >> 8) & 0xff) + delta) << 8 | clamp((rgb & 0xff) + delta);
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(400_000);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static Color mix(Color a, Color b, double t) {
        double u = Math.clamp(t, 0, 1);
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * u), (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * u),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * u));
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Nearby seeds give nearby first values from {@link Random}; mixing the bits makes neighbours unalike. */
    private static long scramble(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The colours of one picture: sky at the top, haze at the horizon, the ground, a light source and an accent. */
    record Palette(Color sky, Color haze, Color ground, Color light, Color accent) {
        /** A time of day and a country: blue noon, golden evening, pink dawn, grey rain, night; green, brown or sand. */
        static Palette natural(Random random) {
            float[][] skies = {{0.58f, 0.55f, 0.85f, 0.55f, 0.25f, 0.97f}, {0.66f, 0.6f, 0.55f, 0.07f, 0.6f, 0.98f},
                    {0.75f, 0.35f, 0.8f, 0.97f, 0.3f, 0.98f}, {0.6f, 0.08f, 0.6f, 0.6f, 0.05f, 0.82f},
                    {0.65f, 0.7f, 0.2f, 0.62f, 0.5f, 0.4f}, {0.55f, 0.4f, 0.75f, 0.12f, 0.35f, 0.95f}};
            float[] s = skies[random.nextInt(skies.length)];
            float j = (random.nextFloat() - 0.5f) * 0.05f;
            Color sky = Color.getHSBColor(s[0] + j, s[1], s[2]);
            Color haze = Color.getHSBColor(s[3] + j, s[4], s[5]);
            float[] grounds = {0.25f, 0.3f, 0.33f, 0.08f, 0.12f, 0.45f};
            Color ground = Color.getHSBColor(grounds[random.nextInt(grounds.length)] + j, 0.35f + random.nextFloat() * 0.35f,
                    (0.2f + random.nextFloat() * 0.25f) * (s[2] < 0.3f ? 0.5f : 1f));
            Color light = Color.getHSBColor(0.08f + random.nextFloat() * 0.08f, 0.2f + random.nextFloat() * 0.5f, 1f);
            Color accent = Color.getHSBColor(0.15f + random.nextFloat() * 0.2f, 0.4f + random.nextFloat() * 0.3f, 0.45f + random.nextFloat() * 0.35f);
            return new Palette(sky, haze, ground, light, accent);
        }

        /** Any harmony around a random hue, for abstract pictures. */
        static Palette anyColours(Random random) {
            float hue = random.nextFloat();
            float step = random.nextBoolean() ? 0.5f : 0.33f;
            Color sky = Color.getHSBColor(hue, 0.3f + random.nextFloat() * 0.5f, 0.6f + random.nextFloat() * 0.4f);
            Color haze = Color.getHSBColor(hue + 0.08f, 0.2f + random.nextFloat() * 0.3f, 0.9f);
            Color ground = Color.getHSBColor(hue + step, 0.4f + random.nextFloat() * 0.4f, 0.25f + random.nextFloat() * 0.4f);
            Color light = Color.getHSBColor(hue + 2 * step, 0.5f + random.nextFloat() * 0.4f, 0.95f);
            Color accent = Color.getHSBColor(hue + step / 2, 0.6f + random.nextFloat() * 0.3f, 0.7f + random.nextFloat() * 0.3f);
            return new Palette(sky, haze, ground, light, accent);
        }
    }
}
