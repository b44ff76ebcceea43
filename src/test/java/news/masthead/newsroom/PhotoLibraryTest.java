package news.masthead.newsroom;

import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.platform.web.WebError;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoLibraryTest {
    static final Database database = TestDatabases.fresh();
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-03-01T09:00:00Z"));
    static final PhotoLibrary library = new PhotoLibrary(database, clock);

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aJpegGetsRenditionsAtTheStandardWidthsUpToItsOwn() throws IOException {
        Photo photo = library.upload("harbour.jpg", PhotoFixtures.jpeg(1500, 1000), PhotoDetails.BLANK);

        assertThat(photo.mime()).isEqualTo("image/jpeg");
        assertThat(photo.width()).isEqualTo(1500);
        assertThat(photo.height()).isEqualTo(1000);
        assertThat(photo.widths()).containsExactly(320, 640, 960, 1280);
        Rendition rendition = library.rendition(photo.id(), 640).orElseThrow();
        assertThat(rendition.mime()).isEqualTo("image/jpeg");
        BufferedImage image = decode(rendition.bytes());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(427);
        assertThat(library.rendition(photo.id(), 1920)).isEmpty();
    }

    @Test
    void aPhotoNarrowerThanTheSmallestWidthIsKeptAtItsOwnSizeNeverUpscaled() throws IOException {
        Photo photo = library.upload("icon.jpg", PhotoFixtures.jpeg(200, 100), PhotoDetails.BLANK);

        assertThat(photo.widths()).containsExactly(200);
        assertThat(decode(library.rendition(photo.id(), 200).orElseThrow().bytes()).getWidth()).isEqualTo(200);
    }

    @Test
    void aPngWithTransparencyKeepsItInPngRenditions() throws IOException {
        Photo photo = library.upload("logo.png", PhotoFixtures.transparentPng(700, 300), PhotoDetails.BLANK);

        assertThat(photo.mime()).isEqualTo("image/png");
        assertThat(photo.renditionMime()).isEqualTo("image/png");
        assertThat(photo.srcset()).isEqualTo("/media/photos/" + photo.id() + "/320.png 320w, /media/photos/" + photo.id() + "/640.png 640w");
        BufferedImage image = decode(library.rendition(photo.id(), 320).orElseThrow().bytes());
        assertThat(image.getRGB(10, 10) >>> 24).isZero();
    }

    @Test
    void anOpaquePngBecomesJpegRenditions() {
        Photo photo = library.upload("screenshot.png", PhotoFixtures.png(800, 600), PhotoDetails.BLANK);

        assertThat(photo.mime()).isEqualTo("image/png");
        assertThat(photo.renditionMime()).isEqualTo("image/jpeg");
        assertThat(photo.src()).isEqualTo("/media/photos/" + photo.id() + "/640.jpg");
    }

    @Test
    void aLosslessWebpIsAcceptedAndRenderedAsJpeg() throws IOException {
        Photo photo = library.upload("graphic.webp", PhotoFixtures.solidWebp(400, 300, 0xFF2080C0), PhotoDetails.BLANK);

        assertThat(photo.mime()).isEqualTo("image/webp");
        assertThat(photo.width()).isEqualTo(400);
        assertThat(photo.widths()).containsExactly(320);
        BufferedImage image = decode(library.rendition(photo.id(), 320).orElseThrow().bytes());
        assertThat(image.getHeight()).isEqualTo(240);
        int rgb = image.getRGB(100, 100);
        assertThat((rgb >> 16) & 0xFF).isBetween(0x18, 0x28);
        assertThat(rgb & 0xFF).isBetween(0xB8, 0xC8);
    }

    @Test
    void uploadingTheSameBytesTwiceReturnsTheSamePhoto() {
        byte[] bytes = PhotoFixtures.jpeg(333, 222);
        Photo first = library.upload("first.jpg", bytes, new PhotoDetails("First caption", "", "", ""));
        Photo second = library.upload("again.jpg", bytes.clone(), new PhotoDetails("Other caption", "", "", ""));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.caption()).isEqualTo("First caption");
        assertThat(library.count("again.jpg")).isZero();
    }

    @Test
    void iptcCaptionAndBylineWithCreditFillBlankDetails() {
        byte[] bytes = PhotoFixtures.withIptc(PhotoFixtures.jpeg(640, 480),
                "Fishing boats return to Whitby harbour at dawn", "Jane Døe", "Northern Pictures");

        Photo photo = library.upload("IMG_0001.jpg", bytes, new PhotoDetails("", " ", "", "CC BY 4.0"));

        assertThat(photo.caption()).isEqualTo("Fishing boats return to Whitby harbour at dawn");
        assertThat(photo.credit()).isEqualTo("Jane Døe / Northern Pictures");
        assertThat(photo.altText()).isEmpty();
        assertThat(photo.alt()).isEqualTo(photo.caption());
        assertThat(photo.licence()).isEqualTo("CC BY 4.0");
    }

    @Test
    void xmpDescriptionCreatorAndCreditFillBlankDetails() {
        byte[] bytes = PhotoFixtures.withXmp(PhotoFixtures.jpeg(642, 480), "Runners cross the finish line", "Sam Ortiz", "City Wire");

        Photo photo = library.upload("finish.jpg", bytes, PhotoDetails.BLANK);

        assertThat(photo.caption()).isEqualTo("Runners cross the finish line");
        assertThat(photo.credit()).isEqualTo("Sam Ortiz / City Wire");
    }

    @Test
    void detailsTheDeskGivesWinOverTheFile() {
        byte[] bytes = PhotoFixtures.withIptc(PhotoFixtures.jpeg(641, 480), "Agency caption", "Agency photographer", "Agency");

        Photo photo = library.upload("agency.jpg", bytes, new PhotoDetails("Our caption", "Our credit", "Boats in a harbour", ""));

        assertThat(photo.caption()).isEqualTo("Our caption");
        assertThat(photo.credit()).isEqualTo("Our credit");
        assertThat(photo.alt()).isEqualTo("Boats in a harbour");
    }

    @Test
    void exifDescriptionAndArtistFillBlankDetailsAndTheOrientationIsHonoured() throws IOException {
        byte[] bytes = PhotoFixtures.withExif(PhotoFixtures.jpeg(800, 400), "Council meeting, Tuesday night", 6,
                "John Smith", "(c) 2026 John Smith");

        Photo photo = library.upload("council.jpg", bytes, PhotoDetails.BLANK);

        assertThat(photo.caption()).isEqualTo("Council meeting, Tuesday night");
        assertThat(photo.credit()).isEqualTo("John Smith");
        assertThat(photo.width()).isEqualTo(400);
        assertThat(photo.height()).isEqualTo(800);
        assertThat(photo.widths()).containsExactly(320);
        BufferedImage upright = decode(library.rendition(photo.id(), 320).orElseThrow().bytes());
        assertThat(upright.getWidth()).isEqualTo(320);
        assertThat(upright.getHeight()).isEqualTo(640);
        // the red top half of the stored image is on the right once turned 90° clockwise
        assertThat(isRed(upright.getRGB(300, 320))).isTrue();
        assertThat(isRed(upright.getRGB(20, 320))).isFalse();
    }

    @Test
    void exifCopyrightIsTheCreditWhenNothingElseNamesTheSource() {
        byte[] bytes = PhotoFixtures.withExif(PhotoFixtures.jpeg(500, 400), "OLYMPUS DIGITAL CAMERA", 1, "", "Example Press Ltd");

        Photo photo = library.upload("P1000.jpg", bytes, PhotoDetails.BLANK);

        assertThat(photo.caption()).isEmpty();
        assertThat(photo.credit()).isEqualTo("Example Press Ltd");
    }

    @Test
    void aTextFileNamedJpgIsRefusedAsUnsupported() {
        byte[] text = "Hello, this is not a photo.\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> library.upload("photo.jpg", text, PhotoDetails.BLANK))
                .isInstanceOfSatisfying(WebError.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.field()).isEqualTo("photo");
                });
    }

    @Test
    void aGifIsRefusedEvenWhenNamedPng() {
        byte[] gif = PhotoFixtures.encode(PhotoFixtures.picture(20, 20, BufferedImage.TYPE_INT_RGB), "gif");

        assertThatThrownBy(() -> library.upload("sneaky.png", gif, PhotoDetails.BLANK))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.status()).isEqualTo(415));
    }

    @Test
    void aTruncatedJpegIsRefusedAsDamaged() {
        byte[] whole = PhotoFixtures.jpeg(900, 600);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> library.upload("cut.jpg", truncated, PhotoDetails.BLANK))
                .isInstanceOfSatisfying(WebError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("damaged");
                });
        assertThat(library.count("cut.jpg")).isZero();
    }

    @Test
    void aTruncatedPngIsRefusedAsDamaged() {
        byte[] whole = PhotoFixtures.png(900, 600);
        byte[] truncated = Arrays.copyOf(whole, 60);

        assertThatThrownBy(() -> library.upload("cut.png", truncated, PhotoDetails.BLANK))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aPngDeclaringTenGigapixelsIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] bomb = PhotoFixtures.pngDeclaring(100_000, 100_000);
        long before = System.nanoTime();

        assertThatThrownBy(() -> library.upload("bomb.png", bomb, PhotoDetails.BLANK))
                .isInstanceOfSatisfying(WebError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    // the header check answered, not the decoder (the file has no pixel data to decode)
                    assertThat(e.getMessage()).contains("100000 × 100000").contains("megapixels");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aWebpDeclaringAHugeCanvasIsRefusedFromItsHeader() {
        assertThatThrownBy(() -> library.upload("bomb.webp", PhotoFixtures.webpDeclaring(16000, 16000), PhotoDetails.BLANK))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.getMessage()).contains("megapixels"));
    }

    @Test
    void aPhotoWiderThanTwentyThousandPixelsIsRefusedEvenIfNarrowInArea() {
        assertThatThrownBy(() -> library.upload("panorama.png", PhotoFixtures.pngDeclaring(30_000, 10), PhotoDetails.BLANK))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void anUploadOverTwentyFiveMegabytesIsRefusedAsTooLarge() {
        byte[] big = new byte[PhotoLibrary.MAX_BYTES + 1];
        byte[] jpeg = PhotoFixtures.jpeg(100, 100);
        System.arraycopy(jpeg, 0, big, 0, jpeg.length);

        assertThatThrownBy(() -> library.upload("huge.jpg", big, PhotoDetails.BLANK))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void anEmptyUploadIsRefused() {
        assertThatThrownBy(() -> library.upload("empty.jpg", new byte[0], PhotoDetails.BLANK))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void theLibrarySearchesCaptionsCreditsAndNamesAndPagesNewestFirst() {
        clock.advance(Duration.ofMinutes(1));
        Photo older = library.upload("zebra-crossing-1.jpg", PhotoFixtures.jpeg(330, 200), new PhotoDetails("A zebra crossing", "", "", ""));
        clock.advance(Duration.ofMinutes(1));
        Photo newer = library.upload("crossing.jpg", PhotoFixtures.jpeg(331, 200), new PhotoDetails("", "Zebra Press Agency", "", ""));
        library.upload("unrelated_100%.jpg", PhotoFixtures.jpeg(332, 200), new PhotoDetails("Something else", "", "", ""));

        assertThat(library.count("ZEBRA")).isEqualTo(2);
        assertThat(library.list("zebra", 1, 10)).extracting(Photo::id).containsExactly(newer.id(), older.id());
        assertThat(library.list("zebra", 2, 1)).extracting(Photo::id).containsExactly(older.id());
        assertThat(library.list("100%", 1, 10)).extracting(Photo::originalName).containsExactly("unrelated_100%.jpg");
        assertThat(library.count("%")).isEqualTo(1);
        assertThat(library.count("")).isEqualTo(library.list(null, 1, 1000).size());
    }

    @Test
    void detailsCanBeChangedAndUnknownPhotosAreNotFound() {
        Photo photo = library.upload("edit.jpg", PhotoFixtures.jpeg(340, 200), PhotoDetails.BLANK);

        Photo changed = library.updateDetails(photo.id(), new PhotoDetails(" New caption ", "New credit", "Alt", "All rights reserved"));

        assertThat(changed.caption()).isEqualTo("New caption");
        assertThat(library.find(photo.id()).orElseThrow().licence()).isEqualTo("All rights reserved");
        assertThatThrownBy(() -> library.updateDetails(987654, PhotoDetails.BLANK))
                .isInstanceOfSatisfying(WebError.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(library.find(987654)).isEmpty();
    }

    @Test
    void aCaptionLongerThanTwoThousandCharactersIsRefusedNamingTheField() {
        Photo photo = library.upload("long.jpg", PhotoFixtures.jpeg(350, 200), PhotoDetails.BLANK);

        assertThatThrownBy(() -> library.updateDetails(photo.id(), new PhotoDetails("x".repeat(2001), "", "", "")))
                .isInstanceOfSatisfying(WebError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("caption");
                });
    }

    @Test
    void theOriginalNameLosesAnyDirectory() {
        Photo photo = library.upload("C:\\Users\\desk\\..\\secret\\photo 1.jpg", PhotoFixtures.jpeg(360, 200), PhotoDetails.BLANK);

        assertThat(photo.originalName()).isEqualTo("photo 1.jpg");
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static boolean isRed(int rgb) {
        return ((rgb >> 16) & 0xFF) > 200 && (rgb & 0xFF) < 60;
    }
}
