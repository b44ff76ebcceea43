package news.masthead.syndication.feedin;

import java.util.List;

/** Feeds and pages generated for the tests, in each format. */
final class Feeds {
    private Feeds() {
    }

    /** An item: id, link, title, HTML content (blank for summary-only), summary, author. */
    record Item(String id, String link, String title, String content, String summary, String author) {
    }

    static String rss(List<Item> items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>The Other Paper</title><link>https://other.example/</link><description>News</description>
                """);
        for (Item i : items) {
            xml.append("<item><guid isPermaLink=\"false\">").append(esc(i.id())).append("</guid><link>").append(esc(i.link()))
                    .append("</link><title>").append(esc(i.title())).append("</title><description>").append(esc(i.summary()))
                    .append("</description>");
            if (!i.content().isEmpty()) {
                xml.append("<content:encoded><![CDATA[").append(i.content()).append("]]></content:encoded>");
            }
            if (!i.author().isEmpty()) {
                xml.append("<dc:creator>").append(esc(i.author())).append("</dc:creator>");
            }
            xml.append("<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    static String atom(List<Item> items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title><id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
                <updated>2026-03-02T10:00:00Z</updated>
                """);
        for (Item i : items) {
            xml.append("<entry><id>").append(esc(i.id())).append("</id><title>").append(esc(i.title()))
                    .append("</title><link rel=\"alternate\" href=\"").append(esc(i.link())).append("\"/>")
                    .append("<updated>2026-03-02T10:00:00Z</updated><author><name>").append(esc(i.author())).append("</name></author>")
                    .append("<summary>").append(esc(i.summary())).append("</summary>");
            if (!i.content().isEmpty()) {
                xml.append("<content type=\"html\">").append(esc(i.content())).append("</content>");
            }
            xml.append("</entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    static String json(List<Item> items) {
        StringBuilder json = new StringBuilder("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"JSON Daily\",\"items\":[");
        for (int n = 0; n < items.size(); n++) {
            Item i = items.get(n);
            json.append(n == 0 ? "" : ",").append("{\"id\":").append(q(i.id())).append(",\"url\":").append(q(i.link()))
                    .append(",\"title\":").append(q(i.title())).append(",\"summary\":").append(q(i.summary()))
                    .append(",\"authors\":[{\"name\":").append(q(i.author())).append("}]");
            if (!i.content().isEmpty()) {
                json.append(",\"content_html\":").append(q(i.content()));
            }
            json.append(",\"date_published\":\"2026-03-02T10:00:00Z\"}");
        }
        return json.append("]}").toString();
    }

    /** A story's HTML body: {@code n} paragraphs of sentences made from the topic. */
    static String story(String topic, int n) {
        StringBuilder html = new StringBuilder();
        for (int p = 0; p < n; p++) {
            html.append("<p>").append(sentence(topic, p)).append("</p>");
        }
        return html.toString();
    }

    private static final String[] WORDS = ("river council budget station harbour school market winter bridge museum court "
            + "railway farmers hospital election festival library storm factory village minister teachers island "
            + "mayor fishermen orchard theatre airport students nurses drivers tenants builders parliament vineyard").split(" ");

    /** A sentence of its own for each topic and paragraph, so two different stories share few word runs. */
    static String sentence(String topic, int p) {
        java.util.Random random = new java.util.Random(topic.hashCode() * 31L + p);
        StringBuilder s = new StringBuilder("On " + topic);
        for (int i = 0; i < 24; i++) {
            s.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.append('.').toString();
    }

    /** A news page with a header, navigation, the story and a footer. */
    static String page(String headline, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + headline + " | Other Paper</title><meta name=\"author\" content=\"Pat Writer\"></head><body>"
                + "<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav></header>"
                + "<main><article><h1>" + headline + "</h1><p class=\"byline\">By Pat Writer</p>" + body + "</article></main>"
                + "<footer><a href=\"/about\">About us</a> <a href=\"/privacy\">Privacy</a></footer></body></html>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
