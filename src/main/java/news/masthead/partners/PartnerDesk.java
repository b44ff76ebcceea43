package news.masthead.partners;

import news.masthead.newsroom.Article;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.ArticleListing;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Revision;
import news.masthead.platform.web.WebError;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores a partner's story as a newsroom article, at most once per (partner, guid), whichever way it came.
 * A new story becomes an article published with the partner's date; a changed one a new revision (made
 * live again); an unchanged one nothing. The canonical link and the source line point to the original.
 *
 * <p>Idempotency across crashes: the item's row is marked before the newsroom is asked and completed after;
 * a marked row without an article means a store was interrupted, and the article it may have created is
 * found (by headline and canonical address) and adopted instead of created twice.
 */
final class PartnerDesk {
    private final Jdbi jdbi;
    private final Newsroom newsroom;
    private final Clock clock;

    PartnerDesk(Jdbi jdbi, Newsroom newsroom, Clock clock) {
        this.jdbi = jdbi;
        this.newsroom = newsroom;
        this.clock = clock;
    }

    Arrival store(Partner partner, PartnerStory story, String cameBy) {
        if (newsroom.section(partner.sectionSlug()).isEmpty()) {
            throw WebError.conflict("The partner's section /" + partner.sectionSlug() + " no longer exists; choose another in the admin.");
        }
        Instant now = clock.instant();
        Optional<PartnerArticle> existing = jdbi.withHandle(h -> PartnerArticleRows.find(h, partner.id(), story.guid()));
        if (existing.isEmpty()) {
            boolean marked = jdbi.withHandle(h -> PartnerArticleRows.mark(h, partner.id(), story.guid(), story.url(), story.byline(), cameBy, now));
            if (!marked) {
                throw WebError.conflict("This article is being stored right now; send it again in a moment.");
            }
            return create(partner, story, false);
        }
        PartnerArticle row = existing.get();
        if (row.articleId() == null) {
            return create(partner, story, true);
        }
        return update(partner, story, row);
    }

    private Arrival create(Partner partner, PartnerStory story, boolean interrupted) {
        ArticleDraft draft = draft(partner, story, "");
        Long adopted = interrupted ? adoptable(draft).orElse(null) : null;
        long articleId = adopted != null ? adopted : newsroom.create(draft, null);
        // linked before it goes live: the gate answers partner:<slug> from this row, so the full text
        // never reaches an anonymous page, a feed or the search index
        jdbi.useHandle(h -> PartnerArticleRows.stored(h, partner.id(), story.guid(), articleId, story.url(), story.byline(), clock.instant()));
        if (newsroom.article(articleId).status() == ArticleStatus.DRAFT) {
            Instant now = clock.instant();
            Instant published = story.publishedAt() == null || story.publishedAt().isAfter(now) ? now : story.publishedAt();
            newsroom.publishAt(articleId, published);
        }
        return Arrival.CREATED;
    }

    private Arrival update(Partner partner, PartnerStory story, PartnerArticle row) {
        Article article = newsroom.article(row.articleId());
        Revision current = article.current();
        ArticleDraft draft = draft(partner, story, current.slug());
        boolean removed = row.removedAt() != null;
        boolean sameText = same(current, draft);
        if (!sameText) {
            newsroom.save(article.id(), current.number(), draft, null);
        }
        // a new revision goes live; a story we had taken down comes back; an editor's own unpublishing stands
        if (!sameText && article.status() == ArticleStatus.PUBLISHED || removed && article.status() == ArticleStatus.UNPUBLISHED) {
            newsroom.publish(article.id(), null);
        }
        jdbi.useHandle(h -> PartnerArticleRows.stored(h, partner.id(), story.guid(), article.id(), story.url(), story.byline(), clock.instant()));
        return sameText && row.byline().equals(story.byline()) && !removed ? Arrival.UNCHANGED : Arrival.UPDATED;
    }

    /** Takes the article down (the partner removed it); false when we never had it or it is already down. */
    boolean remove(Partner partner, String guid, String reason) {
        PartnerArticle row = jdbi.withHandle(h -> PartnerArticleRows.find(h, partner.id(), guid)).orElse(null);
        if (row == null || row.articleId() == null || row.removedAt() != null) {
            return false;
        }
        if (newsroom.article(row.articleId()).status() == ArticleStatus.PUBLISHED) {
            newsroom.unpublish(row.articleId());
        }
        jdbi.useHandle(h -> PartnerArticleRows.removed(h, partner.id(), guid, reason, clock.instant()));
        return true;
    }

    private static ArticleDraft draft(Partner partner, PartnerStory s, String slug) {
        return new ArticleDraft(s.headline(), "", s.standfirst(), s.bodyMarkdown(), null, partner.sectionSlug(), List.of(), List.of(),
                slug, s.url(), partner.name(), s.url());
    }

    private static boolean same(Revision r, ArticleDraft d) {
        return r.headline().equals(d.headline()) && r.standfirst().equals(d.standfirst()) && r.bodyMarkdown().equals(d.bodyMarkdown())
                && r.canonicalUrl().equals(d.canonicalUrl()) && r.sourceName().equals(d.sourceName()) && r.sourceUrl().equals(d.sourceUrl());
    }

    private Optional<Long> adoptable(ArticleDraft draft) {
        for (ArticleListing listing : newsroom.articles(null, draft.headline(), 0, 50)) {
            Revision r = newsroom.article(listing.id()).current();
            boolean ours = jdbi.withHandle(h -> PartnerArticleRows.byArticle(h, listing.id())).isPresent();
            if (!ours && r.canonicalUrl().equals(draft.canonicalUrl()) && r.sourceName().equals(draft.sourceName())) {
                return Optional.of(listing.id());
            }
        }
        return Optional.empty();
    }
}
