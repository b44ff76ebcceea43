package news.masthead.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;

import java.util.Map;

/**
 * The index's fields and how an {@link IndexedArticle} becomes a Lucene document. Text fields are
 * analyzed with the site's language ({@link Analysis}); headline, standfirst and body are stored so
 * results and highlighted snippets come from the index alone, without a database round trip.
 */
final class Fields {
    static final String ID = "id";
    static final String PATH = "path";
    static final String HEADLINE = "headline";
    static final String STANDFIRST = "standfirst";
    static final String BODY = "body";
    static final String AUTHORS = "authors";
    static final String AUTHOR_NAMES = "author_names";
    static final String TAGS = "tags";
    static final String SECTION = "section";
    static final String SECTION_NAME = "section_name";
    static final String PUBLISHED = "published";

    /** Query-time weights: a headline match counts most, a body mention least. */
    static final Map<String, Float> WEIGHTS = Map.of(HEADLINE, 4f, STANDFIRST, 2f, TAGS, 2f, AUTHORS, 2f, BODY, 1f);

    /** Separates the authors (and tags) in their stored field. */
    static final String LIST_SEPARATOR = "\u001f";

    private Fields() {
    }

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    static Document document(IndexedArticle a) {
        Document doc = new Document();
        doc.add(new KeywordField(ID, Long.toString(a.id()), Field.Store.YES));
        doc.add(new StoredField(PATH, a.path()));
        doc.add(new TextField(HEADLINE, a.headline(), Field.Store.YES));
        doc.add(new TextField(STANDFIRST, a.standfirst(), Field.Store.YES));
        doc.add(new TextField(BODY, a.body(), Field.Store.YES));
        for (String author : a.authors()) {
            doc.add(new TextField(AUTHORS, author, Field.Store.NO));
        }
        doc.add(new StoredField(AUTHOR_NAMES, String.join(LIST_SEPARATOR, a.authors())));
        for (String tag : a.tags()) {
            doc.add(new TextField(TAGS, tag, Field.Store.NO));
        }
        doc.add(new KeywordField(SECTION, a.sectionSlug(), Field.Store.YES));
        doc.add(new StoredField(SECTION_NAME, a.sectionName()));
        doc.add(new LongField(PUBLISHED, a.published().toEpochMilli(), Field.Store.YES));
        return doc;
    }
}
