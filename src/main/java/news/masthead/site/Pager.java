package news.masthead.site;

/** Where a paginated list is: page {@code page} of {@code pages} at {@code path}. */
public record Pager(int page, int pages, String path) {

    public boolean hasNewer() {
        return page > 1;
    }

    public boolean hasOlder() {
        return page < pages;
    }

    public String newerHref() {
        return page == 2 ? path : path + "?page=" + (page - 1);
    }

    public String olderHref() {
        return path + "?page=" + (page + 1);
    }
}
