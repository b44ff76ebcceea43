package news.masthead.admin;

import io.javalin.http.Context;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Revision;
import news.masthead.platform.web.WebError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The article form exactly as the editor typed it: kept as text so a refused save shows every
 * character again. {@link #toDraft()} turns it into what the newsroom validates.
 */
public record ArticleForm(String headline, String seoHeadline, String standfirst, String body, String leadPhotoId,
                          String section, List<Long> authorIds, String tags, String slug, String canonicalUrl,
                          String sourceName, String sourceUrl, int baseRevision, String publishAt, String requires) {

    static ArticleForm empty(String defaultSection) {
        return new ArticleForm("", "", "", "", "", defaultSection, List.of(), "", "", "", "", "", 0, "", "");
    }

    /** The form showing a saved revision. */
    static ArticleForm of(Revision r, String sectionSlug, Map<Long, String> tagNames, String publishAt, String requires) {
        String tags = r.tagIds().stream().map(id -> tagNames.getOrDefault(id, "")).filter(t -> !t.isEmpty())
                .collect(Collectors.joining(", "));
        return new ArticleForm(r.headline(), r.seoHeadline(), r.standfirst(), r.bodyMarkdown(),
                r.leadPhotoId() == null ? "" : r.leadPhotoId().toString(), sectionSlug, r.authorIds(), tags, r.slug(),
                r.canonicalUrl(), r.sourceName(), r.sourceUrl(), r.number(), publishAt, requires == null ? "" : requires);
    }

    /** The submitted form; only malformed numbers are refused here, everything else by the newsroom. */
    static ArticleForm read(Context ctx) {
        List<Long> authors = new ArrayList<>();
        for (String value : ctx.formParams("authors")) {
            if (!value.isBlank()) {
                authors.add(number("authors", value, "Choose authors from the list."));
            }
        }
        String base = text(ctx, "baseRevision");
        return new ArticleForm(text(ctx, "headline"), text(ctx, "seoHeadline"), text(ctx, "standfirst"), text(ctx, "body"),
                text(ctx, "leadPhotoId"), text(ctx, "section"), List.copyOf(authors), text(ctx, "tags"), text(ctx, "slug"),
                text(ctx, "canonicalUrl"), text(ctx, "sourceName"), text(ctx, "sourceUrl"),
                base.isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, number("baseRevision", base, "Reload the page.")),
                text(ctx, "publishAt"), text(ctx, "requires"));
    }

    ArticleDraft toDraft() {
        Long photo = leadPhotoId.isBlank() ? null : number("leadPhotoId", leadPhotoId, "The lead photo is a photo number from the library.");
        List<String> tagNames = Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new ArticleDraft(headline, seoHeadline, standfirst, body, photo, section, authorIds, tagNames, slug,
                canonicalUrl, sourceName, sourceUrl);
    }

    /** The article's own requirement as chosen ({@code site.Gate}), checked: null for none, 400 on {@code requires}. */
    String requirement() {
        return news.masthead.site.Gate.checkRequirement("requires", requires);
    }

    public boolean hasAuthor(long id) {
        return authorIds.contains(id);
    }

    ArticleForm withBase(int revision) {
        return new ArticleForm(headline, seoHeadline, standfirst, body, leadPhotoId, section, authorIds, tags, slug,
                canonicalUrl, sourceName, sourceUrl, revision, publishAt, requires);
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }

    private static long number(String field, String value, String message) {
        try {
            long n = Long.parseLong(value.strip());
            if (n < 0) {
                throw WebError.badRequest(field, message);
            }
            return n;
        } catch (NumberFormatException e) {
            throw WebError.badRequest(field, message);
        }
    }
}
