package news.masthead.newsroom;

/** What a public article path leads to. */
public sealed interface ArticleLookup {
    /** The article, published. */
    record Live(LiveArticle article) implements ArticleLookup {
    }

    /** It lives at another path now (slug or section changed). */
    record Moved(String path) implements ArticleLookup {
    }

    /** It was published and has been taken down (HTTP 410). */
    record Gone() implements ArticleLookup {
    }

    /** Nothing public was ever here. */
    record Missing() implements ArticleLookup {
    }
}
