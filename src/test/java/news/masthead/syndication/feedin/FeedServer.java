package news.masthead.syndication.feedin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A web server on 127.0.0.1 for feed import tests: each path answers what the test put there. Documents
 * carry an ETag and honour {@code If-None-Match} with a 304; every request is remembered.
 */
final class FeedServer implements AutoCloseable {
    /** What one path answers. */
    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                requests.add(path + (exchange.getRequestHeaders().containsKey("If-None-Match") ? " (conditional)" : ""));
                Answer answer = answers.get(path);
                if (answer == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    answer.answer(exchange);
                }
            } catch (IOException e) {
                // the client went away (timeouts, size limits): nothing to answer
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void on(String path, Answer answer) {
        answers.put(path, answer);
    }

    /** A document with an ETag made from its bytes. */
    void document(String path, String contentType, byte[] body) {
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
        on(path, ex -> {
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().add("ETag", etag);
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.getResponseHeaders().add("ETag", etag);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
    }

    void document(String path, String contentType, String body) {
        document(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    void status(String path, int status, String... headers) {
        on(path, ex -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                ex.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            ex.sendResponseHeaders(status, -1);
        });
    }

    long conditionalRequests(String path) {
        return requests.stream().filter(r -> r.equals(path + " (conditional)")).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
