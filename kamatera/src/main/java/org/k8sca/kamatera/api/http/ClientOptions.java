package org.k8sca.kamatera.api.http;

import org.k8sca.kamatera.api.ApiCallListener;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Tuning of the Kamatera HTTP client. {@link #defaults()} gives upstream's retry schedule (5
 * attempts, sleeps of 2, 4, 8, 16 s) with bounds upstream lacks.
 *
 * @param maxAttempts HTTP attempts per call at most (create always makes one)
 * @param backoffBase the sleep before attempt n+1 is {@code backoffBase * 2^n}, capped at {@code
 *     backoffMax}
 * @param attemptTimeout timeout of one HTTP request (connect, send, response)
 * @param callDeadline bound on the total time of one call including retries and sleeps
 * @param createTimeout timeout (and deadline) of the single create request
 * @param connectTimeout TCP connect timeout
 * @param requestsPerSecond client-side rate limit; 0 disables it
 * @param burst how many requests may go at once before the rate limit applies
 * @param queueNotFoundGrace a queue 404 for a command this client issued less than this long ago
 *     means "not registered yet" (pending)
 * @param queueBatchSize most command ids asked for in one queue request
 * @param userAgent the {@code User-Agent} header
 * @param clock time for deadlines, latencies, rate limiting and the 404 grace
 * @param sleeper waits for backoff and rate limiting
 * @param listener metrics hook
 */
public record ClientOptions(
        int maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        Duration attemptTimeout,
        Duration callDeadline,
        Duration createTimeout,
        Duration connectTimeout,
        double requestsPerSecond,
        int burst,
        Duration queueNotFoundGrace,
        int queueBatchSize,
        String userAgent,
        InstantSource clock,
        Sleeper sleeper,
        ApiCallListener listener) {

    public ClientOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (queueBatchSize < 1) {
            throw new IllegalArgumentException(
                    "queueBatchSize must be at least 1, got " + queueBatchSize);
        }
        if (requestsPerSecond > 0 && burst < 1) {
            throw new IllegalArgumentException(
                    "burst must be at least 1 when rate limiting, got " + burst);
        }
        requirePositive(attemptTimeout, "attemptTimeout");
        requirePositive(callDeadline, "callDeadline");
        requirePositive(createTimeout, "createTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(queueNotFoundGrace, "queueNotFoundGrace");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(listener, "listener");
    }

    public static ClientOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The default {@code User-Agent}: {@code kamatera-autoscaler/<version>}. */
    public static String defaultUserAgent() {
        String version = ClientOptions.class.getPackage().getImplementationVersion();
        return "kamatera-autoscaler/" + (version == null ? "dev" : version);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Builder with upstream-compatible defaults. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration backoffBase = Duration.ofSeconds(1);
        private Duration backoffMax = Duration.ofSeconds(30);
        private Duration attemptTimeout = Duration.ofSeconds(60);
        private Duration callDeadline = Duration.ofMinutes(3);
        private Duration createTimeout = Duration.ofMinutes(5);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private double requestsPerSecond = 10;
        private int burst = 20;
        private Duration queueNotFoundGrace = Duration.ofMinutes(2);
        private int queueBatchSize = 50;
        private String userAgent = defaultUserAgent();
        private InstantSource clock = InstantSource.system();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private ApiCallListener listener = ApiCallListener.NONE;

        private Builder() {}

        private Builder(ClientOptions from) {
            maxAttempts = from.maxAttempts;
            backoffBase = from.backoffBase;
            backoffMax = from.backoffMax;
            attemptTimeout = from.attemptTimeout;
            callDeadline = from.callDeadline;
            createTimeout = from.createTimeout;
            connectTimeout = from.connectTimeout;
            requestsPerSecond = from.requestsPerSecond;
            burst = from.burst;
            queueNotFoundGrace = from.queueNotFoundGrace;
            queueBatchSize = from.queueBatchSize;
            userAgent = from.userAgent;
            clock = from.clock;
            sleeper = from.sleeper;
            listener = from.listener;
        }

        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        public Builder backoffBase(Duration value) {
            backoffBase = value;
            return this;
        }

        public Builder backoffMax(Duration value) {
            backoffMax = value;
            return this;
        }

        public Builder attemptTimeout(Duration value) {
            attemptTimeout = value;
            return this;
        }

        public Builder callDeadline(Duration value) {
            callDeadline = value;
            return this;
        }

        public Builder createTimeout(Duration value) {
            createTimeout = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        /** Requests per second and burst; a rate of 0 disables client-side rate limiting. */
        public Builder rateLimit(double perSecond, int burstSize) {
            requestsPerSecond = perSecond;
            burst = burstSize;
            return this;
        }

        public Builder queueNotFoundGrace(Duration value) {
            queueNotFoundGrace = value;
            return this;
        }

        public Builder queueBatchSize(int value) {
            queueBatchSize = value;
            return this;
        }

        public Builder userAgent(String value) {
            userAgent = value;
            return this;
        }

        public Builder clock(InstantSource value) {
            clock = value;
            return this;
        }

        public Builder sleeper(Sleeper value) {
            sleeper = value;
            return this;
        }

        public Builder listener(ApiCallListener value) {
            listener = value;
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(
                    maxAttempts,
                    backoffBase,
                    backoffMax,
                    attemptTimeout,
                    callDeadline,
                    createTimeout,
                    connectTimeout,
                    requestsPerSecond,
                    burst,
                    queueNotFoundGrace,
                    queueBatchSize,
                    userAgent,
                    clock,
                    sleeper,
                    listener);
        }
    }
}
