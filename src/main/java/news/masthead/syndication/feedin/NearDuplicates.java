package news.masthead.syndication.feedin;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tells when two texts are the same story: a MinHash signature of each text's five-word shingles, whose
 * share of equal positions estimates the Jaccard similarity of the two shingle sets. Wire copy run by two
 * sources with a different headline, an added sentence or a trimmed ending stays far above
 * {@link #THRESHOLD}; two stories on the same topic stay far below it.
 */
final class NearDuplicates {
    static final double THRESHOLD = 0.6;
    static final int SIZE = 64;
    private static final int SHINGLE = 5;
    private static final int MIN_WORDS = 30;

    private NearDuplicates() {
    }

    /** The text's signature, or null when it is too short to compare fairly. */
    static int[] signature(String text) {
        List<String> words = words(text);
        if (words.size() < MIN_WORDS) {
            return null;
        }
        int[] mins = new int[SIZE];
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long base = fnv(String.join(" ", words.subList(i, i + SHINGLE)));
            for (int k = 0; k < SIZE; k++) {
                int h = (int) (mix(base + 0x9E3779B97F4A7C15L * (k + 1)) >>> 33);
                if (h < mins[k]) {
                    mins[k] = h;
                }
            }
        }
        return mins;
    }

    /** The estimated Jaccard similarity of two signatures' texts, 0 to 1. */
    static double similarity(int[] a, int[] b) {
        if (a == null || b == null || a.length != b.length) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    private static List<String> words(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A 64-bit finaliser (the one SplitMix64 uses), so each seed gives an independent-looking hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
