package news.masthead.migration;

import news.masthead.newsroom.Article;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.ArticleListing;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Newsroom;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes one imported article through the newsroom so that running an import again is safe: an
 * unchanged item is skipped, a changed one gets a new revision (unless someone edited it in Masthead
 * since), and an item whose last write was cut short is found again instead of written twice.
 */
final class ArticleWriter {
    static final String REDIRECTS = "redirects";

    enum Target { DRAFT, PUBLISHED, SCHEDULED }

    /** What the source says the article should be; {@code at} is the original publication time. */
    record Wanted(ArticleDraft draft, Target target, Instant at, String oldPath) {
    }

    /** The newsroom's longest tag name. */
    static final int MAX_TAG = 60;

    /** Tag names the newsroom will take: blank ones dropped, over-long ones left out and reported. */
    static java.util.List<String> tags(java.util.List<String> names, Tally tally, String label) {
        java.util.List<String> usable = new java.util.ArrayList<>();
        for (String name : names) {
            String n = name == null ? "" : name.strip();
            if (n.length() > MAX_TAG) {
                tally.problem(label + ": tag “" + n.substring(0, 40) + "…” is longer than " + MAX_TAG + " characters; left out");
            } else if (!n.isEmpty()) {
                usable.add(n);
            }
        }
        return usable;
    }

    private final Newsroom newsroom;
    private final Ledger ledger;
    private final Clock clock;

    ArticleWriter(Newsroom newsroom, Ledger ledger, Clock clock) {
        this.newsroom = newsroom;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Writes the item ({@code build} is asked only when something must be written). Failures of the
     * newsroom's rules come out as exceptions; nothing of the item is then recorded as imported.
     */
    Tally.Outcome write(String source, String sourceId, String kind, String hash, Supplier<Wanted> build, Tally tally, String label) {
        Optional<Ledger.Entry> entry = ledger.find(source, sourceId, kind);
        if (entry.isPresent() && !entry.get().pending() && entry.get().hash().equals(hash)) {
            return Tally.Outcome.SKIPPED;
        }
        Wanted wanted = build.get();
        if (entry.isEmpty()) {
            if (!ledger.begin(source, sourceId, kind, hash)) {
                tally.problem(label + ": another import is writing it right now; skipped");
                return Tally.Outcome.SKIPPED;
            }
            return create(source, sourceId, kind, hash, wanted, tally);
        }
        if (entry.get().pending()) {
            Optional<Article> written = findWritten(wanted.draft(), kind);
            if (written.isEmpty()) {
                return create(source, sourceId, kind, hash, wanted, tally);
            }
            long id = written.get().id();
            finish(id, written.get().status(), wanted, tally, label);
            ledger.done(source, sourceId, kind, id, written.get().current().number(), hash);
            tally.problem(label + ": found again after an interrupted import (article " + id + "), not written twice");
            return Tally.Outcome.UPDATED;
        }
        long id = entry.get().targetId();
        Article article = newsroom.article(id);
        if (entry.get().targetRevision() != null && article.current().number() != entry.get().targetRevision()) {
            tally.problem(label + ": changed in the export, but edited in Masthead since it was imported (now revision "
                    + article.current().number() + "); not overwritten");
            return Tally.Outcome.SKIPPED;
        }
        int number = newsroom.save(id, article.current().number(), wanted.draft(), null);
        finish(id, article.status(), wanted, tally, label);
        ledger.done(source, sourceId, kind, id, number, hash);
        return Tally.Outcome.UPDATED;
    }

    private Tally.Outcome create(String source, String sourceId, String kind, String hash, Wanted wanted, Tally tally) {
        long id;
        try {
            id = newsroom.create(wanted.draft(), null);
        } catch (RuntimeException e) {
            ledger.abandon(source, sourceId, kind);
            throw e;
        }
        finish(id, ArticleStatus.DRAFT, wanted, tally, kind + " " + sourceId);
        ledger.done(source, sourceId, kind, id, 1, hash);
        return Tally.Outcome.CREATED;
    }

    /** Brings the status in line (never taking a live article down) and keeps the old address. */
    private void finish(long id, ArticleStatus status, Wanted wanted, Tally tally, String label) {
        Instant now = clock.instant();
        switch (wanted.target()) {
            case PUBLISHED -> publish(id, status, wanted.at(), now);
            case SCHEDULED -> {
                if (wanted.at() != null && wanted.at().isAfter(now)) {
                    if (status == ArticleStatus.DRAFT) {
                        newsroom.schedule(id, wanted.at());
                    }
                } else {
                    publish(id, status, wanted.at(), now);
                }
            }
            case DRAFT -> {
                // a draft stays a draft; a live article is not taken down by a re-import
            }
        }
        if (wanted.oldPath() == null || wanted.oldPath().isEmpty()) {
            return;
        }
        Article live = newsroom.article(id);
        if (live.status() != ArticleStatus.PUBLISHED || live.path().equals(wanted.oldPath())) {
            return;
        }
        if (newsroom.addRedirect(wanted.oldPath(), live.path())) {
            tally.count(REDIRECTS, Tally.Outcome.CREATED);
        } else {
            tally.failed(REDIRECTS, label, "old address " + wanted.oldPath() + " already leads elsewhere; left as it was");
        }
    }

    private void publish(long id, ArticleStatus status, Instant at, Instant now) {
        if (status != ArticleStatus.PUBLISHED) {
            newsroom.publishAt(id, at == null || at.isAfter(now) ? now : at);
        }
    }

    /** The article a cut-short write left behind: same headline and body, and no imported item owns it. */
    private Optional<Article> findWritten(ArticleDraft draft, String kind) {
        for (ArticleListing listing : newsroom.articles(null, draft.headline().strip(), 0, 20)) {
            if (ledger.claimed(kind, listing.id())) {
                continue;
            }
            Article a = newsroom.article(listing.id());
            if (a.current().headline().equals(draft.headline().strip())
                    && a.current().bodyMarkdown().strip().equals(draft.bodyMarkdown().strip())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
