package news.masthead.app.demo;

import news.masthead.ads.Ads;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The demo's house ads, painted in code at twice their slot's size (sharp on dense screens): "Support
 * our journalism" across the top and in articles, "Get the ePaper" beside them. Added once: a
 * second run finds them by name. The words are in the alt text too; the painted text only repeats it.
 */
public final class HouseAds {
    private final Ads ads;

    public HouseAds(Ads ads) {
        this.ads = ads;
    }

    public void ensure() {
        ads.ensureHouseAd("Support our journalism (top)", "top", "/membership",
                "Support our journalism: become a member for $5 a month", 10, "support-top.png",
                paint(1456, 180, new Color(0x12, 0x3a, 0x5e), new Color(0x1f, 0x6f, 0x8b), "Support our journalism",
                        "Become a member for $5 a month"));
        ads.ensureHouseAd("Support our journalism (in article)", "in-article", "/membership",
                "Support our journalism: become a member for $5 a month", 10, "support-box.png",
                paint(600, 500, new Color(0x5e, 0x12, 0x2a), new Color(0x8b, 0x2f, 0x3f), "Support our journalism",
                        "Members: $5 a month"));
        ads.ensureHouseAd("Get the ePaper", "sidebar", "/membership",
                "Get the ePaper: today's print edition, page by page, for members", 10, "epaper-box.png",
                paint(600, 500, new Color(0x1d, 0x4d, 0x2c), new Color(0x2f, 0x7a, 0x45), "Get the ePaper",
                        "Today's paper, page by page"));
    }

    /** The largest font size up to {@code size} at which {@code text} fits in {@code room} pixels. */
    private static int fitting(Graphics2D g, String text, int style, int size, int room) {
        int s = size;
        while (s > 8 && g.getFontMetrics(new Font(Font.SANS_SERIF, style, s)).stringWidth(text) > room) {
            s--;
        }
        return s;
    }

    /** A gradient card with a headline and a line under it, as a PNG. */
    static byte[] paint(int width, int height, Color from, Color to, String headline, String line) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, from, width, height, to));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(255, 255, 255, 40));
            for (int i = 0; i < 6; i++) {
                int r = height / 2 + i * height / 5;
                g.fillOval(width - r, height - r, r * 2, r * 2);
            }
            g.setColor(Color.WHITE);
            boolean wide = width > height * 2;
            int x = width / 20;
            int room = width - 2 * x;
            int big = fitting(g, headline, Font.BOLD, wide ? height * 36 / 100 : height / 8, room);
            int small = fitting(g, line, Font.PLAIN, big * 3 / 5, room);
            int y = wide ? height * 48 / 100 : height * 2 / 5;
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, big));
            g.drawString(headline, x, y);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, small));
            g.drawString(line, x, y + big * 11 / 10);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
