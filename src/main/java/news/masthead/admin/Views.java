package news.masthead.admin;

import news.masthead.newsroom.Author;
import news.masthead.newsroom.Correction;
import news.masthead.newsroom.RevisionDiff;
import news.masthead.newsroom.Section;
import news.masthead.newsroom.Tag;

import java.util.List;

/**
 * What each back-office page shows, already worded and formatted for the templates (which live in
 * another package, hence public). No logic here.
 */
public final class Views {
    private Views() {
    }

    /** What the admin layout needs on every page. */
    public record Chrome(String title, String staffName, String csrf) {
    }

    public record ArticleList(Chrome chrome, List<ArticleRow> rows, String status, String query, int total,
                              String previousUrl, String nextUrl) {
    }

    public record ArticleRow(long id, String headline, String status, String section, String updated,
                             String scheduledFor, String lockedBy) {
    }

    /**
     * The article editor. {@code articleId} is null for a new article; {@code lockedBy} names someone
     * else holding the edit lock; {@code previewHtml} is sanitized HTML or null.
     */
    public record EditPage(Chrome chrome, Long articleId, String status, String publicUrl, String scheduledFor,
                           ArticleForm form, List<Section> sections, List<Author> authors, boolean canPublish,
                           String error, String errorField, String notice, String lockedBy, String lockedUntil,
                           String previewHtml, String conflictDiffUrl, List<Correction> corrections, String zone) {
        /** {@code "true"} for the field the error names, else null (the attribute is then left out). */
        public String invalid(String field) {
            return field.equals(errorField) ? "true" : null;
        }

        public String action() {
            return articleId == null ? "/admin/articles" : "/admin/articles/" + articleId;
        }

        /** The address and source fields are folded away unless one of them needs fixing. */
        public boolean addressOpen() {
            return errorField != null && List.of("slug", "canonicalUrl", "sourceName", "sourceUrl").contains(errorField);
        }

        public boolean published() {
            return "Published".equals(status);
        }
    }

    public record RevisionsPage(Chrome chrome, long articleId, String headline, int current, Integer published,
                                List<RevisionRow> rows, boolean canRestore) {
    }

    public record RevisionRow(int number, String by, String when, String headline) {
    }

    public record DiffPage(Chrome chrome, long articleId, String headline, RevisionDiff diff, List<Integer> numbers) {
    }

    public record SectionsPage(Chrome chrome, List<Section> sections, SectionForm form, boolean canEdit, String error,
                               String errorField, java.util.Map<Long, String> requirements) {
        /** What the section's articles require ("premium"), or empty when free to read. */
        public String requirement(Section s) {
            return requirements.getOrDefault(s.id(), "");
        }
    }

    /** A section being created ({@code id} null) or edited, as typed; {@code requires} empty for free to read. */
    public record SectionForm(Long id, String slug, String name, String description, String position, String requires) {
    }

    public record AuthorsPage(Chrome chrome, List<Author> authors, AuthorForm form, boolean canEdit, String error,
                              String errorField) {
    }

    /** An author being created ({@code id} null) or edited, as typed. */
    public record AuthorForm(Long id, String slug, String name, String bio, String photoId) {
    }

    public record TagsPage(Chrome chrome, List<Tag> tags) {
    }

    public record SettingsForm(String name, String tagline, String logoPhotoId, String language, String timeZone,
                               String footerText) {
        static SettingsForm of(news.masthead.site.SiteSettings s) {
            return new SettingsForm(s.name(), s.tagline(), s.logoPhotoId() == null ? "" : Long.toString(s.logoPhotoId()),
                    s.language(), s.timeZone(), s.footerText());
        }
    }

    public record SettingsPage(Chrome chrome, SettingsForm form, java.util.Set<String> zones, boolean saved, String error,
                               String errorField) {
    }
}
