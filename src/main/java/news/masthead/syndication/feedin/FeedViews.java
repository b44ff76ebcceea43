package news.masthead.syndication.feedin;

import java.util.List;

/** What the feed pages show, already worded for the templates (which live in another package, hence public). */
public final class FeedViews {
    private FeedViews() {
    }

    public record Chrome(String title, String staffName, String csrf) {
    }

    /** The list of sources with their health, and the form to add one. */
    public record ListPage(Chrome chrome, List<SourceRow> sources, Form form, List<String> sections, String error, String errorField) {
    }

    public record SourceRow(long id, String title, String url, String section, String landAs, String health,
                            String lastSuccess, String lastError, int failures, String nextPoll) {
    }

    /** One source: its settings form, health, the last poll's report and the item log. */
    public record SourcePage(Chrome chrome, long id, SourceRow row, Form form, List<String> sections, String error,
                             String errorField, String notice, List<ItemRow> items) {
    }

    public record ItemRow(String status, String headline, String url, String articleUrl, String note, String lastSeen) {
    }

    /** A source's settings as typed (strings and checkboxes), shown again when something is wrong. */
    public record Form(String url, String title, String section, String attribution, String licence, String landAs,
                       boolean fetchFullPage, boolean internal) {
        public boolean published() {
            return "published".equals(landAs);
        }
    }
}
