package org.k8sca.kamatera.api.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A tiny scripted HTTP server on 127.0.0.1 (ephemeral port) for exact wire shapes: it records every
 * request (method, path with raw query, headers, body) and answers from per-path scripts. A path
 * without a script answers 599 so a forgotten script fails loudly.
 */
final class StubKamateraServer implements AutoCloseable {

    /** A recorded request; header names are lower case. */
    record Recorded(
            String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A scripted answer; {@code hang} makes the handler block until the server closes. */
    record Reply(int status, String body, Map<String, String> headers, boolean hang) {
        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"), false);
        }

        static Reply ok(String body) {
            return json(200, body);
        }

        static Reply text(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "text/plain"), false);
        }

        static Reply hanging() {
            return new Reply(200, "", Map.of(), true);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> all = new HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all, hang);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new ArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private final Map<String, Function<Recorded, Reply>> handlers = new HashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    StubKamateraServer() throws IOException {
        // Without TCP_NODELAY the JDK server adds ~40 ms per response (Nagle + delayed ACK).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Answers the next requests to {@code path} (without query) with these replies, in order; the
     * last repeats; replaces a handler.
     */
    synchronized StubKamateraServer script(String path, Reply... replies) {
        handlers.remove(path);
        scripts.put(path, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    /**
     * Answers every request to {@code path} (without query) with a function of the request;
     * replaces a script.
     */
    synchronized StubKamateraServer handler(String path, Function<Recorded, Reply> handler) {
        scripts.remove(path);
        handlers.put(path, handler);
        return this;
    }

    synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Recorded> requests(String path) {
        return requests.stream()
                .filter(r -> r.pathAndQuery().split("\\?")[0].equals(path))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach(
                            (name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Recorded recorded =
                    new Recorded(
                            exchange.getRequestMethod(),
                            query == null ? path : path + "?" + query,
                            headers,
                            body);
            Reply reply = nextReply(path, recorded);
            if (reply.hang()) {
                closed.await(30, TimeUnit.SECONDS);
                return;
            }
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Reply nextReply(String path, Recorded recorded) {
        requests.add(recorded);
        Function<Recorded, Reply> handler = handlers.get(path);
        if (handler != null) {
            return handler.apply(recorded);
        }
        Deque<Reply> script = scripts.get(path);
        if (script == null || script.isEmpty()) {
            return Reply.text(599, "no script for " + path);
        }
        return script.size() > 1 ? script.poll() : script.peek();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
