package org.k8sca.kamatera.sim;

import org.k8sca.kamatera.sim.http.HangGate;
import org.k8sca.kamatera.sim.http.Journal;
import org.k8sca.kamatera.sim.http.RecordedRequest;
import org.k8sca.kamatera.sim.http.SimHttpServer;
import org.k8sca.kamatera.sim.http.Sleeper;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Faults;
import org.k8sca.kamatera.sim.knobs.Timings;
import org.k8sca.kamatera.sim.model.Account;
import org.k8sca.kamatera.sim.model.CloudApi;
import org.k8sca.kamatera.sim.model.CommandView;
import org.k8sca.kamatera.sim.model.ServerSetup;
import org.k8sca.kamatera.sim.model.ServerView;

import java.net.URI;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A fake Kamatera cloudcli API over real HTTP, for tests and local runs.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * try (KamateraSimulator sim = KamateraSimulator.builder()
 *         .credentials("client-id", "secret").clock(clock).seed(42).build().start()) {
 *     sim.addServer(ServerSetup.named("ng1-3fa9c02b71e").tags("k8sca-c1", "k8scang-ng1"));
 *     // point the client at sim.baseUrl(); drive commands with clock.advanceSeconds(...)
 *     sim.faults().http500Rate(Endpoint.SERVER_INFO, 0.5);
 *     assertThat(sim.journal().of(Endpoint.CREATE_SERVER)).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Time: every duration (command phases, 404 windows, visibility lag) is measured on the injected
 * clock and commands advance lazily when a request or an inspection call arrives. Only the latency
 * and hang knobs use real time, since they exist to hit a client's HTTP timeout. Randomness (ids,
 * durations, fault draws, IPs, generated passwords) comes from one seeded generator, so a run with
 * the same seed and the same requests is repeatable.
 */
public final class KamateraSimulator implements AutoCloseable {
    private final Builder config;
    private final Account account;
    private final CloudApi api;
    private final Journal journal = new Journal();
    private final HangGate hangGate = new HangGate();
    private SimHttpServer server;

    private KamateraSimulator(Builder b) {
        this.config = b;
        this.account = new Account(b.clock, new Random(b.seed), b.timings, b.faults);
        this.api = new CloudApi(account);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; returns this for chaining. */
    public synchronized KamateraSimulator start() {
        if (server != null) {
            throw new IllegalStateException("simulator already started");
        }
        server =
                SimHttpServer.start(
                        config.host,
                        config.port,
                        api,
                        config.faults,
                        config.credentials,
                        config.clock,
                        journal,
                        hangGate,
                        config.sleeper,
                        config.onReply);
        return this;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("simulator not started");
        }
        String host = server.host().contains(":") ? "[" + server.host() + "]" : server.host();
        return "http://" + host + ":" + server.port();
    }

    public URI baseUri() {
        return URI.create(baseUrl());
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("simulator not started");
        }
        return server.port();
    }

    /** Fault knobs; change them at any time. */
    public Faults faults() {
        return config.faults;
    }

    /** Command timings; changes apply to commands queued afterwards. */
    public Timings timings() {
        return config.timings;
    }

    /** Every server that exists or is being created, after advancing to the clock's now. */
    public List<ServerView> servers() {
        synchronized (account) {
            return account.serverViews();
        }
    }

    /** The server with this exact name, if any (the first one when names repeat). */
    public Optional<ServerView> server(String name) {
        return servers().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every queue command so far, with its status as the queue would answer now. */
    public List<CommandView> commands() {
        synchronized (account) {
            return account.commandViews();
        }
    }

    public Optional<CommandView> command(long id) {
        return commands().stream().filter(c -> c.id() == id).findFirst();
    }

    /** Puts a ready, visible server into the account without a command. */
    public ServerView addServer(ServerSetup setup) {
        synchronized (account) {
            return account.addServer(setup);
        }
    }

    /** Every request received, in order (secrets in headers redacted). */
    public List<RecordedRequest> journal() {
        return journal.all();
    }

    /** Requests received for one endpoint, in order. */
    public List<RecordedRequest> journal(Endpoint endpoint) {
        return journal.of(endpoint);
    }

    /** How many requests an endpoint has received. */
    public int requestCount(Endpoint endpoint) {
        return journal.count(endpoint);
    }

    public void clearJournal() {
        journal.clear();
    }

    /** Lets every request that hangs now (hang knobs) continue. */
    public void releaseHangingRequests() {
        hangGate.releaseAll();
    }

    /** How many requests are hanging right now. */
    public int hangingRequests() {
        return hangGate.waiting();
    }

    /** Stops the server; hanging requests are released. Idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * Configures a simulator. Defaults: 127.0.0.1, port 0, system clock, seed 0, no credentials
     * check.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private InstantSource clock = InstantSource.system();
        private long seed = 0;
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private Timings timings = new Timings();
        private Faults faults = new Faults();
        private Sleeper sleeper = Sleeper.REAL;
        private BiConsumer<RecordedRequest, Integer> onReply = (r, s) -> {};

        private Builder() {}

        /**
         * Accept this {@code AuthClientId}/{@code AuthSecret} pair (call again for more pairs).
         * Without any pair, authentication is not checked.
         */
        public Builder credentials(String clientId, String secret) {
            if (clientId == null || clientId.isEmpty() || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("client id and secret must not be empty");
            }
            credentials.put(clientId, secret);
            return this;
        }

        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Address to bind; 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** Replaces the timings (e.g. {@link Timings#instant()}). */
        public Builder timings(Timings timings) {
            this.timings = Objects.requireNonNull(timings, "timings");
            return this;
        }

        /** Adjusts the timings in place. */
        public Builder timings(Consumer<Timings> change) {
            change.accept(timings);
            return this;
        }

        /** Uses this knob set (it stays live: later changes to it apply at once). */
        public Builder faults(Faults faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /** Sets fault knobs before start. */
        public Builder faults(Consumer<Faults> change) {
            change.accept(faults);
            return this;
        }

        /** How latency knobs wait (real sleep by default). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Called after each reply with the request and its status (the standalone runner logs it).
         */
        public Builder onReply(BiConsumer<RecordedRequest, Integer> listener) {
            this.onReply = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public KamateraSimulator build() {
            return new KamateraSimulator(this);
        }
    }
}
