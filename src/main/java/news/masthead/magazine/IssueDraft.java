package news.masthead.magazine;

import news.masthead.newsroom.Newsroom;
import news.masthead.platform.web.WebError;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What an editor types for an issue, checked: each refusal is a 400 naming its field ({@code number},
 * {@code title}, {@code month}, {@code slug}, {@code coverPhotoId}, {@code letter}). A blank slug is made
 * from the title.
 */
public record IssueDraft(int number, String title, YearMonth month, String slug, Long coverPhotoId, String letterMarkdown) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final int MAX_LETTER = 20_000;

    public IssueDraft {
        title = title == null ? "" : title.strip();
        slug = slug == null || slug.isBlank() ? Newsroom.slugFor(title) : slug.strip();
        letterMarkdown = letterMarkdown == null ? "" : letterMarkdown.strip();
        if (number < 1 || number > 100_000) {
            throw WebError.badRequest("number", "The issue number must be a whole number from 1.");
        }
        if (title.isEmpty() || title.length() > 200) {
            throw WebError.badRequest("title", "Give the issue a title (at most 200 characters).");
        }
        if (month == null || month.getYear() < 1900 || month.getYear() > 2999) {
            throw WebError.badRequest("month", "Give the issue's month as YYYY-MM, e.g. 2026-03.");
        }
        if (slug.length() > 120 || !SLUG.matcher(slug).matches()) {
            throw WebError.badRequest("slug", "The address may hold lower-case letters, digits and single hyphens (at most 120).");
        }
        if (coverPhotoId != null && coverPhotoId < 1) {
            throw WebError.badRequest("coverPhotoId", "The cover must be a photo number from the photo library.");
        }
        if (letterMarkdown.length() > MAX_LETTER) {
            throw WebError.badRequest("letter", "The editor's letter is too long (at most " + MAX_LETTER + " characters).");
        }
    }

    /** From a form's text fields, refusing what is not a number or a month with the field named. */
    public static IssueDraft parse(String number, String title, String month, String slug, String coverPhotoId, String letter) {
        return new IssueDraft(whole("number", number, "The issue number must be a whole number from 1."), title,
                month(month), slug, coverPhotoId == null || coverPhotoId.isBlank() ? null
                : (long) whole("coverPhotoId", coverPhotoId, "The cover must be a photo number from the photo library."), letter);
    }

    private static int whole(String field, String text, String message) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("[0-9]{1,9}")) {
            throw WebError.badRequest(field, message);
        }
        return Integer.parseInt(t);
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw WebError.badRequest("month", "Give the issue's month as YYYY-MM, e.g. 2026-03.");
        }
    }
}
