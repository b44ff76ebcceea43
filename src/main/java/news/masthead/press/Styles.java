package news.masthead.press;

import java.util.Locale;

/** The edition's stylesheet: one for measuring (a single endless page) and one for print. */
final class Styles {
    private Styles() {
    }

    static String css(Makeup.Frame frame, boolean measuring) {
        String serif = "'" + Typesetter.SERIF + "', '" + Typesetter.SANS + "'";
        String sans = "'" + Typesetter.SANS + "', '" + Typesetter.SERIF + "'";
        String page = measuring
                ? "@page { size: %1$spt 14000pt; margin: 0; }".formatted(pt(Makeup.WIDTH))
                : """
                  @page { size: %spt %spt; margin: %spt %spt %spt %spt;
                    @top-left { content: element(running); vertical-align: bottom; padding-bottom: 6pt; }
                    @top-right { content: "Page " counter(page); font-family: %s; font-size: 8pt; vertical-align: bottom; padding-bottom: 6pt; }
                    @bottom-left { content: element(foot); vertical-align: top; padding-top: 6pt; }
                    @bottom-right { content: counter(page); font-family: %s; font-size: 8pt; vertical-align: top; padding-top: 6pt; }
                  }
                  @page :first { @top-left { content: none; } @top-right { content: none; } }
                  """.formatted(pt(Makeup.PAGE_WIDTH), pt(Makeup.PAGE_HEIGHT), pt(Makeup.TOP), pt(Makeup.SIDE),
                        pt(Makeup.BOTTOM), pt(Makeup.SIDE), sans, sans);
        return page + """
                body { margin: 0; font-family: %1$s; font-size: 9pt; line-height: 11pt; color: #111; }
                .w-1 { width: %3$spt; } .w-2 { width: %4$spt; } .w-3 { width: %5$spt; } .w-5 { width: %6$spt; } .w-full { width: %6$spt; }
                td.gap { width: %7$spt; }
                table { border-collapse: collapse; table-layout: fixed; }
                td { vertical-align: top; padding: 0; }
                .running { position: running(running); font-family: %2$s; font-size: 8pt; font-weight: bold; text-transform: uppercase; letter-spacing: 1pt; }
                .foot { position: running(foot); font-family: %2$s; font-size: 8pt; }
                .front { height: %8$spt; overflow: hidden; page-break-after: always; }
                .masthead { text-align: center; border-bottom: 3pt double #111; padding-bottom: 4pt; margin-bottom: 10pt; }
                .masthead .name { font-family: %1$s; font-weight: bold; font-size: 54pt; line-height: 60pt; }
                .masthead .dateline { font-family: %2$s; font-size: 9pt; line-height: 12pt; text-transform: uppercase; letter-spacing: 1pt;
                  border-top: 0.75pt solid #111; padding-top: 3pt; }
                .lead h1 { font-size: 34pt; line-height: 37pt; margin: 0; padding-bottom: 8pt; }
                .lead-row { margin-bottom: 12pt; }
                .lead-top .standfirst, .band-top .standfirst { font-size: 12pt; line-height: 15pt; font-style: italic; margin: 0; padding-bottom: 4pt; }
                .byline { font-family: %2$s; font-size: 7.5pt; line-height: 10pt; font-weight: bold; text-transform: uppercase; margin: 0; padding-bottom: 6pt; }
                table.band { border-top: 1.5pt solid #111; }
                .band-top h2 { font-size: 19pt; line-height: 22pt; margin: 0; padding: 6pt 0 4pt; }
                .index { border-left: 0.5pt solid #888; padding-left: 6pt; }
                .index-title { font-family: %2$s; font-weight: bold; font-size: 9pt; text-transform: uppercase; padding: 6pt 0 4pt; }
                p.toc, p.toc-story { margin: 0; padding-bottom: 4pt; font-size: 9pt; }
                p.toc { font-family: %2$s; font-weight: bold; }
                a { color: #111; text-decoration: none; }
                a.toc::after { content: " " target-counter(attr(href), page); font-family: %2$s; font-weight: bold; }
                p.jump { font-family: %2$s; font-size: 8pt; line-height: 11pt; font-weight: bold; margin: 0; padding-top: 3pt; text-align: right; }
                a.jump::after, a.jumpfrom::after { content: target-counter(attr(href), page); }
                p.cut { font-family: %2$s; font-size: 8pt; line-height: 11pt; font-style: italic; margin: 0; padding-top: 3pt; }
                .section { page-break-before: always; }
                .new-page { page-break-before: always; }
                .section-name { font-family: %2$s; font-weight: bold; font-size: 22pt; line-height: 26pt; text-transform: uppercase;
                  border-bottom: 2pt solid #111; margin-bottom: 8pt; }
                .story { page-break-inside: avoid; padding-bottom: 14pt; margin-bottom: 10pt; border-bottom: 0.75pt solid #888; }
                .header h2 { font-size: 24pt; line-height: 27pt; margin: 0; padding-bottom: 4pt; }
                .header h3 { font-size: 16pt; line-height: 19pt; margin: 0; padding-bottom: 6pt; }
                .header .standfirst { font-size: 12pt; line-height: 15pt; font-style: italic; margin: 0; padding-bottom: 4pt; }
                .kicker { font-family: %2$s; font-size: 8pt; line-height: 11pt; font-weight: bold; text-transform: uppercase; margin: 0; padding-bottom: 2pt; }
                .copy p, td p { margin: 0; text-align: justify; text-indent: 8pt; }
                td p.cont { text-indent: 0; }
                p.standfirst, p.byline, p.caption, p.jump, p.kicker, p.cut, p.toc, p.toc-story { text-indent: 0; text-align: left; }
                p.jump { text-align: right; }
                h4 { font-size: 9pt; line-height: 11pt; margin: 0; padding-top: 4pt; }
                blockquote { margin: 0; padding: 0 0 0 6pt; font-style: italic; }
                ul, ol { margin: 0; padding: 0 0 0 12pt; }
                pre, code { font-family: %2$s; font-size: 8pt; white-space: pre-wrap; }
                td table, .copy table { font-size: 7.5pt; line-height: 9pt; }
                hr { border: 0; border-top: 0.5pt solid #888; margin: 4pt 0; }
                .figure { padding-bottom: 6pt; }
                .figure img { display: block; }
                p.correction { font-style: italic; text-indent: 0; text-align: left; padding-top: 4pt; }
                p.caption { font-family: %2$s; font-size: 7.5pt; line-height: 9.5pt; margin: 0; padding-top: 3pt; text-align: left; }
                .credit { font-style: italic; }
                """.formatted(serif, sans, pt(Makeup.COLUMN), pt(2 * Makeup.COLUMN + Makeup.GAP),
                pt(3 * Makeup.COLUMN + 2 * Makeup.GAP), pt(Makeup.WIDTH), pt(Makeup.GAP), pt(Makeup.HEIGHT - 2));
    }

    private static String pt(float points) {
        return String.format(Locale.ROOT, "%.2f", points);
    }
}
