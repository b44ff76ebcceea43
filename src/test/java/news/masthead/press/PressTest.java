package news.masthead.press;

import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Photo;
import news.masthead.newsroom.PhotoDetails;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.testing.TestDatabases;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PressTest {
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final Database db = TestDatabases.fresh();
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-11-20T21:00:00Z"));
    static final Newsroom newsroom = new Newsroom(db, clock);
    static final PhotoLibrary photos = new PhotoLibrary(db, clock);
    static final Press press = new Press(newsroom, photos, () -> "The Daily Proof", clock, ZONE);
    static final long reporter;
    static final List<Long> day = new ArrayList<>();
    static final long draft;
    static final long older;
    static final long editor;

    static {
        editor = db.jdbi().withHandle(h -> h.createQuery("insert into staff (email, name, role) values ('ed@example.org', 'Eda Editor', 'editor') returning id")
                .mapTo(Long.class).one());
        newsroom.saveSection(null, "world", "World", "", 1);
        newsroom.saveSection(null, "business", "Business", "", 2);
        newsroom.saveSection(null, "culture", "Culture", "", 3);
        reporter = newsroom.saveAuthor(null, "wilhelmina-quaddle", "Wilhelmina Quaddle", "", null).id();
        older = story("Last week's news", "world", 6, null, Instant.parse("2026-11-13T10:00:00Z"));
        Photo harbour = photos.upload("harbour.jpg", jpeg(1600, 1000, Color.BLUE), new PhotoDetails("Boats in the harbour at dawn.", "Ada Lens", "", ""));
        Photo market = photos.upload("market.jpg", jpeg(900, 1200, Color.ORANGE), new PhotoDetails("The market opens.", "Basil Shutter", "", ""));
        String[] sections = {"world", "business", "culture"};
        for (int i = 0; i < 14; i++) {
            Long photo = i == 0 ? Long.valueOf(harbour.id()) : i == 5 ? Long.valueOf(market.id()) : null;
            day.add(story("Story number " + (i + 1) + " makes the news today", sections[i % 3], 4 + (i * 5) % 17, photo,
                    Instant.parse("2026-11-20T07:00:00Z").plusSeconds(600L * i)));
        }
        draft = newsroom.create(ArticleDraft.of("A draft nobody published", "", "text", "world"), editor);
    }

    static long story(String headline, String section, int paragraphs, Long photoId, Instant published) {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            body.append("Paragraph ").append(p + 1).append(" of the story. ")
                    .append("The council met on Tuesday evening and agreed, after a long debate about the harbour wall, ")
                    .append("that the repairs would begin in spring and be paid for from the reserve fund. *Residents* said they were relieved.\n\n");
        }
        long id = newsroom.create(new ArticleDraft(headline, "", "A standfirst for " + headline.toLowerCase() + ".",
                body.toString(), photoId, section, List.of(reporter), List.of(), "", "", "", ""), editor);
        clock.set(published.plusSeconds(1));
        newsroom.publishAt(id, published);
        clock.set(Instant.parse("2026-11-20T21:00:00Z"));
        return id;
    }

    static byte[] jpeg(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pageText(byte[] pdf, int page) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes PNGs of the pages when -Dpress.dump=dir is given, to look at the layout. */
    static void dump(String name, byte[] pdf) {
        String dir = System.getProperty("press.dump");
        if (dir == null) {
            return;
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".pdf"), pdf);
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                ImageIO.write(renderer.renderImageWithDPI(i, 50), "png", Path.of(dir, name + "-" + (i + 1) + ".png").toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theDefaultRunningOrderIsTheDaysStoriesLedByOneWithAPhoto() {
        List<Long> order = press.defaultStories(DAY);
        assertThat(order).containsExactlyInAnyOrderElementsOf(day);
        assertThat(order.getFirst()).isEqualTo(day.get(5)); // the newest with a photo
        assertThat(order).doesNotContain(older, draft);
    }

    @Test
    void aDayWithoutStoriesFallsBackToTheLastDayWithSome() {
        assertThat(press.defaultStories(LocalDate.of(2026, 11, 16))).containsExactly(older);
        assertThat(press.defaultStories(LocalDate.of(2026, 11, 1))).isEmpty();
    }

    @Test
    void anEditionHasTheMastheadHeadlinesCreditsAndJumps() {
        Composition edition = press.compose(DAY, press.defaultStories(DAY));
        dump("edition", edition.pdf());
        String all = text(edition.pdf());
        String front = pageText(edition.pdf(), 1);
        assertThat(front).contains("The Daily Proof").containsIgnoringCase("Friday 20 November 2026")
                .contains("Story number 6 makes the news today").containsPattern("Photo:\\s+Basil Shutter")
                .containsPattern("Continued on page \\d+");
        assertThat(all).containsPattern("Photo:\\s+Ada Lens").containsPattern("(?i)Continued from page 1");
        for (long id : day) {
            String headline = newsroom.live(id).orElseThrow().headline();
            assertThat(all).contains(headline);
        }
        assertThat(edition.placements()).hasSize(day.size());
        assertThat(edition.placements().getFirst().page()).isEqualTo(1);
        assertThat(edition.placements()).allSatisfy(p -> assertThat(p.page()).isBetween(1, edition.pages()));
        try (PDDocument doc = Loader.loadPDF(edition.pdf())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(edition.pages());
            for (PDPage page : doc.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(Makeup.PAGE_WIDTH, org.assertj.core.data.Offset.offset(1f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eachStoryIsOnThePageItsPlacementSaysAndEveryJumpLandsOnItsContinuation() {
        Composition edition = press.compose(DAY, press.defaultStories(DAY));
        for (Placement placement : edition.placements()) {
            assertThat(flat(pageText(edition.pdf(), placement.page()))).as(placement.headline()).contains(placement.headline());
        }
        java.util.regex.Matcher jump = java.util.regex.Pattern.compile("Continued on page (\\d+)").matcher(text(edition.pdf()));
        int jumps = 0;
        while (jump.find()) {
            jumps++;
            assertThat(pageText(edition.pdf(), Integer.parseInt(jump.group(1)))).containsPattern("(?i)Continued from page \\d+");
        }
        assertThat(jumps).isPositive();
    }

    @Test
    void theNumberOfPagesFollowsTheStories() {
        long shortOne = day.get(1); // 9 paragraphs, no photo
        assertThat(press.compose(DAY, List.of(shortOne)).pages()).isEqualTo(1);
        // the lead and two more on the front; the fourth (and any jumps) inside, a section to a page
        Composition four = press.compose(DAY, List.of(day.get(0), day.get(1), day.get(2), day.get(3)));
        assertThat(four.placements()).extracting(Placement::page).startsWith(1, 1, 1);
        assertThat(four.placements().get(3).page()).isEqualTo(2);
        assertThat(four.pages()).isBetween(2, 4);
    }

    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void aCorrectionIsPrintedWithItsStory() {
        long id = story("The bridge reopens after repairs", "world", 3, null, Instant.parse("2026-11-18T09:00:00Z"));
        newsroom.addCorrection(id, "An earlier version gave the wrong date for the reopening.", editor);
        Composition edition = press.compose(DAY, List.of(day.get(0), day.get(1), day.get(2), id));
        assertThat(flat(text(edition.pdf()))).contains("Correction: An earlier version gave the wrong date for the reopening.");
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        Composition edition = press.compose(DAY, List.of(day.get(0), day.get(1)));
        try (PDDocument doc = Loader.loadPDF(edition.pdf())) {
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
    }

    @Test
    void theSameEditionPrintsToTheSameBytes() {
        List<Long> order = List.of(day.get(3), day.get(0), day.get(7));
        Composition one = press.compose(DAY, order);
        Composition two = press.compose(DAY, order);
        assertThat(text(two.pdf())).isEqualTo(text(one.pdf()));
        assertThat(two.pdf()).isEqualTo(one.pdf());
    }

    @Test
    void aRunningOrderThatCannotPrintIsRefusedInWords() {
        assertThatThrownBy(() -> press.compose(DAY, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one published story");
        assertThatThrownBy(() -> press.compose(DAY, List.of(day.get(0), 987654L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("987654").hasMessageContaining("not published");
        assertThatThrownBy(() -> press.compose(DAY, List.of(draft))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(draft));
        assertThatThrownBy(() -> press.compose(DAY, List.of(day.get(0), day.get(0)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void aHugeStoryIsCutWithANote() {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 700; p++) {
            body.append("A very long paragraph number ").append(p).append(" that goes on and on about the budget. ".repeat(6)).append("\n\n");
        }
        long id = newsroom.create(ArticleDraft.of("The longest story ever filed", "It never ends.", body.toString(), "business"), editor);
        newsroom.publishAt(id, Instant.parse("2026-11-19T12:00:00Z"));
        Composition edition = press.compose(DAY, List.of(day.get(0), id));
        dump("huge", edition.pdf());
        String all = text(edition.pdf());
        assertThat(all).contains("The longest story ever filed").contains("shortened for print");
        assertThat(edition.pages()).isLessThanOrEqualTo(1 + Makeup.MAX_PARTS + 1);
    }

    @Test
    void foreignScriptsPrintOrFallBackWithoutFailing() {
        long id = newsroom.create(ArticleDraft.of("Москва и Αθήνα: 東京 と עברית والعربية",
                "Кириллица, ελληνικά, 中文, עברית, العربية 🎉", "Текст на русском. Ελληνικό κείμενο. 日本語のテキスト。 טקסט בעברית. نص عربي.\n\n"
                        + "Zero\u200Bwidth, combining e\u0301, RTL mark \u200F and emoji 👍🏽.", "culture"), editor);
        newsroom.publishAt(id, Instant.parse("2026-11-19T12:00:00Z"));
        Composition edition = press.compose(DAY, List.of(id));
        dump("scripts", edition.pdf());
        String all = text(edition.pdf());
        assertThat(all).contains("Москва").contains("Αθήνα").contains("Текст на русском");
    }
}
