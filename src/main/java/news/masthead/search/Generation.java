package news.masthead.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One open copy of the index (a directory under {@code <data-dir>/search}): its single writer and
 * the near-real-time searchers over it. The id of the last applied outbox entry travels in each
 * commit's user data, so a restart resumes exactly where the last commit left off.
 */
final class Generation implements Closeable {
    static final String APPLIED = "masthead.outbox.applied";

    final String name;
    private final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;

    private Generation(String name, Directory directory, IndexWriter writer) throws IOException {
        this.name = name;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens an existing index; fails if it is missing or unreadable. */
    static Generation open(Path dir, Analyzer analyzer) throws IOException {
        Directory directory = FSDirectory.open(dir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new IOException("No index in " + dir);
            }
            IndexWriter writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.APPEND));
            try {
                return new Generation(dir.getFileName().toString(), directory, writer);
            } catch (IOException | RuntimeException e) {
                IOUtils.closeWhileHandlingException(writer);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
    }

    /** A new, empty index in {@code dir}. */
    static Generation create(Path dir, Analyzer analyzer) throws IOException {
        Directory directory = FSDirectory.open(dir);
        IndexWriterConfig config = config(analyzer, IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(128);
        return new Generation(dir.getFileName().toString(), directory, new IndexWriter(directory, config));
    }

    /** An empty index in memory: what searches see until the first real one is ready. */
    static Generation empty(Analyzer analyzer) throws IOException {
        Directory directory = new ByteBuffersDirectory();
        return new Generation("", directory, new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE)));
    }

    private static IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer).setOpenMode(mode).setCommitOnClose(false);
    }

    boolean inMemory() {
        return name.isEmpty();
    }

    /** The outbox id recorded by the last commit (0 for a new index). */
    long committedApplied() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(APPLIED)) {
                    return Long.parseLong(e.getValue());
                }
            }
        }
        return 0;
    }

    void upsert(IndexedArticle article) throws IOException {
        writer.updateDocument(Fields.idTerm(article.id()), Fields.document(article));
    }

    /** Adds an article known not to be in the index yet (a fresh generation being built). */
    void add(IndexedArticle article) throws IOException {
        writer.addDocument(Fields.document(article));
    }

    void delete(long articleId) throws IOException {
        writer.deleteDocuments(Fields.idTerm(articleId));
    }

    /** Makes what was written visible to searches (near-real-time, no fsync). */
    void refresh() throws IOException {
        searchers.maybeRefresh();
    }

    /** Durably records the documents and, with them, the outbox id they reflect. */
    void commit(long applied) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(APPLIED, Long.toString(applied));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** Runs {@code work} on a current searcher and gives the searcher back afterwards. */
    <T> T withSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(searchers, writer, directory);
    }
}
