package news.masthead.site;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Short lines other features put on an article page and its teasers, saying where the article belongs:
 * "In Issue 3: Spring" (the magazine), "From The Lakeside Ledger" (a partner). Features plug in a
 * source with {@link Site#addLabels}; the templates ask {@link #of}. A feature whose labels change
 * purges the surrogate key {@code article:<id>} of the articles concerned, as any page showing the
 * article carries it.
 */
public final class Labels {
    /** One label: its words, and where it links (null for none). */
    public record Label(String text, String href) {
    }

    private final List<Function<Long, List<Label>>> sources = new CopyOnWriteArrayList<>();

    void add(Function<Long, List<Label>> source) {
        sources.add(source);
    }

    /** Every feature's labels for an article, in the order the features were plugged in. */
    public List<Label> of(long articleId) {
        if (sources.isEmpty()) {
            return List.of();
        }
        List<Label> labels = new ArrayList<>();
        for (Function<Long, List<Label>> source : sources) {
            labels.addAll(source.apply(articleId));
        }
        return labels;
    }
}
