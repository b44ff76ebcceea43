package news.masthead.newsroom;

import java.util.Locale;

/** Where an article is in its life: draft → scheduled → published ⇄ unpublished. */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ArticleStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
