package news.masthead.syndication.feedin;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Outbound GETs to addresses that come from outside (feed URLs, item links, images) without letting them
 * reach inside: only http and https; every host, including each redirect's, resolved <em>once</em>, refused
 * when any of its addresses is loopback, private, link-local, multicast, unique-local or otherwise not public
 * (unless the source is marked internal), and then connected to at exactly the address that was checked
 * ({@link PinnedRequest}: the {@code Host} header, TLS SNI and the certificate check still carry the name),
 * so a DNS server that answers differently the second time (rebinding) gains nothing; redirects followed by
 * hand (at most {@link Limits#maxRedirects()}); a connect timeout, a total timeout and a streaming size
 * limit; an honest User-Agent; conditional GET headers. Holds no state between calls: one instance may be
 * used by many threads at once.
 */
final class SafeFetcher {
    static final String USER_AGENT = "Masthead/0.1 (feed import; +https://masthead.news/bot)";

    /** How far one fetch may go. */
    record Limits(long maxFeedBytes, long maxPageBytes, Duration connectTimeout, Duration totalTimeout, int maxRedirects) {
        static Limits standard() {
            return new Limits(10L * 1024 * 1024, 5L * 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(20), 5);
        }
    }

    /** What came back: the final address after redirects, the body (empty on 304) and the caching headers. */
    record Fetched(int status, URI uri, byte[] body, String contentType, String etag, String lastModified) {
        boolean notModified() {
            return status == 304;
        }
    }

    /** Host name to addresses; the system's DNS in production, a fixed table in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = InetAddress::getAllByName;
    }

    private final Limits limits;
    private final Resolver resolver;
    private final java.util.function.Predicate<InetAddress> isPublic;

    SafeFetcher(Limits limits) {
        this(limits, Resolver.SYSTEM);
    }

    SafeFetcher(Limits limits, Resolver resolver) {
        this(limits, resolver, SafeFetcher::isPublic);
    }

    /** {@code isPublic} lets a test stand a local server in for a public host; production uses {@link #isPublic(InetAddress)}. */
    SafeFetcher(Limits limits, Resolver resolver, java.util.function.Predicate<InetAddress> isPublic) {
        this.limits = limits;
        this.resolver = resolver;
        this.isPublic = isPublic;
    }

    Limits limits() {
        return limits;
    }

    /**
     * Fetches {@code url}, following redirects; a 304 comes back as such, any other status but 2xx fails.
     *
     * @param internal whether private and loopback addresses are allowed (a source explicitly marked internal)
     */
    Fetched get(String url, boolean internal, String etag, String lastModified, String accept, long maxBytes) throws ImportFailure {
        URI uri = parse(url);
        Set<URI> seen = new HashSet<>();
        long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
        for (int hop = 0; ; hop++) {
            InetAddress address = checked(uri, internal);
            if (!seen.add(uri)) {
                throw new ImportFailure("Redirect loop: " + uri + " redirects back to itself.");
            }
            remaining(deadline, uri);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("User-Agent", USER_AGENT);
            headers.put("Accept", accept);
            headers.put("Accept-Encoding", "identity");
            if (hop == 0 && etag != null && !etag.isBlank()) {
                headers.put("If-None-Match", etag);
            }
            if (hop == 0 && lastModified != null && !lastModified.isBlank()) {
                headers.put("If-Modified-Since", lastModified);
            }
            PinnedRequest.Response response = send(new PinnedRequest(uri, address, deadline, maxBytes), headers, uri);
            int status = response.status();
            if (status >= 300 && status < 400 && status != 304) {
                URI from = uri;
                String location = response.header("Location");
                if (location == null || location.isBlank()) {
                    throw new ImportFailure(from + " answered " + status + " without saying where to go.");
                }
                if (hop + 1 > limits.maxRedirects()) {
                    throw new ImportFailure("Too many redirects (more than " + limits.maxRedirects() + ") from " + url + ".");
                }
                uri = resolve(uri, location);
                continue;
            }
            if (status == 429 || status == 503) {
                throw new ImportFailure(uri + " answered " + status + (status == 429 ? " (too many requests)" : " (unavailable)")
                        + "; we will wait before asking again.", retryAfter(response.header("Retry-After")), null);
            }
            if (status != 304 && (status < 200 || status > 299)) {
                throw ImportFailure.answered(status, uri + " answered HTTP " + status + ".");
            }
            return new Fetched(status, uri, response.body(), Objects.requireNonNullElse(response.header("Content-Type"), ""),
                    response.header("ETag"), response.header("Last-Modified"));
        }
    }

    private PinnedRequest.Response send(PinnedRequest request, Map<String, String> headers, URI uri) throws ImportFailure {
        try {
            return request.send(headers, (int) Math.min(Integer.MAX_VALUE, limits.connectTimeout().toMillis()));
        } catch (PinnedRequest.TooLarge tooLarge) {
            throw new ImportFailure(uri + " is too large (over " + tooLarge.limit / 1024 + " KB).", tooLarge);
        } catch (SocketTimeoutException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
                throw new ImportFailure("Could not connect to " + uri.getHost() + " within "
                        + limits.connectTimeout().toSeconds() + " s.", e);
            }
            throw new ImportFailure("Timed out after " + limits.totalTimeout().toSeconds() + " s fetching " + uri + ".", e);
        } catch (PinnedRequest.OutOfTime e) {
            throw new ImportFailure("Timed out after " + limits.totalTimeout().toSeconds() + " s fetching " + uri + ".", e);
        } catch (ConnectException e) {
            throw new ImportFailure("Could not connect to " + uri.getHost() + " (connection refused).", e);
        } catch (javax.net.ssl.SSLException e) {
            throw new ImportFailure("The secure connection to " + uri.getHost() + " failed (" + e.getMessage() + ").", e);
        } catch (java.io.IOException e) {
            throw new ImportFailure("Fetching " + uri + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "") + ".", e);
        }
    }

    private Duration remaining(long deadline, URI uri) throws ImportFailure {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new ImportFailure("Timed out after " + limits.totalTimeout().toSeconds() + " s fetching " + uri + ".");
        }
        return Duration.ofNanos(nanos);
    }

    static URI parse(String url) throws ImportFailure {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            if (!uri.isAbsolute()) {
                throw new ImportFailure("Not a full web address: " + url);
            }
            return uri.normalize();
        } catch (java.net.URISyntaxException e) {
            throw new ImportFailure("Not a valid web address: " + url, e);
        }
    }

    private static URI resolve(URI base, String location) throws ImportFailure {
        try {
            return base.resolve(new URI(location.strip())).normalize();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new ImportFailure(base + " redirects to an invalid address: " + location, e);
        }
    }

    /** Refuses schemes other than http(s), user info, and hosts that resolve to non-public addresses. */
    static void check(URI uri, boolean internal) throws ImportFailure {
        addressFor(uri, internal, Resolver.SYSTEM, SafeFetcher::isPublic);
    }

    /** The one address this fetch will connect to for {@code uri}: resolved once, every answer checked. */
    InetAddress checked(URI uri, boolean internal) throws ImportFailure {
        return addressFor(uri, internal, resolver, isPublic);
    }

    private static InetAddress addressFor(URI uri, boolean internal, Resolver resolver,
                                          java.util.function.Predicate<InetAddress> isPublic) throws ImportFailure {
        requireWebAddress(uri);
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new ImportFailure("The host " + host + " does not exist (DNS lookup failed).", e);
        }
        if (addresses == null || addresses.length == 0) {
            throw new ImportFailure("The host " + host + " does not exist (DNS gave no address).");
        }
        if (!internal) {
            for (InetAddress address : addresses) {
                if (!isPublic.test(address)) {
                    throw new ImportFailure("Refused: " + host + " resolves to " + address.getHostAddress()
                            + ", a private, loopback or reserved address. Mark the source internal if it really lives on your network.");
                }
            }
        }
        return addresses[0];
    }

    /** An absolute http(s) address with a host and no user name or password; no lookup. */
    static void requireWebAddress(URI uri) throws ImportFailure {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ImportFailure("Only http and https addresses are fetched, not " + (scheme.isEmpty() ? "this" : scheme + ":") + " (" + uri + ").");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ImportFailure("The address " + uri + " has no host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ImportFailure("Addresses with a user name or password are not fetched (" + uri.getHost() + ").");
        }
    }

    /** Whether an address is on the public internet (not loopback, private, link-local, multicast, unique-local, reserved). */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10 old site-local
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
                return isPublicV4(new byte[]{b[12], b[13], b[14], b[15]}); // IPv4-compatible and IPv4-mapped
            }
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
                return isPublicV4(new byte[]{b[12], b[13], b[14], b[15]}); // 64:ff9b::/96 NAT64
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return isPublicV4(new byte[]{b[2], b[3], b[4], b[5]}); // 2002::/16 6to4
            }
            return !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8); // 2001:db8::/32 documentation
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return !(a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
                || (a0 == 100 && a1 >= 64 && a1 <= 127)    // carrier-grade NAT
                || (a0 == 169 && a1 == 254)                // link-local (cloud metadata)
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0)
                || (a0 == 198 && (a1 == 18 || a1 == 19)));  // benchmarking
    }

    private static Duration retryAfter(String header) {
        String value = header == null ? "" : header.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(java.time.Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException unreadable) {
                return null; // an unreadable Retry-After is treated as absent: the normal backoff applies
            }
        }
    }
}
