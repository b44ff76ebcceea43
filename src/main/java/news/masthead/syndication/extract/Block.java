package news.masthead.syndication.extract;

import org.jsoup.nodes.Element;

/**
 * One run of text that a reader sees as a unit: a paragraph, a heading, a list item, a table
 * row, or the loose text of a {@code div}. Link characters are counted separately because
 * link-heavy text is what navigation, teasers and share bars are made of.
 *
 * @param owner      the nearest block-level element holding the text
 * @param text       whitespace-normalised text; {@code \n} marks a {@code <br>}
 * @param linkChars  how many of the characters sit inside {@code <a>}
 * @param leadingLinkChars how many characters at the start sit inside {@code <a>}
 * @param kind       what sort of element owns the text
 * @param mark       the innermost enclosing element marked as boilerplate, or null
 * @param inListItem whether the text sits inside an {@code <li>}
 * @param afterLinkedHeading whether the block before it is a heading made of a link, as a
 *                   teaser's summary follows its headline
 */
record Block(Element owner, String text, int linkChars, int leadingLinkChars, Kind kind, Element mark,
             boolean inListItem, boolean afterLinkedHeading) {

    enum Kind { PARAGRAPH, HEADING, TITLE, LIST_ITEM, QUOTE, CAPTION, ROW, OTHER }

    /** Boilerplate when seen from {@code root}: its mark lies inside root, not around it. */
    boolean isMarkedBelow(Element root) {
        if (mark == null) {
            return false;
        }
        for (Element e = root; e != null; e = e.parent()) {
            if (e == mark) {
                return false;
            }
        }
        return true;
    }

    int length() {
        return text.length();
    }

    /**
     * Length in Latin-text terms: a Chinese or Japanese character carries about as much as a
     * short word, a Hangul syllable about as much as two Latin letters. Without this, thresholds
     * tuned on English drop whole paragraphs of CJK text as "too short".
     */
    int weightedLength() {
        int extra = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u3040' && c <= '\u9fff' || c >= '\uf900' && c <= '\ufaff') {
                extra += 2;
            } else if (c >= '\uac00' && c <= '\ud7af') {
                extra += 1;
            }
        }
        return text.length() + extra;
    }

    double linkDensity() {
        return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
    }

    /** Opens with a long link, as a teaser does with its headline; prose links sit mid-sentence. */
    boolean isLinkLed() {
        return leadingLinkChars >= 15 && leadingLinkChars < text.length() && leadingLinkChars * 7 >= text.length();
    }

    boolean isLinkedHeading() {
        return kind == Kind.HEADING && linkDensity() > 0.5;
    }

    /** Ends like a sentence, or holds one: prose rather than a label or a menu entry. */
    boolean isSentenceLike() {
        char last = text.charAt(text.length() - 1);
        return ".!?…:;\"'”’»)。！？」）".indexOf(last) >= 0 || text.contains(". ") || text.contains("。");
    }
}
