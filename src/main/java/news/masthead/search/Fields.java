package news.masthead.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;


/**
 * The index's fields and how an {@link IndexedArticle} becomes a Lucene document. Every word a reader
 * may look for (headline, standfirst, body, authors, tags) goes into one analyzed {@code text} field,
 * which the query requires; the headline is also indexed on its own so that a headline match adds to
 * the score. One field to match keeps multi-word AND queries a plain conjunction, Lucene's fastest
 * case. Headline, standfirst and body are stored so results and snippets come from the index alone.
 */
final class Fields {
    static final String ID = "id";
    static final String PATH = "path";
    static final String TEXT = "text";
    static final String HEADLINE = "headline";
    static final String STANDFIRST = "standfirst";
    static final String BODY = "body";
    static final String AUTHOR_NAMES = "author_names";
    static final String SECTION = "section";
    static final String SECTION_NAME = "section_name";
    static final String PUBLISHED = "published";

    /** How much a headline match adds, relative to a match anywhere in the text. */
    static final float HEADLINE_BOOST = 2f;

    /** Separates the authors in their stored field. */
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
        doc.add(new StoredField(STANDFIRST, a.standfirst()));
        doc.add(new StoredField(BODY, a.body()));
        doc.add(new TextField(TEXT, a.headline(), Field.Store.NO));
        doc.add(new TextField(TEXT, a.standfirst(), Field.Store.NO));
        doc.add(new TextField(TEXT, a.body(), Field.Store.NO));
        for (String author : a.authors()) {
            doc.add(new TextField(TEXT, author, Field.Store.NO));
        }
        for (String tag : a.tags()) {
            doc.add(new TextField(TEXT, tag, Field.Store.NO));
        }
        doc.add(new StoredField(AUTHOR_NAMES, String.join(LIST_SEPARATOR, a.authors())));
        doc.add(new KeywordField(SECTION, a.sectionSlug(), Field.Store.YES));
        doc.add(new StoredField(SECTION_NAME, a.sectionName()));
        doc.add(new LongField(PUBLISHED, a.published().toEpochMilli(), Field.Store.YES));
        return doc;
    }
}
