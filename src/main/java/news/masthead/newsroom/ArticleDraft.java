package news.masthead.newsroom;

import java.util.List;

/**
 * What an editor submits when saving an article. Blank optional fields are allowed; {@code slug}
 * may be blank (made from the headline). Validated by {@link Newsroom}, which names the field at fault.
 */
public record ArticleDraft(String headline, String seoHeadline, String standfirst, String bodyMarkdown,
                           Long leadPhotoId, String sectionSlug, List<Long> authorIds, List<String> tagNames,
                           String slug, String canonicalUrl, String sourceName, String sourceUrl) {
    public ArticleDraft {
        authorIds = authorIds == null ? List.of() : List.copyOf(authorIds);
        tagNames = tagNames == null ? List.of() : List.copyOf(tagNames);
    }

    /** A minimal draft: headline, standfirst, Markdown body, section. */
    public static ArticleDraft of(String headline, String standfirst, String bodyMarkdown, String sectionSlug) {
        return new ArticleDraft(headline, "", standfirst, bodyMarkdown, null, sectionSlug, List.of(), List.of(), "", "", "", "");
    }
}
