package news.masthead.newsroom;

import java.util.List;

/** A draft after validation: ids resolved, body rendered to safe HTML. */
record ResolvedDraft(String headline, String seoHeadline, String standfirst, String bodyMarkdown, String bodyHtml,
                     Long leadPhotoId, long sectionId, String slug, List<Long> authorIds, List<Long> tagIds,
                     String canonicalUrl, String sourceName, String sourceUrl) {

    static ResolvedDraft of(Revision r) {
        return new ResolvedDraft(r.headline(), r.seoHeadline(), r.standfirst(), r.bodyMarkdown(), r.bodyHtml(),
                r.leadPhotoId(), r.sectionId(), r.slug(), r.authorIds(), r.tagIds(), r.canonicalUrl(), r.sourceName(),
                r.sourceUrl());
    }

    ResolvedDraft withSlug(String newSlug) {
        return new ResolvedDraft(headline, seoHeadline, standfirst, bodyMarkdown, bodyHtml, leadPhotoId, sectionId,
                newSlug, authorIds, tagIds, canonicalUrl, sourceName, sourceUrl);
    }
}
