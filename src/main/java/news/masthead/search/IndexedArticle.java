package news.masthead.search;

import news.masthead.newsroom.Author;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Tag;
import news.masthead.platform.html.SafeHtml;

import java.time.Instant;
import java.util.List;

/**
 * What the index knows about one published article: plain text only (the body's HTML is reduced to
 * its visible text). Built from a {@link LiveArticle} in production and synthesized by the benchmark,
 * so both go through the same {@link Fields#document} code.
 */
record IndexedArticle(long id, String path, String headline, String standfirst, String body, List<String> authors,
                      List<String> tags, String sectionSlug, String sectionName, Instant published) {

    static IndexedArticle of(LiveArticle live) {
        return new IndexedArticle(live.id(), live.path(), live.headline(), nullToEmpty(live.standfirst()),
                SafeHtml.text(live.bodyHtml()), live.authors().stream().map(Author::name).toList(),
                live.tags().stream().map(Tag::name).toList(), live.section().slug(), live.section().name(),
                live.published());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
