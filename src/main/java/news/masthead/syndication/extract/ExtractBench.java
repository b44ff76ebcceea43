package news.masthead.syndication.extract;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Throughput of {@link ArticleExtractor} alone, without JVM start-up, JIT warm-up or file
 * reading: loads every page of a folder into memory, runs warm-up passes, then times N passes
 * on one thread and prints pages per second. Usage: {@code ExtractBench DIR [PASSES]}.
 */
public final class ExtractBench {

    private static final int WARMUP_PASSES = 5;

    private ExtractBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ExtractBench DIR [PASSES]");
            System.exit(2);
        }
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> pages = load(Path.of(args[0]));
        if (pages.isEmpty()) {
            System.err.println("ExtractBench: no .html or .html.gz pages in " + args[0]);
            System.exit(1);
        }
        ArticleExtractor extractor = new ArticleExtractor();
        long sink = 0;
        for (int i = 0; i < WARMUP_PASSES; i++) {
            sink += pass(extractor, pages);
        }
        // CPU time of this thread as well as wall time: on a shared machine the wall clock also
        // counts the time other processes held the core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = threads.getCurrentThreadCpuTime();
        long startProcessCpu = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < passes; i++) {
            sink += pass(extractor, pages);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
        double processCpuSeconds = (processCpuNanos() - startProcessCpu) / 1e9;
        double total = pages.size() * (double) passes;
        System.out.printf("pages %d, passes %d, wall-seconds %.2f, pages/s %.1f, thread-cpu-seconds %.2f,"
                + " pages/thread-cpu-s %.1f, process-cpu-seconds %.2f, pages/process-cpu-s %.1f (checksum %d)%n",
                pages.size(), passes, seconds, total / seconds, cpuSeconds, total / cpuSeconds,
                processCpuSeconds, total / processCpuSeconds, sink % 1000);
    }

    /** CPU time of the whole JVM (extraction thread, GC, JIT), or 0 where the platform hides it. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long pass(ArticleExtractor extractor, List<String> pages) {
        long chars = 0;
        for (String html : pages) {
            chars += extractor.extract(html, null).text().length(); // use the result so no work is elided
        }
        return chars;
    }

    private static List<String> load(Path dir) throws IOException {
        PageReader reader = new PageReader();
        List<String> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".html") || name.endsWith(".html.gz")) {
                    pages.add(reader.read(file));
                }
            }
        }
        return pages;
    }
}
