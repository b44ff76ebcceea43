package news.masthead.syndication;

import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Section;

import java.time.Instant;
import java.util.List;

/** One feed's identity: the whole paper, or one section of it. */
record FeedChannel(FeedPublication publication, Section section, String baseUrl) {

    String title() {
        return section == null ? publication.name() : section.name() + " | " + publication.name();
    }

    String description() {
        if (section != null && !section.description().isBlank()) {
            return section.description();
        }
        if (!publication.description().isBlank()) {
            return publication.description();
        }
        return section == null ? "The latest from " + publication.name() : "The latest in " + section.name();
    }

    String homeUrl() {
        return section == null ? baseUrl + "/" : baseUrl + section.path();
    }

    private String prefix() {
        return section == null ? baseUrl : baseUrl + section.path();
    }

    String rssUrl() {
        return prefix() + "/rss.xml";
    }

    String atomUrl() {
        return prefix() + "/atom.xml";
    }

    String jsonUrl() {
        return prefix() + "/feed.json";
    }

    /** When the feed last changed: its newest publication or update (the epoch when empty, as a fixed value). */
    Instant lastChange(List<LiveArticle> items) {
        return items.stream().map(FeedWriter::modified).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
