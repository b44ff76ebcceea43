package news.masthead.app.demo;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Paints the demo magazine's covers: a portrait page of overlapping speech bubbles on a two-colour ground,
 * different for every issue number. No lettering (fonts differ between machines; the page says the title).
 */
final class CoverPainter {
    static final int WIDTH = 840;
    static final int HEIGHT = 1120;
    private static final Color[][] GROUNDS = {
            {new Color(0x1d3557), new Color(0x457b9d)},
            {new Color(0x6a040f), new Color(0xe85d04)},
            {new Color(0x2d6a4f), new Color(0x95d5b2)},
    };

    private CoverPainter() {
    }

    static byte[] paint(int issueNumber) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color[] ground = GROUNDS[Math.floorMod(issueNumber - 1, GROUNDS.length)];
        g.setPaint(new GradientPaint(0, 0, ground[0], WIDTH, HEIGHT, ground[1]));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Random random = new Random(7919L * issueNumber);
        for (int i = 0; i < 9; i++) {
            bubble(g, random, i);
        }
        // the masthead band where a printed cover carries the title
        g.setColor(new Color(255, 255, 255, 215));
        g.fillRect(0, 60, WIDTH, 150);
        g.setColor(ground[0]);
        g.setStroke(new BasicStroke(10));
        for (int n = 0; n < issueNumber; n++) {
            g.fill(new Ellipse2D.Double(60 + n * 50, 115, 36, 36));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One speech bubble: a rounded box with a tail, in a translucent light colour. */
    private static void bubble(Graphics2D g, Random random, int index) {
        double w = 220 + random.nextInt(260);
        double h = 120 + random.nextInt(140);
        double x = random.nextInt((int) (WIDTH - w / 2)) - w / 4;
        double y = 260 + random.nextInt((int) (HEIGHT - 300 - h / 2));
        Color c = Color.getHSBColor(random.nextFloat(), 0.35f + random.nextFloat() * 0.3f, 0.95f);
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 150 + random.nextInt(80)));
        g.fill(new RoundRectangle2D.Double(x, y, w, h, 60, 60));
        Path2D tail = new Path2D.Double();
        boolean left = index % 2 == 0;
        double tx = left ? x + w * 0.2 : x + w * 0.8;
        tail.moveTo(tx - 20, y + h - 5);
        tail.lineTo(tx + (left ? -40 : 40), y + h + 55);
        tail.lineTo(tx + 25, y + h - 5);
        tail.closePath();
        g.fill(tail);
        g.setColor(new Color(255, 255, 255, 190));
        for (int line = 0; line < 3; line++) {
            double lw = w * (0.5 + random.nextDouble() * 0.3);
            g.fill(new RoundRectangle2D.Double(x + 30, y + 30 + line * (h - 60) / 3.0, lw, 14, 14, 14));
        }
    }
}
