package news.masthead.magazine;

import news.masthead.site.PageMeta;
import news.masthead.site.PhotoFigures;

import java.util.List;

/** What the magazine's templates receive. */
public final class MagazineViews {
    private MagazineViews() {
    }

    /** An issue on the archive page: the issue and its cover (null without one). */
    public record Cover(Issue issue, PhotoFigures.Figure figure) {
    }

    public record Archive(PageMeta meta, List<Cover> covers) {
    }

    /** One line of a table of contents readers see: a live article under its department. */
    public record Line(String department, news.masthead.newsroom.LiveArticle article) {
    }

    /** A department of the table of contents (blank name: articles outside any department). */
    public record Part(String department, List<Line> lines) {
    }

    public record IssuePage(PageMeta meta, Issue issue, PhotoFigures.Figure cover, List<Part> parts) {
    }

    /** The admin's chrome: page title, who is signed in, the CSRF token. */
    public record Chrome(String title, String staffName, String csrf) {
    }

    /** The issue form exactly as typed, so nothing is lost on a refusal. */
    public record Form(String number, String title, String month, String slug, String coverPhotoId, String letter) {
        static Form blank() {
            return new Form("", "", "", "", "", "");
        }

        static Form of(Issue i) {
            return new Form(String.valueOf(i.number()), i.title(), i.month().toString(), i.slug(),
                    i.coverPhotoId() == null ? "" : i.coverPhotoId().toString(), i.letterMarkdown());
        }
    }

    public record AdminList(Chrome chrome, List<Issue> issues, Form form, String error, String errorField) {
    }

    /** An article an editor may pick for the contents. */
    public record Pick(long id, String headline, String status) {
    }

    public record AdminIssue(Chrome chrome, Issue issue, Form form, String contents, List<Pick> picks, String error,
                             String errorField, String notice) {
    }

    /** Lines of a table of contents for the admin's textarea: {@code 42 | Grammar}. */
    static String contentsText(List<Entry> entries) {
        StringBuilder s = new StringBuilder();
        for (Entry e : entries) {
            s.append(e.articleId()).append(e.department().isEmpty() ? "" : " | " + e.department()).append('\n');
        }
        return s.toString();
    }
}
