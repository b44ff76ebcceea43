package news.masthead.epaper;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small newspaper drawn with PDFBox for the demo (and tests): a front page and three inside pages
 * with a masthead, headlines, columns of text and photo boxes. Quick to make, so demo start stays fast.
 */
public final class DemoPrint {
    private static final PDType1Font SERIF = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    private static final PDType1Font SERIF_BOLD = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
    private static final PDType1Font SANS_BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final String[][] STORIES = {
            {"Harbour bridge reopens after a year of repairs", "Commuters crossed the harbour bridge on foot and by bike this morning as the city reopened the span after twelve months of work on its cables and deck."},
            {"Library extends its evening hours", "The central library will stay open until nine on weekdays from next month, after readers asked for quieter evening space to study and work."},
            {"Council agrees on the new bus timetable", "Buses on the three busiest routes will run every ten minutes at peak times, the council decided after a long debate on the costs."},
            {"Local team wins the regional final", "A late goal settled a tense final on Saturday, and the players brought the trophy back to the square where hundreds waited to greet them."},
            {"Market hall gets a new roof", "The old market hall, closed for safety checks since spring, will reopen in time for the winter market with a new roof and better light."},
            {"Weather: a bright and windy week ahead", "Expect sunshine with strong winds from the west on most days, and a chance of showers on Thursday afternoon near the coast."},
            {"Schools plant a thousand trees", "Pupils from twelve schools planted trees along the river path, the first part of a plan to shade the walk for summers to come."},
            {"Theatre festival announces its programme", "Twenty companies from five countries will play in the old town next month, with free open-air shows every evening on the square."},
    };

    private DemoPrint() {
    }

    /** A four-page edition for {@code day}. */
    public static byte[] pdf(String siteName, LocalDate day) {
        return pdf(siteName, day, 4);
    }

    public static byte[] pdf(String siteName, LocalDate day, int pages) {
        try (PDDocument doc = new PDDocument()) {
            for (int n = 1; n <= pages; n++) {
                PDPage page = new PDPage(new PDRectangle(792, 1224)); // 11 × 17 inches, a tabloid page
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    draw(s, siteName, day, n);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PDPageContentStream s, String siteName, LocalDate day, int n) throws IOException {
        String date = day.format(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH));
        float top = 1170;
        if (n == 1) {
            text(s, SERIF_BOLD, 64, 48, top - 30, ascii(siteName));
            top -= 60;
        } else {
            text(s, SANS_BOLD, 12, 48, top, ascii(siteName) + "  |  Page " + n);
            top -= 20;
        }
        text(s, SERIF, 13, 48, top, date);
        s.moveTo(48, top - 10);
        s.lineTo(744, top - 10);
        s.stroke();
        float y = top - 50;
        for (int i = 0; i < 2; i++) {
            String[] story = STORIES[((n - 1) * 2 + i) % STORIES.length];
            boolean lead = n == 1 && i == 0;
            for (String line : wrap(story[0], lead ? 30 : 44)) {
                text(s, SERIF_BOLD, lead ? 40 : 28, 48, y, line);
                y -= lead ? 46 : 32;
            }
            if (lead) {
                s.addRect(48, y - 300, 696, 290);
                s.stroke();
                text(s, SERIF, 10, 52, y - 314, "Photo: demo illustration / Masthead");
                y -= 340;
            }
            for (int column = 0; column < 3; column++) {
                float cy = y;
                for (int k = 0; k < 4; k++) {
                    for (String line : wrap(story[1], 34)) {
                        text(s, SERIF, 11, 48 + column * 236, cy, line);
                        cy -= 14;
                    }
                }
            }
            y -= 4 * 14 * wrap(story[1], 34).size() + 40;
        }
    }

    private static void text(PDPageContentStream s, PDType1Font font, float size, float x, float y, String text) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The standard fonts encode WinAnsi only; keep names printable. */
    private static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
