package org.k8sca.testkit.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import org.k8sca.app.http.ListenAddress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the status page on {@code /status} ({@code /} redirects there) with the JDK's HTTP server
 * and one daemon thread: one viewer, a request every few seconds.
 */
final class StatusServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Binds at once, so that a taken port fails before the demo starts.
     *
     * @throws UncheckedIOException naming the address when it cannot be bound
     */
    StatusServer(ListenAddress address, HttpHandler statusPage) {
        try {
            server = HttpServer.create(address.socketAddress(), 8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot serve the status page on --address "
                            + address.host()
                            + ":"
                            + address.port()
                            + ": "
                            + e.getMessage(),
                    e);
        }
        executor =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "sandbox-status-page");
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/status", statusPage);
        server.createContext("/", StatusServer::redirectRoot);
        server.start();
    }

    /** The page's URL, with the real port; a wildcard address is shown as localhost. */
    String url() {
        InetSocketAddress bound = server.getAddress();
        InetAddress ip = bound.getAddress();
        String host;
        if (ip == null || ip.isAnyLocalAddress()) {
            host = "localhost";
        } else if (ip.getHostAddress().contains(":")) {
            host = "[" + ip.getHostAddress() + "]";
        } else {
            host = ip.getHostAddress();
        }
        return "http://" + host + ":" + bound.getPort() + "/status";
    }

    private static void redirectRoot(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Location", "/status");
            exchange.sendResponseHeaders(302, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
