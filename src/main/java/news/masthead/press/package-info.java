/**
 * The press: the day's stories laid out as a printed newspaper and printed to PDF, for the ePaper.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Edition</b>: one day's paper, numbered by day from the paper's first published story (No. 1);
 *     avoid: issue (a magazine's), export.</li>
 * <li><b>Running order</b>: the stories of an edition in order; the first is the <b>lead</b> (top of the
 *     front page), the next two share the <b>front</b>'s foot, the rest are <b>inside</b>, section by
 *     section in order of first appearance. Avoid: playlist, selection.</li>
 * <li><b>Make-up</b>: placing the stories on pages. <b>Column</b>: one of the five text columns of a page;
 *     <b>balanced</b> columns end level. Avoid: grid cell.</li>
 * <li><b>Jump</b>: a story that stops with "Continued on page N" and goes on under "Continued from page M";
 *     a <b>part</b> is what is set in one place. A story cut for print ends with a note pointing online.
 *     Avoid: overflow, page break (a CSS term).</li>
 * <li><b>Masthead</b>: the paper's name on the front; <b>date line</b>: the date and edition number under it;
 *     <b>folio</b>: the page header and footer (section, page number, paper and date).</li>
 * <li><b>Placement</b>: the page a story starts on (front-page stories: page 1).</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>{@link news.masthead.press.Press}: the entry class: {@code defaultStories(day)} proposes a running order,
 *     {@code compose(day, ids)} checks it and returns a {@link news.masthead.press.Composition} (PDF bytes, page
 *     count, {@link news.masthead.press.Placement}s).</li>
 * <li>{@code Copy}: a story's live body HTML made printable and split into blocks (paragraphs can be split
 *     between words, keeping their markup). {@code Story}: one article with its photo and copy.</li>
 * <li>{@code Makeup}: two passes. The copy is first set in a single column to measure each block, then
 *     {@code Columns} balances it over the columns (splitting paragraphs at a line, columns starting lower under a
 *     photo, a greatest height per part) and the edition's HTML is written, filling each inside page from the
 *     measured heights: a story starts at a page's foot when eight lines a column fit there and jumps to the next
 *     page; a section starts on a new page. {@code Styles} is the stylesheet.</li>
 * <li>{@code Typesetter}: openhtmltopdf on PDFBox: the DejaVu fonts shipped in the jar (embedded as subsets),
 *     photos through the {@code photo:} scheme from the photo library's stored renditions, no other resource
 *     (no network, no files), fixed dates and document id so the same edition gives the same bytes.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 * <li>Reads stories only through {@code newsroom.Newsroom} (live articles) and photos through
 *     {@code newsroom.PhotoLibrary}; owns no table.</li>
 * <li>No HTTP, no storage of editions, no schedule: the editions (ePaper) feature decides when to print, keeps
 *     the PDFs and shows them. The paper's name and time zone are given to it (the site's settings).</li>
 * <li>Prints Latin, Cyrillic, Greek, Armenian, Georgian, Hebrew and Arabic letters from DejaVu; scripts DejaVu
 *     lacks (CJK, emoji) print as "#" rather than failing. Right-to-left text is set in logical order (no bidi
 *     reordering: no ICU in the jar).</li>
 * </ul>
 */
package news.masthead.press;
