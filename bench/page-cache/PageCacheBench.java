import io.javalin.Javalin;
import news.masthead.platform.cache.PageCache;
import news.masthead.platform.cache.Rendered;
import news.masthead.platform.metrics.Metrics;
import news.masthead.platform.web.SecurityHeaders;

import java.util.Set;

/**
 * A node's request path without the database: Javalin configured as Masthead configures it (virtual
 * threads, security headers, request timing) serving one 21 KB page through the page cache, and the
 * same bytes through a naive {@code ctx.result(bytes)} route for comparison. Prints the port.
 */
public class PageCacheBench {
    public static void main(String[] args) throws Exception {
        byte[] page = ("<!doctype html><html lang=en><title>Bench</title><main><article><h1>Headline</h1>"
                + "<p>Paragraph of an article with some words that repeat but not entirely, number ").repeat(1)
                .getBytes();
        StringBuilder html = new StringBuilder();
        for (int i = 0; html.length() < 21_000; i++) {
            html.append("<p>Paragraph ").append(i).append(" of the article: the council met on Tuesday and voted ")
                    .append(i * 7919 % 1000).append(" to ").append(i % 13).append(".</p>\n");
        }
        byte[] body = html.toString().getBytes();
        PageCache cache = new PageCache();
        Metrics metrics = new Metrics(null, ctx -> false);
        metrics.watch(cache);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.generateEtags = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.port = Integer.parseInt(args.length > 0 ? args[0] : "0");
            config.routes.before(SecurityHeaders::apply);
            metrics.install(config);
            config.routes.get("/cached", ctx -> cache.getOrRender(ctx, PageCache.key(ctx, "anonymous"), Set.of("home"),
                    () -> Rendered.of("text/html; charset=utf-8", body)));
            config.routes.get("/naive", ctx -> ctx.contentType("text/html; charset=utf-8").result(body));
        }).start();
        System.out.println("PORT " + app.port() + " BYTES " + body.length);
        Thread.currentThread().join();
    }
}
