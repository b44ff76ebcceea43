package news.masthead.syndication.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The facts about an article other than its body: headline, standfirst, bylines, dates, lead
 * image, canonical address and language. JSON-LD is trusted first because it is written for
 * machines; OpenGraph and other meta tags come next; visible markup is the last resort.
 * Must run on the unpruned document, since pruning removes headers and bylines.
 */
final class PageMetadata {

    private static final Pattern BY_PREFIX = Pattern.compile("(?i)^\\s*(by|von|por|par|di|door)\\s+");
    private static final Pattern URL_LIKE = Pattern.compile("(?i)^(https?:|www\\.)");
    private static final Pattern CREDIT_HINT = Pattern.compile("(?i)credit|copyright|source|author|photographer");

    private final Document doc;
    private final StructuredData.Facts ld;
    private final PublicationDate dates = new PublicationDate();
    /** Meta tag contents by lower-cased property, name or itemprop; the first non-blank wins. */
    private final Map<String, String> metas = new HashMap<>();

    PageMetadata(Document doc, StructuredData.Facts ld) {
        this.doc = doc;
        this.ld = ld;
        for (Element e : doc.select("meta[content]")) {
            String value = e.attr("content").strip();
            if (!value.isEmpty()) {
                for (String key : new String[] {e.attr("property"), e.attr("name"), e.attr("itemprop")}) {
                    if (!key.isEmpty()) {
                        metas.putIfAbsent(key.toLowerCase(Locale.ROOT), value);
                    }
                }
            }
        }
    }

    String headline() {
        String h1 = firstText("article h1, h1");
        String og = firstNonBlank(meta("og:title"), meta("twitter:title"));
        String title = firstNonBlank(ld.headline(), og, h1, doc.title());
        return title == null ? null : title.strip();
    }

    String standfirst() {
        return firstNonBlank(ld.description(), meta("og:description"), meta("description"),
                meta("twitter:description"));
    }

    List<String> bylines() {
        Set<String> names = new LinkedHashSet<>();
        ld.authors().forEach(name -> addName(names, name));
        if (names.isEmpty()) {
            addName(names, meta("author"));
            addName(names, meta("article:author"));
        }
        if (names.isEmpty()) {
            for (Element e : doc.select("[itemprop=author] [itemprop=name], [rel=author], .byline a, .author-name")) {
                addName(names, e.text());
            }
        }
        return new ArrayList<>(names);
    }

    private static void addName(Set<String> names, String raw) {
        if (raw == null || raw.isBlank() || URL_LIKE.matcher(raw.strip()).find()) {
            return;
        }
        String name = BY_PREFIX.matcher(raw.strip()).replaceFirst("").strip();
        if (!name.isEmpty() && name.length() <= 80) {
            names.add(name);
        }
    }

    String published() {
        return firstDate(ld.published(), meta("article:published_time"), meta("datePublished"),
                meta("pubdate"), meta("date"), attr("[itemprop=datePublished]", "content"),
                attr("time[datetime]", "datetime"));
    }

    String updated() {
        return firstDate(ld.updated(), meta("article:modified_time"), meta("og:updated_time"),
                meta("dateModified"), attr("[itemprop=dateModified]", "content"));
    }

    /** The first of the page's date statements that reads as a date, in ISO-8601. */
    private String firstDate(String... candidates) {
        for (String candidate : candidates) {
            String iso = dates.normalise(candidate);
            if (iso != null) {
                return iso;
            }
        }
        return null;
    }

    String imageUrl() {
        String url = firstNonBlank(ld.imageUrl(), meta("og:image"), meta("og:image:url"),
                meta("twitter:image"), meta("twitter:image:src"));
        return url == null ? null : absolute(url);
    }

    /** The first figure with a caption: in page order that is the lead image's figure. */
    Element leadFigure() {
        for (Element figure : doc.getElementsByTag("figure")) {
            if (!figure.getElementsByTag("figcaption").isEmpty()) {
                return figure;
            }
        }
        return null;
    }

    String imageCaption() {
        if (ld.imageCaption() != null) {
            return ld.imageCaption();
        }
        Element figure = leadFigure();
        Element caption = figure == null ? null : figure.selectFirst("figcaption");
        if (caption == null) {
            return null;
        }
        Element copy = caption.clone();
        copy.getAllElements().stream().skip(1)
                .filter(e -> CREDIT_HINT.matcher(e.className()).find())
                .forEach(Element::remove);
        return blankToNull(copy.text());
    }

    String imageCredit() {
        Element figure = leadFigure();
        if (figure == null) {
            return null;
        }
        for (Element e : figure.getAllElements()) {
            if (e != figure && CREDIT_HINT.matcher(e.className()).find() && !e.text().isBlank()) {
                return e.text().strip();
            }
        }
        return null;
    }

    String canonicalUrl() {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        String url = link != null ? link.attr("href") : firstNonBlank(meta("og:url"), ld.url());
        return url == null || url.isBlank() ? null : absolute(url);
    }

    String language() {
        Element html = doc.selectFirst("html");
        String lang = firstNonBlank(html == null ? null : html.attr("lang"),
                ld.language(), meta("og:locale"), meta("content-language"),
                attr("meta[http-equiv=content-language]", "content"));
        return lang == null ? null : lang.strip().replace('_', '-');
    }

    private String absolute(String url) {
        String base = doc.location();
        if (base == null || base.isEmpty() || url.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return url.startsWith("//") ? "https:" + url : url;
        }
        try {
            return java.net.URI.create(base).resolve(url.strip().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException unresolvable) {
            return url;
        }
    }

    /** Content of a meta tag by {@code property}, {@code name} or {@code itemprop}. */
    private String meta(String key) {
        return metas.get(key.toLowerCase(Locale.ROOT));
    }

    private String attr(String css, String attribute) {
        Element e = doc.selectFirst(css);
        return e == null ? null : blankToNull(e.attr(attribute));
    }

    private String firstText(String css) {
        Element e = doc.selectFirst(css);
        return e == null ? null : blankToNull(e.text());
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
