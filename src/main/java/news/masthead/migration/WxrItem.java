package news.masthead.migration;

import java.util.List;
import java.util.Map;

/**
 * One {@code <item>} of a WordPress export: its simple fields keyed {@code title}, {@code link},
 * {@code wp:post_id}, {@code content:encoded}, {@code excerpt:encoded}, {@code dc:creator} …, its
 * categories and tags ({@code <category domain=…>}), its post meta and its comments.
 */
record WxrItem(Map<String, String> fields, List<Term> terms, Map<String, String> meta, List<Comment> comments,
               String tooLong) {
    String get(String key) {
        return fields.getOrDefault(key, "").strip();
    }

    /** A category or tag on an item: {@code domain} is "category" or "post_tag". */
    record Term(String domain, String nicename, String name) {
    }

    /**
     * A comment as the export has it: {@code wp:comment_id}, {@code wp:comment_parent} ("0" for none),
     * {@code wp:comment_author}, {@code wp:comment_date_gmt}, {@code wp:comment_content},
     * {@code wp:comment_approved} ("1", "0", "spam", "trash" …), {@code wp:comment_type} …
     */
    record Comment(Map<String, String> fields) {
        String get(String key) {
            return fields.getOrDefault(key, "").strip();
        }

        boolean approved() {
            return get("wp:comment_approved").equals("1");
        }
    }
}
