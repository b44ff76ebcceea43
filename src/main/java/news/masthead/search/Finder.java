package news.masthead.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link SearchRequest} against a searcher: turns the reader's words into a query without
 * ever failing on them, ranks with BM25 (Lucene's default) or by date, counts, and highlights.
 */
final class Finder {
    /** Matches are counted exactly up to here; past it the total is a lower bound. */
    static final int COUNT_LIMIT = 1_000;
    /** Words (whitespace-separated chunks) beyond this many are ignored. */
    static final int MAX_WORDS = 20;
    private static final int OPERATORS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS;
    private static final Sort NEWEST = new Sort(LongField.newSortField(Fields.PUBLISHED, true, SortedNumericSelector.Type.MIN));
    private static final String[] HIGHLIGHTED = {Fields.HEADLINE, Fields.BODY};
    private static final int[] PASSAGES = {1, 2};

    private final Analyzer analyzer;

    Finder(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The query for a request: every word must be in the article's text (headline, standfirst, body,
     * authors, tags) and words in the headline add to the score; quoted phrases stay phrases,
     * {@code -word} excludes; everything else in the input (wildcards, fuzzy marks, backslashes,
     * control characters) is just text that the analyzer drops. Section and dates filter without
     * affecting the score.
     */
    Query query(SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        String words = words(request.text());
        if (words.isBlank()) {
            query.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        } else {
            SimpleQueryParser required = new SimpleQueryParser(analyzer, Map.of(Fields.TEXT, 1f), OPERATORS);
            required.setDefaultOperator(BooleanClause.Occur.MUST);
            query.add(required.parse(words), BooleanClause.Occur.MUST);
            SimpleQueryParser headline = new SimpleQueryParser(analyzer, Map.of(Fields.HEADLINE, Fields.HEADLINE_BOOST), OPERATORS);
            headline.setDefaultOperator(BooleanClause.Occur.SHOULD);
            query.add(headline.parse(words), BooleanClause.Occur.SHOULD);
        }
        if (request.section() != null) {
            query.add(KeywordField.newExactQuery(Fields.SECTION, request.section()), BooleanClause.Occur.FILTER);
        }
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : startOf(request.from());
            long to = request.to() == null ? Long.MAX_VALUE : startOf(request.to().plusDays(1)) - 1;
            query.add(LongField.newRangeQuery(Fields.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    /** The typed text with control characters blanked and at most {@link #MAX_WORDS} words. */
    static String words(String text) {
        String cleaned = text.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        String[] chunks = cleaned.split("\\s+");
        return chunks.length <= MAX_WORDS ? cleaned : String.join(" ", Arrays.copyOf(chunks, MAX_WORDS));
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    SearchResults find(IndexSearcher searcher, SearchRequest request) throws IOException {
        Query query = query(request);
        int wanted = request.page() * SearchRequest.PAGE_SIZE;
        boolean byDate = request.order() == SearchRequest.Order.NEWEST || request.text().isBlank();
        TopDocs top = byDate
                ? searcher.search(query, new TopFieldCollectorManager(NEWEST, wanted, COUNT_LIMIT))
                : searcher.search(query, new TopScoreDocCollectorManager(wanted, COUNT_LIMIT));
        int start = (request.page() - 1) * SearchRequest.PAGE_SIZE;
        ScoreDoc[] page = start >= top.scoreDocs.length ? new ScoreDoc[0]
                : Arrays.copyOfRange(top.scoreDocs, start, top.scoreDocs.length);
        List<SearchResults.Hit> hits = hits(searcher, query, top.totalHits, page);
        return new SearchResults(request, hits, top.totalHits.value(),
                top.totalHits.relation() == TotalHits.Relation.EQUAL_TO);
    }

    private List<SearchResults.Hit> hits(IndexSearcher searcher, Query query, TotalHits total, ScoreDoc[] page)
            throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        Map<String, String[]> highlights = highlighter(searcher)
                .highlightFields(HIGHLIGHTED, query, new TopDocs(total, page), PASSAGES);
        StoredFields stored = searcher.storedFields();
        List<SearchResults.Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = stored.document(page[i].doc);
            String headline = doc.get(Fields.HEADLINE);
            String headlineHtml = orEscaped(highlights.get(Fields.HEADLINE)[i], headline);
            String snippetHtml = orEscaped(highlights.get(Fields.BODY)[i], doc.get(Fields.STANDFIRST));
            String authors = doc.get(Fields.AUTHOR_NAMES);
            hits.add(new SearchResults.Hit(Long.parseLong(doc.get(Fields.ID)), doc.get(Fields.PATH), headline, headlineHtml,
                    snippetHtml, doc.get(Fields.SECTION), doc.get(Fields.SECTION_NAME),
                    authors == null || authors.isEmpty() ? List.of() : List.of(authors.split(Fields.LIST_SEPARATOR)),
                    Instant.ofEpochMilli(doc.getField(Fields.PUBLISHED).numericValue().longValue())));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(100_000)
                .withFieldMatcher(queryField -> true) // the words matched "text"; mark them in headline and body
                .build();
    }

    private static String orEscaped(String highlighted, String plain) {
        return highlighted != null ? highlighted : escape(plain == null ? "" : plain);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
