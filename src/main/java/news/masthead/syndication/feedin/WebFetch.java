package news.masthead.syndication.feedin;

import java.net.URI;
import java.time.Duration;

/**
 * The public form of the feed import's safe fetcher, for other features that fetch one thing from an
 * address that came from outside (an image of an imported post, a partner's file): only http(s), every
 * hop's host resolved once, checked and connected to at exactly that address, redirects by hand, a connect
 * timeout, a total timeout and a size cap. Thread-safe; holds no state between calls.
 */
public final class WebFetch {
    /** How far one fetch may go. */
    public record Limits(long maxBytes, Duration connectTimeout, Duration totalTimeout, int maxRedirects) {
        /** 25 MB (the photo library's largest upload), 5 s to connect, 30 s in all, 5 redirects. */
        public static Limits images() {
            return new Limits(25L * 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(30), 5);
        }
    }

    /** What came back: the address after redirects, the body and its declared type (empty when none). */
    public record Fetched(URI uri, byte[] body, String contentType) {
    }

    /** Why nothing came back, in words for a report: refused address, timeout, too large, HTTP status … */
    public static final class Refused extends Exception {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final SafeFetcher fetcher;
    private final long maxBytes;
    private final boolean allowPrivateAddresses;

    /**
     * @param allowPrivateAddresses whether loopback and private addresses may be reached (a source on the
     *                              operator's own network; tests against a local server). Off for anything public.
     */
    public WebFetch(Limits limits, boolean allowPrivateAddresses) {
        this(limits, allowPrivateAddresses, SafeFetcher.Resolver.SYSTEM);
    }

    WebFetch(Limits limits, boolean allowPrivateAddresses, SafeFetcher.Resolver resolver) {
        this(limits, allowPrivateAddresses, resolver, SafeFetcher::isPublic);
    }

    WebFetch(Limits limits, boolean allowPrivateAddresses, SafeFetcher.Resolver resolver,
             java.util.function.Predicate<java.net.InetAddress> isPublic) {
        this.fetcher = new SafeFetcher(new SafeFetcher.Limits(limits.maxBytes(), limits.maxBytes(), limits.connectTimeout(),
                limits.totalTimeout(), limits.maxRedirects()), resolver, isPublic);
        this.maxBytes = limits.maxBytes();
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** GETs {@code url} (following redirects); anything but a 2xx answer with a body under the cap is refused. */
    public Fetched get(String url, String accept) throws Refused {
        try {
            SafeFetcher.Fetched f = fetcher.get(url, allowPrivateAddresses, null, null, accept == null ? "*/*" : accept, maxBytes);
            return new Fetched(f.uri(), f.body(), f.contentType());
        } catch (ImportFailure e) {
            throw new Refused(e.getMessage(), e);
        }
    }
}
