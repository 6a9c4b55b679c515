package org.k8sca.kamatera.sim.http;

import com.sun.net.httpserver.HttpServer;

import org.k8sca.kamatera.sim.knobs.Faults;
import org.k8sca.kamatera.sim.model.CloudApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The JDK {@code HttpServer} serving the simulated API. Each request runs on its own daemon thread,
 * so hanging or slow requests never block the others.
 */
public final class SimHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final HangGate hangGate;

    private SimHttpServer(HttpServer server, ExecutorService executor, HangGate hangGate) {
        this.server = server;
        this.executor = executor;
        this.hangGate = hangGate;
    }

    /** Binds and starts the server; port 0 picks a free port. */
    public static SimHttpServer start(
            String host,
            int port,
            CloudApi api,
            Faults faults,
            Map<String, String> credentials,
            InstantSource clock,
            Journal journal,
            HangGate hangGate,
            Sleeper sleeper,
            BiConsumer<RecordedRequest, Integer> onReply) {
        // Without TCP_NODELAY the body segment waits for the client's delayed ACK of the headers
        // (~40 ms per request). The JDK reads this property once, when its first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "kamatera-sim-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext(
                "/",
                new ApiHandler(
                        api, faults, credentials, clock, journal, hangGate, sleeper, onReply));
        server.start();
        return new SimHttpServer(server, executor, hangGate);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String host() {
        return server.getAddress().getHostString();
    }

    /** Releases hanging requests, stops listening and ends the request threads. */
    @Override
    public void close() {
        hangGate.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
