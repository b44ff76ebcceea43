package news.masthead.syndication;

import news.masthead.newsroom.ArticleSummary;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The sitemaps.org documents (index and URL sets) and the Google News sitemap, streamed with StAX so
 * every value is escaped.
 */
final class SitemapWriter {
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private SitemapWriter() {
    }

    /** A {@code <loc>} with its optional {@code <lastmod>}. */
    record Entry(String loc, Instant lastModified) {
    }

    static byte[] index(List<Entry> sitemaps) {
        return document(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (Entry e : sitemaps) {
                w.writeStartElement("sitemap");
                element(w, "loc", e.loc());
                if (e.lastModified() != null) {
                    element(w, "lastmod", w3c(e.lastModified()));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    static byte[] urlset(List<Entry> urls) {
        return document(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (Entry e : urls) {
                w.writeStartElement("url");
                element(w, "loc", e.loc());
                if (e.lastModified() != null) {
                    element(w, "lastmod", w3c(e.lastModified()));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    static byte[] news(String baseUrl, FeedPublication publication, List<ArticleSummary> articles) {
        return document(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            w.writeNamespace("news", NEWS_NS);
            for (ArticleSummary a : articles) {
                w.writeStartElement("url");
                element(w, "loc", baseUrl + a.path());
                w.writeStartElement("news", "news", NEWS_NS);
                w.writeStartElement("news", "publication", NEWS_NS);
                w.writeStartElement("news", "name", NEWS_NS);
                w.writeCharacters(publication.name());
                w.writeEndElement();
                w.writeStartElement("news", "language", NEWS_NS);
                w.writeCharacters(newsLanguage(publication.language()));
                w.writeEndElement();
                w.writeEndElement();
                w.writeStartElement("news", "publication_date", NEWS_NS);
                w.writeCharacters(w3c(a.published()));
                w.writeEndElement();
                w.writeStartElement("news", "title", NEWS_NS);
                w.writeCharacters(a.headline());
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** Google News wants an ISO 639 code, except zh-cn and zh-tw for Chinese. */
    static String newsLanguage(String bcp47) {
        Locale locale = Locale.forLanguageTag(bcp47);
        String language = locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
        if (language.equals("zh")) {
            boolean traditional = locale.getScript().equals("Hant") || List.of("TW", "HK", "MO").contains(locale.getCountry());
            return traditional ? "zh-tw" : "zh-cn";
        }
        return language;
    }

    /** W3C datetime with seconds and a UTC designator: {@code 2026-11-20T09:00:00Z}. */
    static String w3c(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static byte[] document(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write a sitemap", e);
        }
        return out.toByteArray();
    }
}
