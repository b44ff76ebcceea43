/**
 * The ePaper: each day's newspaper as it appears in print, for readers whose plan grants the
 * {@code epaper} entitlement.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Edition</b>: the paper of one day (its publication date), as readers see it. Avoid: issue
 *     (the magazine's word), e-edition, paper (too vague in code).</li>
 * <li><b>Printing</b>: one complete PDF of a day's edition, made by an <b>upload</b> (whole, or a
 *     page change: replace or insert pages), or a <b>build</b> from the newsroom. Never changed once
 *     processed. Status: <i>processing</i>, <i>draft</i> (ready, not shown), <i>published</i>,
 *     <i>failed</i> (with the reason). The edition points at its <b>live</b> printing; publishing
 *     switches that pointer in one transaction, so readers never see half an edition. Avoid: version,
 *     revision (the newsroom's), upload (that is how a printing is made).</li>
 * <li><b>Page</b>: one page of a printing, kept as its own one-page PDF with its size and its
 *     <b>text</b> (PDFBox's text layer). <b>Page image</b>: a JPEG of a page at a standard width
 *     (thumbnail 240, screen 900, zoom 1800). Avoid: tile, slide, scan.</li>
 * <li><b>Placement</b>: which newsroom article is on which page of a built printing, under which
 *     headline; the reader's text view of a placed story is the newsroom's text.</li>
 * <li><b>Strip</b>: what the upload check removes (JavaScript, launch and other non-navigation actions,
 *     automatic actions, XFA, embedded files), counted in the printing's notes. Avoid: sanitize (that is
 *     HTML's), clean.</li>
 * <li><b>Join box</b>: what a reader without the entitlement sees instead: the latest front page's
 *     thumbnail and the plans granting {@code epaper}. Avoid: paywall, teaser (the site's).</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>{@link news.masthead.epaper.Epaper}: the entry class {@code app} builds; making printings
 *     ({@code upload}, {@code replacePages}, {@code insertPages}, {@code publish} for the composer,
 *     {@code build}), publishing, what readers see, settings, the demo edition.</li>
 * <li>{@code PdfCheck}: refuses (not a PDF, cut short, damaged, encrypted, no or too many pages, absurd
 *     page shapes) or strips; {@code Pagination}: one-page PDFs and text out of a PDF, and a PDF out of
 *     pages; {@code Printings}: the rules of making a printing (check, store, split, thumbnails, then
 *     draft or live; failure marks it failed and drops what it stored); {@code PageImages}: rendering
 *     (two at a time per node) and the image rows; {@code Builds}: the composer in the background and
 *     the daily build (a {@code platform.jobs} job, each run on one node); {@code PrintingRows}: all the SQL.</li>
 * <li>{@link news.masthead.epaper.Composer}: what {@code app} adapts the press feature to;
 *     {@link news.masthead.epaper.Placement}, {@link news.masthead.epaper.Printing},
 *     {@link news.masthead.epaper.Edition}, {@link news.masthead.epaper.Calendar},
 *     {@link news.masthead.epaper.SearchHit}: values.</li>
 * <li>{@code ReaderRoutes} ({@code /epaper…}) and {@code AdminRoutes} ({@code /admin/epaper…}): thin;
 *     templates in {@code src/main/jte/epaper/}; {@code public/epaper.js} adds keys, swipe and zoom
 *     on top of plain links.</li>
 * <li>Storage: PDFs in {@code epaper_pdf_chunks} as 1 MiB {@code bytea} rows (streamed both ways, one
 *     chunk in memory; no large-object orphans to clean, and the site archive carries them like any
 *     {@code bytea}); each page's PDF and text in {@code epaper_pages}, so rendering a page reads that
 *     page only; page images in {@code epaper_page_images} (derived; left out of archives). V140.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 * <li>Does not lay out editions: the press feature composes a PDF from newsroom stories and hands it
 *     to {@link news.masthead.epaper.Epaper#publish} (through {@link news.masthead.epaper.Composer}).</li>
 * <li>Asks {@code membership.Entitlements} who may read, and {@code accounts} who is reading; never
 *     their tables. Reads stories only through {@code newsroom.Newsroom}.</li>
 * <li>Its pages are per reader: never in the page cache, {@code Cache-Control: private}; page images
 *     have immutable URLs (they name the printing) and are cached privately for a year.</li>
 * <li>Uploads above the site's limit are refused from their declared length before the body is read;
 *     multipart parts go to temporary files, never the heap ({@link news.masthead.epaper.Epaper#prepareUpload}).</li>
 * </ul>
 */
package news.masthead.epaper;
