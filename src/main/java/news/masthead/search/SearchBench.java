package news.masthead.search;

import org.apache.lucene.analysis.Analyzer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The search benchmark ({@code bench/search/run}): synthetic English-like articles, words drawn
 * from a fixed vocabulary with a Zipf distribution, indexed through the production code
 * ({@link Fields#document} via {@link Generation}), then queried through {@link Finder#find} — the
 * same path as the search page, highlighting included — for rare, common and multi-word queries.
 *
 * <p>Usage: {@code SearchBench ARTICLES INDEX_DIR}
 */
public final class SearchBench {
    private static final int VOCABULARY = 60_000;
    private static final String[] FUNCTION_WORDS = {"the", "of", "and", "a", "to", "in", "is", "that", "for", "it",
            "was", "on", "with", "as", "by", "at", "from", "has", "have", "said", "will", "its", "their", "after"};
    private static final String[] SYLLABLES = {"ba", "ca", "da", "fe", "ge", "hi", "jo", "ka", "lu", "ma", "ne", "po",
            "ra", "si", "ta", "vo", "wi", "ze", "bro", "cla", "dre", "fli", "gro", "pla", "str", "tre", "mon", "len",
            "ver", "tor", "pen", "sol", "mar", "kin", "dal", "rus", "nel", "bor", "quin", "shaw"};
    private static final String[] SECTIONS = {"world", "politics", "business", "science", "culture", "sport", "opinion", "local"};
    private static final int WARM_UP = 300;
    private static final int MEASURED = 1000;

    private final String[] words = new String[VOCABULARY];
    private final double[] cumulative = new double[VOCABULARY];

    private SearchBench() {
        SplittableRandom random = new SplittableRandom(7);
        java.util.Set<String> seen = new java.util.HashSet<>(Arrays.asList(FUNCTION_WORDS));
        for (int i = 0; i < VOCABULARY; i++) {
            String w;
            do {
                StringBuilder b = new StringBuilder();
                int n = 2 + random.nextInt(3);
                for (int s = 0; s < n; s++) {
                    b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                w = b.toString();
            } while (!seen.add(w));
            words[i] = w;
        }
        double sum = 0;
        for (int r = 0; r < VOCABULARY; r++) {
            sum += 1.0 / Math.pow(r + 1, 1.05);
            cumulative[r] = sum;
        }
        for (int r = 0; r < VOCABULARY; r++) {
            cumulative[r] /= sum;
        }
    }

    private String word(SplittableRandom random) {
        if (random.nextInt(10) < 3) {
            return FUNCTION_WORDS[random.nextInt(FUNCTION_WORDS.length)];
        }
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return words[i < 0 ? Math.min(-i - 1, VOCABULARY - 1) : i];
    }

    private String text(SplittableRandom random, int count, boolean sentences) {
        StringBuilder b = new StringBuilder(count * 8);
        for (int i = 0; i < count; i++) {
            String w = word(random);
            if (sentences && (i == 0 || b.charAt(b.length() - 2) == '.')) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            b.append(w);
            b.append(sentences && random.nextInt(14) == 0 ? ". " : " ");
        }
        return b.toString().strip() + (sentences ? "." : "");
    }

    private IndexedArticle article(long id) {
        SplittableRandom random = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
        List<String> authors = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            authors.add("Author " + words[1000 + random.nextInt(500)]);
        }
        List<String> tags = List.of(words[200 + random.nextInt(300)], words[200 + random.nextInt(300)]);
        String section = SECTIONS[random.nextInt(SECTIONS.length)];
        Instant published = Instant.parse("2021-01-01T00:00:00Z").plusSeconds(random.nextLong(5L * 365 * 86400));
        return new IndexedArticle(id, "/" + section + "/a-" + id, text(random, 6 + random.nextInt(6), false),
                text(random, 15 + random.nextInt(15), true), text(random, 150 + random.nextInt(150), true), authors, tags,
                section, section, published);
    }

    public static void main(String[] args) throws Exception {
        int articles = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        new SearchBench().run(articles, dir);
    }

    private void run(int articles, Path dir) throws Exception {
        Analyzer analyzer = Analysis.forLanguage("en");
        Files.createDirectories(dir);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        try (Generation generation = Generation.create(dir.resolve("gen-1"), analyzer)) {
            index(generation, articles);
            generation.commit(0);
            generation.refresh();
            double indexSeconds = (System.nanoTime() - t0) / 1e9;
            double indexCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long bytes = size(dir);
            Finder finder = new Finder(analyzer);
            System.out.printf(Locale.ROOT, "%nsearch benchmark: %,d articles (%d processors)%n", articles,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "load average before: %s%n", loadBefore);
            System.out.printf(Locale.ROOT, "indexing: %.1f s wall, %.1f s CPU (%,.0f articles/s), index size %,.0f MB, %d segments%n",
                    indexSeconds, indexCpu, articles / indexSeconds, bytes / 1e6,
                    generation.withSearcher(s -> s.getIndexReader().leaves().size()));
            System.out.printf(Locale.ROOT, "%-22s %8s %8s %8s %8s %12s%n", "query (1 page, top 10)", "p50 ms", "p95 ms",
                    "p99 ms", "max ms", "mean hits");
            measure(generation, finder, "rare word", r -> words[20_000 + r.nextInt(VOCABULARY - 20_000)]);
            measure(generation, finder, "mid word", r -> words[500 + r.nextInt(4_500)]);
            measure(generation, finder, "common word", r -> words[r.nextInt(30)]);
            measure(generation, finder, "2 words AND", r -> words[20 + r.nextInt(2_000)] + " " + words[20 + r.nextInt(2_000)]);
            measure(generation, finder, "3 words AND", r -> words[r.nextInt(300)] + " " + words[r.nextInt(300)] + " "
                    + words[r.nextInt(300)]);
            measure(generation, finder, "common, newest first", r -> "newest:" + words[r.nextInt(30)]);
            System.out.printf(Locale.ROOT, "load average after: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    private void index(Generation generation, int articles) throws Exception {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicLong next = new AtomicLong(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (long id = next.getAndIncrement(); id <= articles; id = next.getAndIncrement()) {
                        generation.add(article(id));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    private interface QueryText {
        String next(SplittableRandom random);
    }

    private void measure(Generation generation, Finder finder, String label, QueryText queries) throws IOException {
        SplittableRandom random = new SplittableRandom(label.hashCode());
        for (int i = 0; i < WARM_UP; i++) {
            run(generation, finder, queries.next(random));
        }
        long[] nanos = new long[MEASURED];
        long hits = 0;
        for (int i = 0; i < MEASURED; i++) {
            String q = queries.next(random);
            long start = System.nanoTime();
            hits += run(generation, finder, q);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-22s %8.2f %8.2f %8.2f %8.2f %12s%n", label, ms(nanos[MEASURED / 2]),
                ms(nanos[MEASURED * 95 / 100]), ms(nanos[MEASURED * 99 / 100]), ms(nanos[MEASURED - 1]),
                String.format(Locale.ROOT, "%,d", hits / MEASURED));
    }

    private static long run(Generation generation, Finder finder, String q) throws IOException {
        boolean newest = q.startsWith("newest:");
        SearchRequest request = new SearchRequest(newest ? q.substring(7) : q, null, null, null,
                newest ? SearchRequest.Order.NEWEST : SearchRequest.Order.RELEVANCE, 1);
        return generation.withSearcher(s -> finder.find(s, request)).total();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
