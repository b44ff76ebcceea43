package news.masthead.press;

import news.masthead.newsroom.Author;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Photo;

import java.util.List;
import java.util.stream.Collectors;

/** One story as the press sets it: the live article, its lead photo (if it has one that can print) and its copy. */
record Story(int index, LiveArticle article, Photo photo, List<Copy.Block> blocks, boolean truncated) {

    String byline() {
        List<String> names = article.authors().stream().map(Author::name).filter(n -> n != null && !n.isBlank()).toList();
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return "By " + names.getFirst();
        }
        return "By " + names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + " and " + names.getLast();
    }

    /** The anchor of the story's first part: its placement. */
    String anchor() {
        return "story-" + article.id();
    }

    String partAnchor(int part) {
        return part == 0 ? anchor() : "story-" + article.id() + "-" + part;
    }
}
