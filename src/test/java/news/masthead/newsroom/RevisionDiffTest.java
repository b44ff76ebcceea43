package news.masthead.newsroom;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionDiffTest {
    private static Revision revision(int number, String headline, String body, long section, List<Long> tags) {
        return new Revision(number, 1, number, headline, "", "", body, "", null, section, "slug", List.of(), tags, "", "", "",
                null, null, Instant.EPOCH);
    }

    @Test
    void changedWordsAreMarkedInsideAnEscapedLine() {
        var diff = RevisionDiff.between(revision(1, "H", "a <b>big</b> & \"bold\" claim", 1, List.of()),
                revision(2, "H", "a <b>small</b> & \"bold\" claim", 1, List.of()), RevisionDiff.Labels.NONE);
        assertThat(diff.fields()).isEmpty();
        assertThat(diff.body()).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(RevisionDiff.Kind.CHANGED);
            assertThat(row.oldHtml()).isEqualTo("a &lt;b&gt;<del>big</del>&lt;/b&gt; &amp; &quot;bold&quot; claim");
            assertThat(row.newHtml()).isEqualTo("a &lt;b&gt;<ins>small</ins>&lt;/b&gt; &amp; &quot;bold&quot; claim");
        });
    }

    @Test
    void entitiesAreNeverSplitByTheWordDiff() {
        var diff = RevisionDiff.between(revision(1, "H", "x & y", 1, List.of()), revision(2, "H", "x &amp; y", 1, List.of()),
                RevisionDiff.Labels.NONE);
        String html = diff.body().getFirst().newHtml();
        assertThat(html.replaceAll("</?ins>", "")).isEqualTo("x &amp;amp; y");
    }

    @Test
    void fieldsShowNamesAndLongUnchangedStretchesCollapse() {
        String body = String.join("\n", java.util.Collections.nCopies(20, "same"));
        var diff = RevisionDiff.between(revision(1, "Old", body + "\nend", 1, List.of(5L)),
                revision(2, "New", body + "\nfinish", 2, List.of(5L, 6L)),
                new RevisionDiff.Labels(Map.of(1L, "World", 2L, "Business"), Map.of(), Map.of(5L, "Ports")));
        assertThat(diff.fields()).extracting(RevisionDiff.FieldChange::label).containsExactly("Headline", "Section", "Tags");
        assertThat(diff.fields().get(1).before()).isEqualTo("World");
        assertThat(diff.fields().get(2).after()).isEqualTo("Ports, #6");
        assertThat(diff.body().getFirst().kind()).isEqualTo(RevisionDiff.Kind.GAP);
        assertThat(diff.body().getFirst().skipped()).isEqualTo(18);
        assertThat(diff.body()).hasSize(4);
    }

    @Test
    void addedAndRemovedLinesAreWholeAndIdenticalRevisionsAreUnchanged() {
        var diff = RevisionDiff.between(revision(1, "H", "one\ntwo", 1, List.of()), revision(2, "H", "one\ntwo\n<three>", 1, List.of()),
                RevisionDiff.Labels.NONE);
        assertThat(diff.body()).last().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(RevisionDiff.Kind.ADDED);
            assertThat(row.newHtml()).isEqualTo("<ins>&lt;three&gt;</ins>");
        });
        assertThat(RevisionDiff.between(revision(1, "H", "same", 1, List.of()), revision(2, "H", "same", 1, List.of()),
                RevisionDiff.Labels.NONE).unchanged()).isTrue();
    }
}
