package news.masthead.platform.cache;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Rendered public pages kept in memory per (path with its significant query, variant), each with a
 * strong ETag and a gzip copy made once. A hit is a map lookup and a write of bytes that already
 * exist, with header values worked out when the page was stored.
 *
 * <p>Pages are dropped by surrogate key ({@code article:42}, {@code section:world}, {@code home},
 * {@code feeds}) when the {@link InvalidationBus} says their content changed, and the least recently
 * served ones go when the cache outgrows its byte budget. A page rendered while an invalidation ran
 * is served but not kept, so a slow render of old content cannot outlive the change.
 */
public final class PageCache implements InvalidationBus.Listener {
    public static final long DEFAULT_MAX_BYTES = 128L * 1024 * 1024;
    public static final String DEFAULT_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

    private final ConcurrentHashMap<String, CachedPage> pages = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    /** Bumped by every invalidation; a render that straddles one is not stored. */
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final Object evicting = new Object();
    private final long maxBytes;
    private final String cacheControl;

    public PageCache() {
        this(DEFAULT_MAX_BYTES, DEFAULT_CACHE_CONTROL);
    }

    /**
     * @param maxBytes     budget for bodies, gzip copies and keys together
     * @param cacheControl what shared pages tell browsers and CDNs
     */
    public PageCache(long maxBytes, String cacheControl) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.cacheControl = cacheControl;
    }

    /**
     * The cache key of the current request for one variant. Only the named query parameters count
     * (sorted, re-encoded); the handler must ignore every other one, so {@code ?utm_source=…} or a
     * random cache-buster cannot multiply entries. Repeated and trailing slashes do not count either.
     */
    public static String key(Context ctx, String variant, String... significantParams) {
        StringBuilder key = new StringBuilder(64).append(variant).append('|').append(normalizePath(ctx.path()));
        if (significantParams.length > 0) {
            String[] names = significantParams.clone();
            Arrays.sort(names);
            char separator = '?';
            for (String name : names) {
                for (String value : ctx.queryParams(name)) {
                    key.append(separator).append(encode(name)).append('=').append(encode(value));
                    separator = '&';
                }
            }
        }
        return key.toString();
    }

    static String normalizePath(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The cached page, or null. Counts neither a hit nor a miss. */
    public CachedPage get(String key) {
        return pages.get(key);
    }

    /** Stores a page (replacing any under the same key) and returns it. */
    public CachedPage put(String key, String contentType, byte[] body, Set<String> surrogateKeys) {
        CachedPage page = page(key, Rendered.of(contentType, body), surrogateKeys);
        store(page, generation.get());
        return page;
    }

    /**
     * Serves the cached page for {@code key}, rendering and storing it first on a miss. A site
     * handler's one line: {@code cache.getOrRender(ctx, PageCache.key(ctx, variant), Set.of("home"), () -> Rendered.html(...))}.
     * A render that throws (a 404, say) is not cached and reaches the error pages as usual.
     */
    public CachedPage getOrRender(Context ctx, String key, Set<String> surrogateKeys, Supplier<Rendered> render) {
        CachedPage page = lookup(key);
        if (page == null) {
            long before = generation();
            page = keep(key, render.get(), surrogateKeys, before);
        }
        serve(ctx, page);
        return page;
    }

    /** The cached page for a request, counting a hit or a miss; null on a miss. */
    public CachedPage lookup(String key) {
        CachedPage page = pages.get(key);
        if (page != null) {
            hits.increment();
            page.lastUsed = System.nanoTime();
        } else {
            misses.increment();
        }
        return page;
    }

    /** The invalidation generation; read it before rendering and hand it to {@link #keep}. */
    public long generation() {
        return generation.get();
    }

    /**
     * Stores a page rendered after a miss whose surrogate keys are known only once it is rendered;
     * it is not kept (but still returned for serving) when an invalidation ran since {@code generationBefore}.
     */
    public CachedPage keep(String key, Rendered rendered, Set<String> surrogateKeys, long generationBefore) {
        CachedPage page = page(key, rendered, surrogateKeys);
        store(page, generationBefore);
        return page;
    }

    /**
     * Writes the page: 304 when {@code If-None-Match} names it, the gzip copy when the client takes
     * gzip, with ETag, Cache-Control, Vary and Surrogate-Key, straight to the servlet response.
     */
    public void serve(Context ctx, CachedPage page) {
        HttpServletRequest req = ctx.req();
        HttpServletResponse res = ctx.res();
        boolean gzip = page.gzip != null && Encodings.acceptsGzip(req.getHeader("Accept-Encoding"));
        res.setHeader("ETag", gzip ? page.gzipEtag : page.etag);
        res.setHeader("Cache-Control", page.cacheControl);
        res.setHeader("Vary", page.vary);
        if (!page.surrogateHeader.isEmpty()) {
            res.setHeader("Surrogate-Key", page.surrogateHeader);
        }
        String ifNoneMatch = req.getHeader("If-None-Match");
        if (ifNoneMatch != null && Encodings.matchesAny(ifNoneMatch, page.etag, page.gzipEtag)) {
            res.setStatus(304);
            return;
        }
        byte[] bytes = gzip ? page.gzip : page.body;
        res.setStatus(200);
        res.setContentType(page.contentType);
        if (gzip) {
            res.setHeader("Content-Encoding", "gzip");
        }
        res.setContentLength(bytes.length);
        if ("HEAD".equals(req.getMethod())) {
            return;
        }
        try {
            res.getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops every page carrying {@code surrogateKey}. */
    @Override
    public void invalidate(String surrogateKey) {
        generation.incrementAndGet();
        for (CachedPage page : pages.values()) {
            if (page.surrogateKeys.contains(surrogateKey)) {
                remove(page);
            }
        }
    }

    /** Drops every page. */
    @Override
    public void invalidateAll() {
        generation.incrementAndGet();
        for (CachedPage page : pages.values()) {
            remove(page);
        }
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long evictions() {
        return evictions.sum();
    }

    public int size() {
        return pages.size();
    }

    /** Bytes held: bodies, gzip copies and keys, roughly. */
    public long bytes() {
        return bytes.get();
    }

    public long maxBytes() {
        return maxBytes;
    }

    private CachedPage page(String key, Rendered rendered, Set<String> surrogateKeys) {
        for (String surrogateKey : surrogateKeys) {
            SurrogateKeys.check(surrogateKey);
        }
        return new CachedPage(key, rendered, surrogateKeys, cacheControl);
    }

    private void store(CachedPage page, long generationBefore) {
        if (page.weight > maxBytes || generation.get() != generationBefore) {
            return;
        }
        CachedPage old = pages.put(page.key, page);
        bytes.addAndGet(page.weight - (old == null ? 0 : old.weight));
        if (generation.get() != generationBefore) {
            // an invalidation ran while we stored: it may have missed this page
            remove(page);
            return;
        }
        if (bytes.get() > maxBytes) {
            evict();
        }
    }

    private void remove(CachedPage page) {
        if (pages.remove(page.key, page)) {
            bytes.addAndGet(-page.weight);
        }
    }

    /** Drops the least recently served pages until the cache is back under 90 % of its budget. */
    private void evict() {
        synchronized (evicting) {
            if (bytes.get() <= maxBytes) {
                return;
            }
            List<CachedPage> oldestFirst = new ArrayList<>(pages.values());
            oldestFirst.sort(Comparator.comparingLong(p -> p.lastUsed));
            long target = maxBytes - maxBytes / 10;
            for (CachedPage page : oldestFirst) {
                if (bytes.get() <= target) {
                    break;
                }
                if (pages.remove(page.key, page)) {
                    bytes.addAndGet(-page.weight);
                    evictions.increment();
                }
            }
        }
    }
}
