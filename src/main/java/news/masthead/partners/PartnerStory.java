package news.masthead.partners;

import news.masthead.platform.web.WebError;

import java.time.Instant;

/**
 * One article as a partner sends it (through the API or their feed): their stable {@code guid}, the
 * address of the original, headline, standfirst, body as Markdown, the byline, and when they published it.
 * Checked on construction, each refusal a 400 naming the field, so nothing half-valid reaches the newsroom.
 */
public record PartnerStory(String guid, String url, String headline, String standfirst, String bodyMarkdown, String byline,
                           Instant publishedAt) {
    public PartnerStory {
        guid = guid == null ? "" : guid.strip();
        url = url == null ? "" : url.strip();
        headline = headline == null ? "" : headline.strip();
        standfirst = standfirst == null ? "" : standfirst.strip();
        bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown.strip();
        byline = byline == null ? "" : byline.strip();
        if (guid.isEmpty() || guid.length() > 500) {
            throw WebError.badRequest("guid", "Give the article's stable id at your end (at most 500 characters).");
        }
        if (!PartnerDraft.webAddress(url)) {
            throw WebError.badRequest("url", "Give the address of the original article, starting with https:// or http://.");
        }
        if (headline.isEmpty() || headline.length() > 300) {
            throw WebError.badRequest("headline", "Give a headline (at most 300 characters).");
        }
        if (standfirst.length() > 1000) {
            throw WebError.badRequest("standfirst", "The standfirst is too long (at most 1000 characters).");
        }
        if (bodyMarkdown.isEmpty()) {
            throw WebError.badRequest("body", "Give the article's text.");
        }
        if (bodyMarkdown.length() > 200_000) {
            throw WebError.badRequest("body", "The text is too long (at most 200,000 characters).");
        }
        if (byline.length() > 200) {
            throw WebError.badRequest("byline", "The byline is too long (at most 200 characters).");
        }
    }
}
