package org.k8sca.app.snapshot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code GET /snapshot}: the live snapshot as JSON. The HTTP server starts before the autoscaler's
 * parts exist, so until {@link #source} is set the answer is 503; other methods get 405.
 */
public final class SnapshotHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotHandler.class);

    private final AtomicReference<Supplier<String>> source = new AtomicReference<>();

    /** Where snapshots come from from now on (the JSON of {@link LiveSnapshot#json}). */
    public void source(Supplier<String> snapshot) {
        source.set(snapshot);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                answer(
                        exchange,
                        405,
                        "text/plain; charset=utf-8",
                        "only GET is allowed on /snapshot\n");
                return;
            }
            Supplier<String> s = source.get();
            if (s == null) {
                answer(
                        exchange,
                        503,
                        "text/plain; charset=utf-8",
                        "no snapshot yet: the autoscaler is still starting\n");
                return;
            }
            String body;
            try {
                body = s.get();
            } catch (RuntimeException e) {
                LOG.warn("Could not write the debugging snapshot", e);
                answer(
                        exchange,
                        500,
                        "text/plain; charset=utf-8",
                        "could not write the snapshot: " + e.getMessage() + "\n");
                return;
            }
            answer(exchange, 200, "application/json", body);
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String text)
            throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
