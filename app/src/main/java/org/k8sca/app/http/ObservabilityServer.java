package org.k8sca.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server on {@code --address}, serving {@code /metrics} and {@code /health-check},
 * plus any handler added before {@link #start} (e.g. a debug endpoint). Two daemon threads: scrapes
 * and probes are small and rare.
 */
public final class ObservabilityServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private boolean started;

    /** Binds the port at once (so a taken port fails early); serves only after {@link #start}. */
    public ObservabilityServer(
            ListenAddress address, PrometheusRegistry registry, HealthCheck health) {
        try {
            server = HttpServer.create(address.socketAddress(), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on --address "
                            + address.host()
                            + ":"
                            + address.port()
                            + ": "
                            + e.getMessage(),
                    e);
        }
        AtomicInteger n = new AtomicInteger();
        executor =
                Executors.newFixedThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "http-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/metrics", new MetricsHandler(registry));
        server.createContext("/health-check", exchange -> answerHealth(exchange, health));
    }

    /** Adds {@code handler} on {@code path}; only before {@link #start}. */
    public synchronized ObservabilityServer handle(String path, HttpHandler handler) {
        if (started) {
            throw new IllegalStateException("add handlers before starting the HTTP server");
        }
        server.createContext(path, handler);
        return this;
    }

    public synchronized void start() {
        if (!started) {
            server.start();
            started = true;
        }
    }

    /** The bound address (the real port when {@code --address} asked for port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void answerHealth(HttpExchange exchange, HealthCheck health) throws IOException {
        try (exchange) {
            HealthCheck.Verdict v = health.check();
            byte[] body = v.message().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(v.healthy() ? 200 : 500, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
