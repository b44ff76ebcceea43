package news.masthead.press;

import news.masthead.newsroom.Photo;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes up an edition: the front page (masthead, date line, the lead story with its photo, two more
 * stories and the index), then the inside pages section by section, each story in balanced columns
 * under its headline, standfirst and byline. A story longer than its space jumps: it stops with
 * "Continued on page N" and goes on under "Continued from page M" (front-page stories on their
 * section's first inside page, inside stories on the following page), for at most
 * {@link #MAX_PARTS} parts; what is still left is cut with a note.
 *
 * <p>Two passes: the copy is first laid out in one column to measure every block, then balanced
 * over the page's columns ({@link Columns}) and laid out for good. Sizes are in points on a tabloid
 * page (280 × 430 mm) of five columns about 48 mm wide: the width of a broadsheet column (30–35
 * characters a line) on a page a screen, a tablet or an A3 printer can show whole.
 */
final class Makeup {
    static final float PAGE_WIDTH = 794;   // 280 mm
    static final float PAGE_HEIGHT = 1219; // 430 mm
    static final float TOP = 52;
    static final float BOTTOM = 44;
    static final float SIDE = 34;
    static final float WIDTH = PAGE_WIDTH - 2 * SIDE;
    static final float HEIGHT = PAGE_HEIGHT - TOP - BOTTOM;
    static final int COLUMNS = 5;
    static final float GAP = 12;
    static final float COLUMN = (WIDTH - GAP * (COLUMNS - 1)) / COLUMNS;
    static final float LINE = 11;
    /** How many pieces one story may be set in (its first part and two jumps) before it is cut. */
    static final int MAX_PARTS = 3;
    private static final float JUMP_LINE = 16;
    private static final float SAFETY = 24;
    /** A story's padding, rule and margin below it (see {@code .story} in {@link Styles}). */
    private static final float STORY_EXTRA = 26;
    /** The section's name at the top of its first page (see {@code .section-name}). */
    private static final float SECTION_HEAD = 37;
    /** Fewer lines a column than this is not worth starting a story at the foot of a page. */
    private static final int MIN_LINES = 8;

    /** What the masthead and folios say. */
    record Frame(String publication, String dateline, String folioDate, Instant printed) {
    }

    /** One part of a story on one page: the first part carries the headline. */
    private record Part(Story story, int number, Columns.Layout layout, boolean last, boolean cut, boolean newPage) {
    }

    /** A story waiting for its place inside: from its start (part 0), or from where its front-page part stopped. */
    private record Item(Story story, Columns.Piece start, int number) {
    }

    private final Typesetter typesetter;

    Makeup(Typesetter typesetter) {
        this.typesetter = typesetter;
    }

    Composition compose(Frame frame, List<Story> stories) {
        Map<String, Float> heights = measure(frame, stories);
        String html = new Pass(frame, stories, heights).html();
        Typesetter.Result result = typesetter.print(html, Typesetter.calendar(frame.printed()),
                frame.publication() + " — " + frame.folioDate());
        List<Placement> placements = new ArrayList<>();
        for (Story story : stories) {
            List<Typesetter.Box> boxes = result.boxes().getOrDefault(story.anchor(), List.of());
            int page = boxes.stream().mapToInt(Typesetter.Box::page).min().orElse(1);
            placements.add(new Placement(story.article().id(), story.article().headline(), page));
        }
        return new Composition(result.pdf(), result.pages(), placements);
    }

    // ---- pass 1: measuring

    private Map<String, Float> measure(Frame frame, List<Story> stories) {
        StringBuilder b = new StringBuilder();
        b.append("<html><head><style>").append(Styles.css(frame, true)).append("</style></head><body>");
        b.append("<div id='ruler' style='height: 100pt'></div>");
        b.append("<div class='w-full'>").append(mastheadHtml(frame, "mh")).append("</div>");
        for (Story s : stories) {
            int k = s.index();
            b.append("<div class='w-full'>").append(headerHtml(s, 0, "h" + k)).append(headerHtml(s, 1, "c" + k)).append("</div>");
            b.append("<div class='w-full lead'><h1 id='lh").append(k).append("'>").append(esc(s.article().headline())).append("</h1></div>");
            b.append("<div class='w-2'>").append(standfirstHtml(s, "ls" + k)).append("</div>");
            b.append("<div class='w-2 band'>").append(bandHeaderHtml(s, "fh" + k)).append("</div>");
            if (s.photo() != null) {
                b.append("<div class='w-3'>").append(captionHtml(s.photo(), "lc" + k)).append("</div>");
                b.append("<div class='w-1'>").append(captionHtml(s.photo(), "pc" + k)).append("</div>");
            }
            b.append("<div class='w-1 copy'>");
            for (int i = 0; i < s.blocks().size(); i++) {
                b.append(withId(s.blocks().get(i).html(), "b" + k + "-" + i, null));
            }
            b.append("</div>");
        }
        b.append("</body></html>");
        Typesetter.Result result = typesetter.measure(b.toString());
        Map<String, Float> heights = new LinkedHashMap<>();
        result.boxes().forEach((id, boxes) -> heights.put(id, (float) boxes.stream().mapToDouble(Typesetter.Box::height).sum()));
        float scale = 100f / heights.getOrDefault("ruler", 100f);
        heights.replaceAll((id, h) -> h * scale);
        return heights;
    }

    // ---- pass 2: the edition

    private final class Pass {
        private final Frame frame;
        private final List<Story> stories;
        private final Map<String, Float> heights;
        private final StringBuilder out = new StringBuilder();

        Pass(Frame frame, List<Story> stories, Map<String, Float> heights) {
            this.frame = frame;
            this.stories = stories;
            this.heights = heights;
        }

        float h(String id) {
            return heights.getOrDefault(id, 0f);
        }

        List<Columns.Measured> measured(Story s) {
            List<Columns.Measured> list = new ArrayList<>();
            for (int i = 0; i < s.blocks().size(); i++) {
                Copy.Block block = s.blocks().get(i);
                list.add(new Columns.Measured(h("b" + s.index() + "-" + i), block.paragraph(), block.words()));
            }
            return list;
        }

        String html() {
            Story lead = stories.getFirst();
            List<Story> band = stories.subList(1, Math.min(3, stories.size()));
            List<Story> inside = stories.subList(Math.min(3, stories.size()), stories.size());
            // which sections are inside, in order of first appearance; front stories jump into theirs
            Map<String, List<Item>> sections = new LinkedHashMap<>();
            Map<String, String> sectionNames = new LinkedHashMap<>();
            for (Story s : stories) {
                sections.computeIfAbsent(s.article().section().slug(), k -> new ArrayList<>());
                sectionNames.putIfAbsent(s.article().section().slug(), s.article().section().name());
            }

            out.append("<html><head><title>").append(esc(frame.publication())).append("</title><style>")
                    .append(Styles.css(frame, false)).append("</style></head><body>");
            out.append("<div class='foot'>").append(esc(frame.publication())).append(" · ").append(esc(frame.folioDate())).append("</div>");
            out.append("<div class='front'>");
            out.append(mastheadHtml(frame, null));
            float used = h("mh");
            List<Item> jumps = new ArrayList<>();
            used += front(lead, jumps);
            float bandHeight = HEIGHT - used - SAFETY;
            if (!band.isEmpty() && bandHeight > 8 * LINE) {
                out.append("<table class='band'><tr>");
                for (Story s : band) {
                    out.append("<td class='w-2 band'>");
                    out.append(bandStory(s, bandHeight, jumps));
                    out.append("</td><td class='gap'></td>");
                }
                out.append("<td class='w-1 index'>").append(indexHtml(sectionNames, inside)).append("</td>");
                out.append("</tr></table>");
            } else {
                inside = stories.subList(1, stories.size());
            }
            out.append("</div>");
            for (Item jump : jumps) {
                sections.get(jump.story().article().section().slug()).add(jump);
            }
            for (Story s : inside) {
                sections.get(s.article().section().slug()).add(new Item(s, null, 0));
            }
            for (Map.Entry<String, List<Item>> section : sections.entrySet()) {
                if (section.getValue().isEmpty()) {
                    continue;
                }
                String name = sectionNames.get(section.getKey());
                out.append("<div class='section' id='sec-").append(esc(section.getKey())).append("'>");
                out.append("<div class='running'>").append(esc(name)).append("</div>");
                out.append("<div class='section-name'>").append(esc(name)).append("</div>");
                float cursor = SECTION_HEAD;
                boolean pageTop = true;
                for (Item item : section.getValue()) {
                    Story s = item.story();
                    Columns.Piece start = item.start();
                    int number = item.number();
                    boolean forceBreak = false;
                    while (true) {
                        float header = h((number == 0 ? "h" : "c") + s.index());
                        float[] offsets = number == 0 ? photoOffsets(s) : new float[COLUMNS];
                        float minimum = offsets[0] + MIN_LINES * LINE;
                        float room = HEIGHT - cursor - SAFETY - header - STORY_EXTRA - JUMP_LINE;
                        boolean newPage = forceBreak;
                        if (!pageTop && (forceBreak || room < minimum)) {
                            newPage = true;
                        }
                        if (newPage) {
                            cursor = 0;
                            room = HEIGHT - SAFETY - header - STORY_EXTRA - JUMP_LINE;
                        }
                        Columns.Layout layout = layoutFrom(s, start, offsets, Math.max(room, minimum));
                        boolean more = layout.leftover() != null;
                        boolean cut = more && number + 1 >= MAX_PARTS;
                        out.append(partHtml(new Part(s, number, layout, !more || cut, cut, newPage && !pageTop)));
                        cursor += header + layout.height() + STORY_EXTRA + (more ? JUMP_LINE : 0);
                        pageTop = false;
                        if (!more || cut) {
                            break;
                        }
                        start = layout.leftover();
                        number++;
                        forceBreak = true;
                    }
                }
                out.append("</div>");
            }
            out.append("</body></html>");
            return out.toString();
        }

        /** The lead story on the front; returns the height it takes. */
        private float front(Story s, List<Item> jumps) {
            int k = s.index();
            out.append("<div class='lead' id='").append(s.anchor()).append("'>");
            out.append("<h1>").append(esc(s.article().headline())).append("</h1>");
            float headline = h("lh" + k);
            float photoWidth = 3 * COLUMN + 2 * GAP;
            float textHeight;
            out.append("<table class='lead-row'><tr>");
            float rowHeight;
            if (s.photo() != null) {
                float[] size = fit(s.photo(), photoWidth, 380);
                float figure = size[1] + h("lc" + k) + 6;
                out.append("<td class='w-3'>").append(figureHtml(s.photo(), size, "lead")).append("</td><td class='gap'></td>");
                textHeight = Math.max(figure - h("ls" + k) - JUMP_LINE, 14 * LINE);
                rowHeight = Math.max(figure, textHeight + h("ls" + k) + JUMP_LINE);
                out.append("<td class='w-2'>");
                out.append(standfirstHtml(s, null));
                Columns.Layout layout = Columns.balance(measured(s), new float[2], textHeight, LINE);
                out.append(columnsHtml(s, layout, 2));
                jumpOut(s, layout, jumps);
                out.append("</td>");
            } else {
                textHeight = 24 * LINE;
                out.append("<td class='w-5'>");
                out.append(standfirstHtml(s, null));
                Columns.Layout layout = Columns.balance(measured(s), new float[COLUMNS], textHeight, LINE);
                out.append(columnsHtml(s, layout, COLUMNS));
                jumpOut(s, layout, jumps);
                out.append("</td>");
                rowHeight = h("ls" + k) + layout.height() + JUMP_LINE;
            }
            out.append("</tr></table></div>");
            return headline + rowHeight + 20;
        }

        private String bandStory(Story s, float height, List<Item> jumps) {
            StringBuilder saved = new StringBuilder(out);
            out.setLength(0);
            int k = s.index();
            out.append("<div class='band-story' id='").append(s.anchor()).append("'>");
            out.append(bandHeaderHtml(s, null));
            float textHeight = Math.max(height - h("fh" + k) - JUMP_LINE, 4 * LINE);
            Columns.Layout layout = Columns.balance(measured(s), new float[2], textHeight, LINE);
            out.append(columnsHtml(s, layout, 2));
            jumpOut(s, layout, jumps);
            out.append("</div>");
            String html = out.toString();
            out.setLength(0);
            out.append(saved);
            return html;
        }

        /** The "Continued on page N" line under a front-page part, and where the story goes on inside. */
        private void jumpOut(Story s, Columns.Layout layout, List<Item> jumps) {
            if (layout.leftover() == null) {
                return;
            }
            out.append("<p class='jump'><a class='jump' href='#").append(s.partAnchor(1)).append("'>Continued on page </a></p>");
            jumps.add(new Item(s, layout.leftover(), 1));
        }

        private float[] photoOffsets(Story s) {
            float[] offsets = new float[COLUMNS];
            if (s.photo() != null) {
                float[] size = fit(s.photo(), COLUMN, 260);
                offsets[0] = size[1] + h("pc" + s.index()) + 8;
            }
            return offsets;
        }

        /** The story's copy from {@code from} (null: from the start) balanced over the columns, at most {@code max} tall. */
        private Columns.Layout layoutFrom(Story s, Columns.Piece from, float[] offsets, float max) {
            List<Columns.Measured> all = measured(s);
            if (from == null) {
                return Columns.balance(all, offsets, max, LINE);
            }
            // the rest of the copy, with the first block cut to where the last part stopped
            List<Columns.Measured> rest = new ArrayList<>();
            List<Integer> origin = new ArrayList<>();
            for (int i = from.block(); i < all.size(); i++) {
                Columns.Measured m = all.get(i);
                if (i == from.block() && from.from() > 0) {
                    float h = Math.max(LINE, Math.round(m.height() / LINE * (1 - (float) from.from() / Math.max(1, m.words()))) * LINE);
                    rest.add(new Columns.Measured(h, m.splittable(), m.words() - from.from()));
                } else {
                    rest.add(m);
                }
                origin.add(i);
            }
            Columns.Layout layout = Columns.balance(rest, offsets, max, LINE);
            // back to the story's own block numbers and words
            List<List<Columns.Piece>> columns = new ArrayList<>();
            for (List<Columns.Piece> column : layout.columns()) {
                columns.add(column.stream().map(p -> shift(p, origin, from)).toList());
            }
            Columns.Piece leftover = layout.leftover() == null ? null : shift(layout.leftover(), origin, from);
            return new Columns.Layout(columns, leftover, layout.height());
        }

        private Columns.Piece shift(Columns.Piece p, List<Integer> origin, Columns.Piece from) {
            int block = origin.get(p.block());
            int offset = block == from.block() ? from.from() : 0;
            return new Columns.Piece(block, p.from() + offset, p.to() + offset, p.whole() && offset == 0);
        }

        private String partHtml(Part part) {
            Story s = part.story();
            StringBuilder b = new StringBuilder();
            b.append("<div class='story").append(part.newPage() ? " new-page" : "").append("' id='")
                    .append(s.partAnchor(part.number())).append("'>");
            if (part.number() == 0) {
                b.append(headerHtml(s, 0, null));
            } else {
                b.append(headerHtml(s, 1, null).replace("<a class='jumpfrom'",
                        "<a class='jumpfrom' href='#" + s.partAnchor(part.number() - 1) + "'"));
            }
            String columns = columnsHtml(s, part.layout(), COLUMNS);
            if (part.number() == 0 && s.photo() != null) {
                float[] size = fit(s.photo(), COLUMN, 260);
                columns = columns.replaceFirst("<td class='w-1'>", "<td class='w-1'>" + java.util.regex.Matcher.quoteReplacement(figureHtml(s.photo(), size, "inside")));
            }
            b.append(columns);
            if (part.cut() || (part.last() && s.truncated())) {
                b.append("<p class='cut'>This story has been shortened for print. The full story is online at ")
                        .append(esc(s.article().path())).append(".</p>");
            } else if (!part.last()) {
                b.append("<p class='jump'><a class='jump' href='#").append(s.partAnchor(part.number() + 1))
                        .append("'>Continued on page </a></p>");
            }
            b.append("</div>");
            return b.toString();
        }

        private String columnsHtml(Story s, Columns.Layout layout, int count) {
            StringBuilder b = new StringBuilder("<table class='cols'><tr>");
            for (int c = 0; c < count; c++) {
                if (c > 0) {
                    b.append("<td class='gap'></td>");
                }
                b.append("<td class='w-1'>");
                if (c < layout.columns().size()) {
                    for (Columns.Piece p : layout.columns().get(c)) {
                        b.append(pieceHtml(s, p));
                    }
                }
                b.append("</td>");
            }
            return b.append("</tr></table>").toString();
        }

        private String pieceHtml(Story s, Columns.Piece p) {
            Copy.Block block = s.blocks().get(p.block());
            if (p.from() == 0 && p.to() >= block.words()) {
                return block.html();
            }
            Element element = Jsoup.parseBodyFragment(block.html()).body().child(0);
            Element piece = Copy.firstWords(Copy.fromWord(element, p.from()), p.to() - p.from());
            if (p.from() > 0) {
                piece.addClass("cont");
            }
            if (p.to() < block.words()) {
                piece.addClass("broken");
            }
            return piece.outerHtml();
        }
    }

    private static String indexHtml(Map<String, String> sections, List<Story> inside) {
        StringBuilder b = new StringBuilder("<div class='index-title'>In this edition</div>");
        sections.forEach((slug, name) -> b.append("<p class='toc'><a class='toc' href='#sec-").append(esc(slug)).append("'>")
                .append(esc(name)).append("</a></p>"));
        int n = 0;
        for (Story s : inside) {
            if (n++ == 6) {
                break;
            }
            b.append("<p class='toc-story'><a class='toc' href='#").append(s.anchor()).append("'>")
                    .append(esc(s.article().headline())).append("</a></p>");
        }
        return b.toString();
    }

    private static String mastheadHtml(Frame frame, String id) {
        return "<div class='masthead'" + (id == null ? "" : " id='" + id + "'") + "><div class='name'>" + esc(frame.publication())
                + "</div><div class='dateline'>" + esc(frame.dateline()) + "</div></div>";
    }

    private static String headerHtml(Story s, int part, String id) {
        StringBuilder b = new StringBuilder("<div class='header'").append(id == null ? "" : " id='" + id + "'").append(">");
        if (part == 0) {
            b.append("<h2>").append(esc(s.article().headline())).append("</h2>");
            if (!s.article().standfirst().isBlank()) {
                b.append("<p class='standfirst'>").append(esc(s.article().standfirst())).append("</p>");
            }
            if (!s.byline().isEmpty()) {
                b.append("<p class='byline'>").append(esc(s.byline())).append("</p>");
            }
        } else {
            b.append("<p class='kicker'><a class='jumpfrom'>Continued from page </a></p>");
            b.append("<h3>").append(esc(s.article().headline())).append("</h3>");
        }
        return b.append("</div>").toString();
    }

    private static String standfirstHtml(Story s, String id) {
        StringBuilder b = new StringBuilder("<div class='lead-top'").append(id == null ? "" : " id='" + id + "'").append(">");
        if (!s.article().standfirst().isBlank()) {
            b.append("<p class='standfirst'>").append(esc(s.article().standfirst())).append("</p>");
        }
        if (!s.byline().isEmpty()) {
            b.append("<p class='byline'>").append(esc(s.byline())).append("</p>");
        }
        return b.append("</div>").toString();
    }

    private static String bandHeaderHtml(Story s, String id) {
        StringBuilder b = new StringBuilder("<div class='band-top'").append(id == null ? "" : " id='" + id + "'").append(">");
        b.append("<h2>").append(esc(s.article().headline())).append("</h2>");
        if (!s.article().standfirst().isBlank()) {
            b.append("<p class='standfirst'>").append(esc(s.article().standfirst())).append("</p>");
        }
        if (!s.byline().isEmpty()) {
            b.append("<p class='byline'>").append(esc(s.byline())).append("</p>");
        }
        return b.append("</div>").toString();
    }

    private static String captionHtml(Photo photo, String id) {
        StringBuilder b = new StringBuilder("<p class='caption'").append(id == null ? "" : " id='" + id + "'").append(">");
        b.append(esc(photo.caption()));
        if (!photo.credit().isBlank()) {
            b.append(" <span class='credit'>Photo: ").append(esc(photo.credit())).append("</span>");
        }
        return b.append("</p>").toString();
    }

    private static String figureHtml(Photo photo, float[] size, String kind) {
        return "<div class='figure " + kind + "'><img src='photo:" + photo.id() + "/" + Press.renditionWidth(photo, size[0])
                + "' style='width: " + size[0] + "pt; height: " + size[1] + "pt'/>" + captionHtml(photo, null) + "</div>";
    }

    /** The printed size of a photo at most {@code width} wide and {@code maxHeight} tall, keeping its shape. */
    static float[] fit(Photo photo, float width, float maxHeight) {
        float height = width * photo.height() / Math.max(1, photo.width());
        if (height > maxHeight) {
            return new float[] {width * maxHeight / height, maxHeight};
        }
        return new float[] {width, height};
    }

    private static String withId(String html, String id, String extraClass) {
        Element element = Jsoup.parseBodyFragment(html).body().child(0);
        element.attr("id", id);
        if (extraClass != null) {
            element.addClass(extraClass);
        }
        return element.outerHtml();
    }

    static String esc(String text) {
        return Entities.escape(text == null ? "" : text);
    }
}
