package news.masthead.press;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTest {
    @Test
    void whatCannotPrintIsDroppedAndLinksBecomeText() {
        Copy.Blocks copy = Copy.blocks("<p>Read <a href='https://example.org'>the report</a>.</p><iframe src='x'></iframe>"
                + "<script>alert(1)</script><h2>A subhead</h2><div><img src='y'>Loose text</div>");
        assertThat(copy.blocks()).extracting(Copy.Block::html)
                .containsExactly("<p>Read the report.</p>", "<h4>A subhead</h4>", "<p>Loose text</p>");
        assertThat(copy.blocks()).extracting(Copy.Block::paragraph).containsExactly(true, false, true);
        assertThat(copy.truncated()).isFalse();
    }

    @Test
    void aParagraphSplitsBetweenWordsKeepingItsMarkupAndSpaces() {
        Element p = Jsoup.parseBodyFragment("<p>The fund. <em>Residents</em> said they were <strong>very</strong> relieved.</p>").body().child(0);
        for (int n = 0; n <= 8; n++) {
            Element head = Copy.firstWords(p, n);
            Element tail = Copy.fromWord(p, n);
            assertThat(Copy.wordCount(head.text()) + Copy.wordCount(tail.text())).isEqualTo(8);
            assertThat((head.text() + " " + tail.text()).strip().replaceAll("\\s+", " "))
                    .isEqualTo("The fund. Residents said they were very relieved.");
        }
        assertThat(Copy.fromWord(p, 3).outerHtml()).isEqualTo("<p>said they were <strong>very</strong> relieved.</p>");
        assertThat(Copy.firstWords(p, 3).outerHtml()).isEqualTo("<p>The fund. <em>Residents</em></p>");
    }

    @Test
    void aNovelIsCutAtTheWordLimit() {
        String paragraph = "<p>" + "word ".repeat(500) + "</p>";
        Copy.Blocks copy = Copy.blocks(paragraph.repeat(20));
        assertThat(copy.truncated()).isTrue();
        assertThat(copy.blocks().stream().mapToInt(Copy.Block::words).sum()).isEqualTo(Copy.MAX_WORDS);
        assertThat(Copy.blocks(null).blocks()).isEqualTo(List.of());
    }
}
