package news.masthead.syndication.feedin;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 GET sent to exactly the address that was checked, never to a name resolved again: the
 * socket connects to {@code address}, while the {@code Host} header, TLS SNI and the certificate check
 * carry the URI's host name. One request per connection ({@code Connection: close}); the body is read
 * with a byte cap (plain, {@code Content-Length} or chunked) and every read bounded by the deadline.
 */
final class PinnedRequest {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_HEADERS = 200;

    /** The answer: status, headers by lower-case name (first value), and the body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The body passed the cap. */
    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("over " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** The total time ran out while connecting, sending or reading. */
    static final class OutOfTime extends IOException {
        OutOfTime() {
            super("out of time");
        }
    }

    private final URI uri;
    private final InetAddress address;
    private final long deadline;
    private final long maxBytes;

    PinnedRequest(URI uri, InetAddress address, long deadlineNanos, long maxBytes) {
        this.uri = uri;
        this.address = address;
        this.deadline = deadlineNanos;
        this.maxBytes = maxBytes;
    }

    Response send(Map<String, String> headers, int connectTimeoutMillis) throws IOException {
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), (int) Math.max(1, Math.min(connectTimeoutMillis, remainingMillis())));
            Socket socket = https ? tls(plain, port) : plain;
            try {
                socket.setSoTimeout(remainingMillis());
                OutputStream out = socket.getOutputStream();
                out.write(requestHead(headers, port, https).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return read(new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024), socket);
            } finally {
                if (socket != plain) {
                    socket.close();
                }
            }
        }
    }

    private Socket tls(Socket plain, int port) throws IOException {
        String host = hostName();
        SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must be for the name, not the address
        if (!isLiteral(host)) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(remainingMillis());
        ssl.startHandshake();
        return ssl;
    }

    private String requestHead(Map<String, String> headers, int port, boolean https) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        boolean defaultPort = port == (https ? 443 : 80);
        StringBuilder head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value.replaceAll("[\\r\\n]", " ")).append("\r\n"));
        return head.append("Connection: close\r\n\r\n").toString();
    }

    private Response read(InputStream in, Socket socket) throws IOException {
        int[] headerBytes = {0};
        String statusLine = line(in, headerBytes, socket);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
            throw new IOException("not an HTTP/1.x answer: " + abbreviate(statusLine));
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int n = 0; ; n++) {
            String line = line(in, headerBytes, socket);
            if (line.isEmpty()) {
                break;
            }
            if (n >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return new Response(status, headers, new byte[0]);
        }
        String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        byte[] body;
        if (encoding.contains("chunked")) {
            body = chunked(in, socket, headerBytes);
        } else if (headers.containsKey("content-length")) {
            long length;
            try {
                length = Long.parseLong(headers.get("content-length").strip());
            } catch (NumberFormatException e) {
                throw new IOException("an unreadable Content-Length: " + abbreviate(headers.get("content-length")));
            }
            if (length > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(length, 1 << 20));
            copy(in, out, length, socket, true);
            body = out.toByteArray();
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy(in, out, Long.MAX_VALUE, socket, false);
            body = out.toByteArray();
        }
        return new Response(status, headers, body);
    }

    private byte[] chunked(InputStream in, Socket socket, int[] lineBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in, lineBytes, socket);
            int semicolon = size.indexOf(';');
            long length;
            try {
                length = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a broken chunked body (chunk size " + abbreviate(size) + ")");
            }
            if (length < 0) {
                throw new IOException("a broken chunked body");
            }
            if (length == 0) {
                while (!line(in, lineBytes, socket).isEmpty()) {
                    // trailers: not used
                }
                return out.toByteArray();
            }
            copy(in, out, length, socket, true);
            line(in, lineBytes, socket);
        }
    }

    /** Copies {@code length} bytes (or to the end), refusing more than the cap in total. */
    private void copy(InputStream in, ByteArrayOutputStream out, long length, Socket socket, boolean exact) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            socket.setSoTimeout(remainingMillis());
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (exact) {
                    throw new IOException("the answer ended early");
                }
                return;
            }
            out.write(buffer, 0, n);
            left -= n;
            if (out.size() > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            checkTime();
        }
    }

    private String line(InputStream in, int[] counted, Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            socket.setSoTimeout(remainingMillis());
            int c = in.read();
            if (c < 0) {
                throw new IOException("the connection closed in the middle of the answer");
            }
            if (++counted[0] > MAX_HEADER_BYTES) {
                throw new IOException("the answer's header is over " + MAX_HEADER_BYTES / 1024 + " KB");
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
    }

    private int remainingMillis() throws OutOfTime {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new OutOfTime();
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
    }

    private void checkTime() throws OutOfTime {
        remainingMillis();
    }

    private String hostName() {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String abbreviate(String s) {
        String clean = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "…";
    }

    /** Socket time-outs surface as {@link OutOfTime} where the deadline is what ran out. */
    static boolean isTimeout(Throwable t) {
        return t instanceof OutOfTime || t instanceof SocketTimeoutException;
    }
}
