package org.theforeman.operator.common.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * The operator's side port: {@code /healthz} (the process is alive and serving), {@code /readyz}
 * ({@link Readiness}), {@code /metrics} (Prometheus text format). Uses the JDK's HTTP server: three
 * tiny endpoints do not justify a web framework in every operator image.
 */
public final class SideServer implements AutoCloseable {
    /** The answer to /readyz: a status and a one-line explanation. */
    public record Readiness(boolean ready, String detail) {}

    private final HttpServer server;

    private SideServer(HttpServer server) {
        this.server = server;
    }

    public static SideServer start(int port, Supplier<Readiness> readiness, PrometheusMeterRegistry registry) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (IOException e) {
            throw new StartupException(
                    "cannot listen on side port " + port + " for /healthz, /readyz and /metrics: " + e.getMessage());
        }
        server.createContext("/healthz", exchange -> respond(exchange, 200, "text/plain", "ok\n"));
        server.createContext("/readyz", exchange -> {
            Readiness r = readiness.get();
            respond(exchange, r.ready() ? 200 : 503, "text/plain", r.detail() + "\n");
        });
        server.createContext(
                "/metrics",
                exchange -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        server.setExecutor(Executors.newFixedThreadPool(2, daemonThreads()));
        server.start();
        return new SideServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI()
                    .getPath()
                    .equals(exchange.getHttpContext().getPath())) {
                status = 404;
                body = "not found\n";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "side-port");
            thread.setDaemon(true);
            return thread;
        };
    }
}
