package news.masthead.site;

import news.masthead.newsroom.ArticleSummary;
import news.masthead.newsroom.Section;

import java.util.List;

/** A section's block on the front page: its newest few articles. */
public record SectionBlock(Section section, List<ArticleSummary> articles) {
}
