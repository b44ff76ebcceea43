package news.masthead.syndication;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndImage;
import com.rometools.rome.feed.synd.SyndImageImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** RSS 2.0 and Atom 1.0 documents, written by Rome from the feed's items. */
final class FeedWriter {
    static final String RSS = "rss_2.0";
    static final String ATOM = "atom_1.0";

    private FeedWriter() {
    }

    static byte[] write(String feedType, FeedChannel channel, List<LiveArticle> items) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(feedType);
        feed.setEncoding("UTF-8");
        feed.setTitle(channel.title());
        feed.setDescription(channel.description());
        feed.setLink(channel.homeUrl());
        feed.setUri(channel.homeUrl());
        feed.setLanguage(channel.publication().language());
        feed.setLinks(List.of(link("alternate", "text/html", channel.homeUrl()),
                link("self", RSS.equals(feedType) ? "application/rss+xml" : "application/atom+xml",
                        RSS.equals(feedType) ? channel.rssUrl() : channel.atomUrl())));
        feed.setPublishedDate(Date.from(channel.lastChange(items)));
        if (channel.publication().logoUrl() != null) {
            SyndImage image = new SyndImageImpl();
            image.setUrl(channel.publication().logoUrl());
            image.setTitle(channel.title());
            image.setLink(channel.homeUrl());
            feed.setImage(image);
        }
        List<SyndEntry> entries = new ArrayList<>();
        for (LiveArticle article : items) {
            entries.add(entry(feedType, channel, article));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, false).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the " + feedType + " feed", e);
        }
    }

    private static SyndEntry entry(String feedType, FeedChannel channel, LiveArticle article) {
        String base = channel.baseUrl();
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(FeedLinks.itemId(base, article.id()));
        entry.setTitle(article.headline());
        entry.setLink(base + article.path());
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(article.standfirst());
        entry.setDescription(summary);
        SyndContent content = new SyndContentImpl();
        content.setType("html");
        content.setValue(FeedLinks.absoluteHtml(base, article.bodyHtml()));
        entry.setContents(List.of(content));
        entry.setPublishedDate(Date.from(article.published()));
        entry.setUpdatedDate(Date.from(modified(article)));
        List<SyndPerson> authors = new ArrayList<>();
        for (Author a : article.authors()) {
            SyndPerson person = new SyndPersonImpl();
            person.setName(a.name());
            person.setUri(base + a.path());
            authors.add(person);
        }
        if (authors.isEmpty()) {
            SyndPerson paper = new SyndPersonImpl();
            paper.setName(channel.publication().name());
            paper.setUri(base + "/");
            authors.add(paper);
        }
        if (RSS.equals(feedType)) {
            // RSS 2.0's <author> must be an e-mail address: Rome writes the names as dc:creator instead
            entry.setAuthor(String.join(", ", authors.stream().map(SyndPerson::getName).toList()));
        } else {
            entry.setAuthors(authors);
        }
        List<SyndCategory> categories = new ArrayList<>();
        SyndCategory section = new SyndCategoryImpl();
        section.setName(article.section().name());
        categories.add(section);
        for (Tag t : article.tags()) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(t.name());
            categories.add(category);
        }
        entry.setCategories(categories);
        return entry;
    }

    static Instant modified(LiveArticle article) {
        return article.updated() != null && article.updated().isAfter(article.published()) ? article.updated() : article.published();
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
