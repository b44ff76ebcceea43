package news.masthead.epaper;

import news.masthead.comments.SignedInReader;
import news.masthead.membership.Plan;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.testing.Eventually;
import news.masthead.testing.RunningMasthead;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ePaper over HTTP on a real node: uploads and their checks, publishing, images, text, search, gating. */
class EpaperHttpTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Epaper epaper = app.masthead.epaper();
    static final EpaperDesk desk = EpaperDesk.editor(app);
    static final SignedInReader member;
    static final SignedInReader visitor;

    static {
        app.masthead.membership().ensureDemoPlans();
        member = SignedInReader.signIn(app, "member@example.org", "Mia");
        visitor = SignedInReader.signIn(app, "visitor@example.org", "Vic");
        Plan plan = app.masthead.membership().activePlans().stream().filter(p -> p.entitlements().contains("epaper")).findFirst().orElseThrow();
        app.masthead.membership().grantComplimentary(member.reader().id(), plan.id(), app.clock.instant().plus(Duration.ofDays(30)), "test");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> asMember(String path) {
        return member.browser().get(path);
    }

    static HttpResponse<byte[]> bytes(String path, SignedInReader reader, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path))).GET();
        if (reader != null) {
            request.header("Cookie", "mh_reader=" + reader.session());
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return app.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUploadedEditionIsADraftUntilAnEditorPublishesIt() {
        LocalDate day = LocalDate.of(2026, 10, 1);
        HttpResponse<String> uploaded = desk.upload("/admin/epaper/editions/pdf", BadPdfs.good(3), Map.of("day", day.toString()));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
        assertThat(EpaperDesk.notice(uploaded)).contains("3 pages").contains("a draft");
        assertThat(asMember("/epaper/" + day + "/1").statusCode()).isEqualTo(404);
        Printing draft = epaper.printings(day).getFirst();
        assertThat(draft.status()).isEqualTo(Printing.DRAFT);
        assertThat(desk.browser().post("/admin/epaper/printings/" + draft.id() + "/publish", Map.of()).statusCode()).isEqualTo(303);
        HttpResponse<String> page = asMember("/epaper/" + day + "/2");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Page 2 of 3").contains("rel=\"prev\"").contains("rel=\"next\"")
                .contains("srcset=\"/epaper/images/" + draft.id() + "/2/900.jpg 900w");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).startsWith("private");
    }

    @Test
    void encryptedPdfsAreRefused() {
        for (byte[] pdf : List.of(BadPdfs.encrypted(), BadPdfs.encryptedWithoutPassword())) {
            HttpResponse<String> r = desk.upload("/admin/epaper/editions/pdf", pdf, Map.of("day", "2026-10-02"));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("encrypted");
        }
        assertThat(epaper.printings(LocalDate.of(2026, 10, 2))).isEmpty();
    }

    @Test
    void aTruncatedPdfIsRefusedAsIncomplete() {
        HttpResponse<String> r = desk.upload("/admin/epaper/editions/pdf", BadPdfs.truncated(), Map.of("day", "2026-10-03"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("incomplete");
    }

    @Test
    void aDamagedPdfIsRefusedWithoutAStackTrace() {
        byte[] junk = "%PDF-1.7\nthis is not really a pdf at all\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> r = desk.upload("/admin/epaper/editions/pdf", junk, Map.of("day", "2026-10-03"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("damaged").doesNotContain("Exception");
    }

    @Test
    void somethingThatIsNotAPdfIsRefused() {
        HttpResponse<String> r = desk.upload("/admin/epaper/editions/pdf", "GIF89a....".getBytes(), Map.of("day", "2026-10-03"));
        assertThat(r.statusCode()).isEqualTo(415);
    }

    @Test
    void anUploadOverTheConfiguredLimitIsRefusedBeforeItIsRead() {
        EpaperSettings before = epaper.settings();
        epaper.saveSettings(new EpaperSettings(1, null));
        try {
            byte[] big = new byte[1_600_000];
            byte[] good = BadPdfs.good(1);
            System.arraycopy(good, 0, big, 0, good.length);
            HttpResponse<String> r = desk.upload("/admin/epaper/editions/pdf", big, Map.of("day", "2026-10-04"));
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("larger than 1 MB");
        } finally {
            epaper.saveSettings(before);
        }
        assertThat(epaper.printings(LocalDate.of(2026, 10, 4))).isEmpty();
    }

    @Test
    void aPrintSizedPdfLargerThanOtherUploadsGoesThroughAndComesBackByteForByte() throws Exception {
        LocalDate day = LocalDate.of(2026, 10, 13);
        byte[] big = BadPdfs.large(40); // more than the 27 MB other forms may send
        HttpResponse<String> r = desk.upload("/admin/epaper/editions/pdf", big, Map.of("day", day.toString(), "publish", "on"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        HttpResponse<byte[]> pdf = bytes("/epaper/" + day + "/edition.pdf", member);
        assertThat(pdf.body()).isEqualTo(big);
        int chunks = app.database.jdbi().withHandle(h -> h.createQuery("select count(*) from epaper_pdf_chunks where printing_id = :id")
                .bind("id", epaper.edition(day).orElseThrow().printingId()).mapTo(Integer.class).one());
        assertThat(chunks).isEqualTo(41);
    }

    @Test
    void javaScriptIsStrippedAndTheEditorIsTold() throws IOException {
        LocalDate day = LocalDate.of(2026, 10, 5);
        HttpResponse<String> r = desk.upload("/admin/epaper/editions/pdf", BadPdfs.javaScriptOpenAction(), Map.of("day", day.toString(), "publish", "on"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(EpaperDesk.notice(r)).contains("Removed from the PDF: 1 JavaScript");
        HttpResponse<byte[]> pdf = bytes("/epaper/" + day + "/edition.pdf", member);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getDocumentCatalog().getCOSObject().containsKey(COSName.OPEN_ACTION)).isFalse();
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
        }
    }

    @Test
    void embeddedFilesAndLaunchActionsAreStripped() throws IOException {
        LocalDate day = LocalDate.of(2026, 10, 6);
        Printing attached = epaper.upload(day, file(BadPdfs.embeddedFile()), "test", false);
        assertThat(attached.notes()).contains("embedded file");
        Printing launch = epaper.upload(day, file(BadPdfs.launchOnPage()), "test", true);
        assertThat(launch.notes()).contains("automatic action");
        try (PDDocument doc = Loader.loadPDF(bytes("/epaper/" + day + "/edition.pdf", member).body())) {
            assertThat(doc.getPage(0).getCOSObject().containsKey(COSName.AA)).isFalse();
        }
        epaper.publishPrinting(attached.id());
        try (PDDocument doc = Loader.loadPDF(bytes("/epaper/" + day + "/edition.pdf", member).body())) {
            assertThat(doc.getDocumentCatalog().getNames() == null
                    || doc.getDocumentCatalog().getNames().getEmbeddedFiles() == null).isTrue();
        }
    }

    @Test
    void publishingSwitchesReadersFromOnePrintingToTheNextAtOnce() {
        LocalDate day = LocalDate.of(2026, 10, 7);
        Printing first = epaper.publish(day, BadPdfs.good(2), List.of(), "test");
        Printing second = epaper.upload(day, file(BadPdfs.good(4)), "test", false);
        assertThat(epaper.edition(day).orElseThrow().printingId()).isEqualTo(first.id());
        assertThat(asMember("/epaper/" + day + "/4").statusCode()).isEqualTo(404);
        epaper.publishPrinting(second.id());
        assertThat(epaper.edition(day).orElseThrow().printingId()).isEqualTo(second.id());
        assertThat(asMember("/epaper/" + day + "/4").statusCode()).isEqualTo(200);
        // a failed printing is never live and never replaces the live one
        assertThat(desk.upload("/admin/epaper/editions/pdf", BadPdfs.truncated(), Map.of("day", day.toString(), "publish", "on")).statusCode()).isEqualTo(400);
        assertThat(epaper.edition(day).orElseThrow().printingId()).isEqualTo(second.id());
        assertThat(desk.browser().post("/admin/epaper/printings/" + second.id() + "/delete", Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void pageImagesAreRenderedOnceThenServedFromTheDatabaseWithAnETag() {
        LocalDate day = LocalDate.of(2026, 10, 8);
        Printing p = epaper.publish(day, BadPdfs.good(2), List.of(), "test");
        String url = "/epaper/images/" + p.id() + "/2/900.jpg";
        assertThat(renderedImages(p.id(), 2, 900)).isZero();
        HttpResponse<byte[]> first = bytes(url, member);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/jpeg");
        assertThat(first.body()[0] & 0xff).isEqualTo(0xFF);
        assertThat(first.body()[1] & 0xff).isEqualTo(0xD8);
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).isEqualTo("private, max-age=31536000, immutable");
        assertThat(renderedImages(p.id(), 2, 900)).isEqualTo(1);
        HttpResponse<byte[]> again = bytes(url, member);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(renderedImages(p.id(), 2, 900)).isEqualTo(1);
        // the front page and the thumbnails are made in the background once the printing is processed
        Eventually.awaitTrue("warmed images", () -> renderedImages(p.id(), 1, 900) == 1 && renderedImages(p.id(), 2, 240) == 1);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(bytes(url, member, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(bytes("/epaper/images/" + p.id() + "/2/901.jpg", member).statusCode()).isEqualTo(404);
        assertThat(bytes("/epaper/images/" + p.id() + "/9/900.jpg", member).statusCode()).isEqualTo(404);
    }

    @Test
    void eachPageHasItsTextAndAnEditionCanBeSearched() {
        LocalDate day = LocalDate.of(2026, 10, 9);
        epaper.publish(day, BadPdfs.good(3), List.of(), "test");
        HttpResponse<String> text = asMember("/epaper/" + day + "/1/text");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains("Harbour bridge reopens").contains("Text of page 1");
        HttpResponse<String> found = asMember("/epaper/" + day + "?q=timetable");
        assertThat(found.body()).contains("1 page matches").contains("<mark>timetable</mark>").contains("href=\"/epaper/" + day + "/2\"");
        assertThat(asMember("/epaper/" + day + "?q=zeppelin").body()).contains("0 pages match");
        assertThat(asMember("/epaper/" + day + "?q=" + "%22unclosed%20%26%20%7C%20!").statusCode()).isEqualTo(200);
    }

    @Test
    void readersWithoutTheEntitlementGetTheJoinBoxAnd403s() {
        LocalDate day = LocalDate.of(2026, 10, 10);
        Printing p = epaper.publish(day, BadPdfs.good(2), List.of(), "test");
        for (SignedInReader reader : java.util.Arrays.asList(null, visitor)) {
            HttpResponse<byte[]> viewer = bytes("/epaper/" + day + "/1", reader);
            assertThat(viewer.statusCode()).isEqualTo(403);
            assertThat(new String(viewer.body())).contains("Read the ePaper").contains("/membership/checkout/");
            assertThat(bytes("/epaper/" + day + "/1/text", reader).statusCode()).isEqualTo(403);
            assertThat(bytes("/epaper/" + day, reader).statusCode()).isEqualTo(403);
            assertThat(bytes("/epaper/" + day + "/edition.pdf", reader).statusCode()).isEqualTo(403);
            assertThat(bytes("/epaper/images/" + p.id() + "/2/900.jpg", reader).statusCode()).isEqualTo(403);
            assertThat(bytes("/epaper/images/" + p.id() + "/1/1800.jpg", reader).statusCode()).isEqualTo(403);
        }
        assertThat(bytes("/epaper/" + day + "/1", member).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> pdf = bytes("/epaper/" + day + "/edition.pdf", member);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("epaper-" + day + ".pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void theArchiveShowsACalendarAndTheLatestFrontPageToEveryone() {
        LocalDate day = LocalDate.of(2027, 1, 15);
        Printing p = epaper.publish(day, BadPdfs.good(1), List.of(), "test");
        HttpResponse<String> archive = app.get("/epaper?month=2027-01");
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.body()).contains("<caption>Editions in January 2027</caption>")
                .contains("href=\"/epaper/2027-01-15/1\"").contains("Read the ePaper").contains("<th scope=\"col\">");
        // the latest front page's thumbnail is the one image everyone may see
        assertThat(bytes("/epaper/images/" + p.id() + "/1/240.jpg", null).statusCode()).isEqualTo(200);
        assertThat(app.get("/epaper?month=2027-13").statusCode()).isEqualTo(400);
        assertThat(app.get("/epaper/2027-02-30/1").statusCode()).isEqualTo(404);
        assertThat(app.get("/epaper/not-a-day").statusCode()).isEqualTo(404);
        assertThat(asMember("/epaper").body()).doesNotContain("Read the ePaper");
    }

    @Test
    void pagesAreReplacedAndInsertedAsNewDrafts() {
        LocalDate day = LocalDate.of(2026, 10, 11);
        epaper.publish(day, BadPdfs.good(3), List.of(), "test");
        byte[] onePage = DemoPrint.pdf("Late Extra", day, 1);
        HttpResponse<String> replaced = desk.upload("/admin/epaper/pages/pdf", onePage, Map.of("day", day.toString(), "page", "2", "mode", "replace"));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(303);
        Printing draft = epaper.printings(day).getFirst();
        assertThat(draft.pages()).isEqualTo(3);
        assertThat(epaper.pageText(draft.id(), 2).orElseThrow()).contains("Late Extra");
        assertThat(epaper.pageText(draft.id(), 3).orElseThrow()).doesNotContain("Late Extra");
        HttpResponse<String> inserted = desk.upload("/admin/epaper/pages/pdf", onePage, Map.of("day", day.toString(), "page", "4", "mode", "insert"));
        assertThat(inserted.statusCode()).isEqualTo(303);
        Printing longer = epaper.printings(day).getFirst();
        assertThat(longer.pages()).isEqualTo(4);
        assertThat(epaper.pageText(longer.id(), 4).orElseThrow()).contains("Late Extra");
        epaper.publishPrinting(longer.id());
        assertThat(asMember("/epaper/" + day + "/4/text").body()).contains("Late Extra");
        assertThat(desk.upload("/admin/epaper/pages/pdf", onePage, Map.of("day", day.toString(), "page", "9", "mode", "replace")).statusCode()).isEqualTo(400);
    }

    @Test
    void aBuiltEditionLinksEachPlacedStoryToItsNewsroomText() {
        app.masthead.newsroom().saveSection(null, "city", "City", "", 1);
        long id = app.masthead.newsroom().create(ArticleDraft.of("Bridge reopens", "", "The **whole** story of the bridge.", "city"), null);
        app.masthead.newsroom().publish(id, null);
        LocalDate day = LocalDate.of(2026, 10, 12);
        epaper.publish(day, BadPdfs.good(2), List.of(new Placement(id, "Bridge reopens", 1)), "newsroom");
        assertThat(asMember("/epaper/" + day + "/1").body()).contains("href=\"/epaper/" + day + "/articles/" + id + "\"");
        HttpResponse<String> story = asMember("/epaper/" + day + "/articles/" + id);
        assertThat(story.statusCode()).isEqualTo(200);
        assertThat(story.body()).contains("<strong>whole</strong>");
        assertThat(bytes("/epaper/" + day + "/articles/" + id, visitor).statusCode()).isEqualTo(403);
        assertThat(asMember("/epaper/" + day + "/articles/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void anEditorBuildsTheEditionFromTheNewsroomThroughThePress() {
        app.masthead.newsroom().saveSection(null, "town", "Town", "", 2);
        long first = app.masthead.newsroom().create(ArticleDraft.of("Ferry timetable changes", "", "Boats leave earlier from Monday.", "town"), null);
        long second = app.masthead.newsroom().create(ArticleDraft.of("Choir sings for the harbour", "", "A concert on the pier.", "town"), null);
        app.masthead.newsroom().publish(first, null);
        app.masthead.newsroom().publish(second, null);
        LocalDate day = epaper.today();
        HttpResponse<String> desk = EpaperHttpTest.desk.browser().get("/admin/epaper?day=" + day);
        assertThat(desk.body()).contains("Build from the newsroom").contains("Ferry timetable changes");
        HttpResponse<String> started = EpaperHttpTest.desk.browser().post("/admin/epaper/builds",
                Map.of("day", day.toString(), "more", first + ", " + second, "publish", "on"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        assertThat(EpaperDesk.notice(started)).contains("Building the edition");
        Eventually.awaitTrue("the built edition is live", () -> epaper.edition(day).map(e -> e.source().startsWith("newsroom")).orElse(false));
        Edition edition = epaper.edition(day).orElseThrow();
        assertThat(epaper.placements(edition.printingId())).extracting(Placement::articleId).contains(first, second);
        HttpResponse<String> story = asMember("/epaper/" + day + "/articles/" + second);
        assertThat(story.statusCode()).isEqualTo(200);
        assertThat(story.body()).contains("A concert on the pier.");
        assertThat(asMember("/epaper/" + day + "?q=ferry").body()).contains("<mark>");
    }

    @Test
    void theDeskNeedsAnEditor() {
        assertThat(app.get("/admin/epaper").statusCode()).isIn(302, 303, 401);
        HttpResponse<String> page = desk.browser().get("/admin/epaper");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Upload the print PDF").contains("enctype=\"multipart/form-data\"");
    }

    static long renderedImages(long printingId, int page, int width) {
        return app.database.jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from epaper_page_images where printing_id = :id and page = :page and width = :width")
                .bind("id", printingId).bind("page", page).bind("width", width).mapTo(Long.class).one());
    }

    static java.nio.file.Path file(byte[] pdf) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("epaper-test-", ".pdf");
            java.nio.file.Files.write(f, pdf);
            return f;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
