package org.k8sca.kamatera.sim.knobs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Fault-injection knobs (API spec §6.3 plus a few behaviour switches of §6.2). Everything is off by
 * default, so a fresh simulator behaves like a healthy API. Thread-safe: tests may change knobs at
 * any time; each request reads the knobs when it arrives. Rates are probabilities in [0, 1], drawn
 * from the simulator's seeded random generator (only when the rate is above 0).
 */
public final class Faults {
    private final Map<Endpoint, Double> http500Rate = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Double> gatewayRate = new EnumMap<>(Endpoint.class);
    private int gatewayStatus = 504;
    private final Map<Endpoint, Duration> latency = new EnumMap<>(Endpoint.class);
    private final Set<Endpoint> hang = EnumSet.noneOf(Endpoint.class);
    private final Map<Endpoint, Deque<InjectedResponse>> nextResponses =
            new EnumMap<>(Endpoint.class);
    private CreateFailureMode createAcceptedButErrored;
    private double createAcceptedButErroredRate;
    private double commandErrorRate;
    private double commandCancelRate;
    private String commandErrorMessage = "error occured, issue reported (117)";
    private final Map<CommandKind, Deque<InjectedOutcome>> nextOutcomes =
            new EnumMap<>(CommandKind.class);
    private Duration queue404Window = Duration.ZERO;
    private QueueBadShape queueBadShape;
    private boolean listPassthroughErrorBody;
    private NameCollisionSuffix nameCollisionSuffix = NameCollisionSuffix.OFF;
    private DurationRange visibilityLag = DurationRange.ZERO;
    private Quota quota = Quota.UNLIMITED;
    private boolean legacyTagKeys;
    private int fanOutFailureAt;
    private int authFailureStatus = 500;
    private boolean authListPassthrough;
    private TerminateWithoutForce terminateWithoutForce = TerminateWithoutForce.COMMAND_ERROR;

    /** Turns every knob back to its default (healthy) value and forgets queued injections. */
    public synchronized Faults reset() {
        http500Rate.clear();
        gatewayRate.clear();
        gatewayStatus = 504;
        latency.clear();
        hang.clear();
        nextResponses.clear();
        createAcceptedButErrored = null;
        createAcceptedButErroredRate = 0;
        commandErrorRate = 0;
        commandCancelRate = 0;
        commandErrorMessage = "error occured, issue reported (117)";
        nextOutcomes.clear();
        queue404Window = Duration.ZERO;
        queueBadShape = null;
        listPassthroughErrorBody = false;
        nameCollisionSuffix = NameCollisionSuffix.OFF;
        visibilityLag = DurationRange.ZERO;
        quota = Quota.UNLIMITED;
        legacyTagKeys = false;
        fanOutFailureAt = 0;
        authFailureStatus = 500;
        authListPassthrough = false;
        terminateWithoutForce = TerminateWithoutForce.COMMAND_ERROR;
        return this;
    }

    // ---- request-level faults ----

    /**
     * Rate of HTTP 500 {@code {"message":"Failed to run command method (<method>)"}} on an
     * endpoint.
     */
    public synchronized Faults http500Rate(Endpoint endpoint, double rate) {
        http500Rate.put(
                Objects.requireNonNull(endpoint, "endpoint"), checkRate("http500 rate", rate));
        return this;
    }

    /** Sets the HTTP 500 rate on every endpoint. */
    public synchronized Faults http500Rate(double rate) {
        for (Endpoint e : Endpoint.values()) {
            http500Rate(e, rate);
        }
        return this;
    }

    public synchronized double http500Rate(Endpoint endpoint) {
        return http500Rate.getOrDefault(endpoint, 0.0);
    }

    /** Rate of gateway failures (status {@link #gatewayStatus()}, non-JSON body) on an endpoint. */
    public synchronized Faults gatewayRate(Endpoint endpoint, double rate) {
        gatewayRate.put(
                Objects.requireNonNull(endpoint, "endpoint"), checkRate("gateway rate", rate));
        return this;
    }

    /** Sets the gateway failure rate on every endpoint. */
    public synchronized Faults gatewayRate(double rate) {
        for (Endpoint e : Endpoint.values()) {
            gatewayRate(e, rate);
        }
        return this;
    }

    public synchronized double gatewayRate(Endpoint endpoint) {
        return gatewayRate.getOrDefault(endpoint, 0.0);
    }

    /** 502 (body {@code Bad Gateway}) or 504 (body {@code Gateway Timeout}, default). */
    public synchronized Faults gatewayStatus(int status) {
        if (status != 502 && status != 504) {
            throw new IllegalArgumentException("gateway status must be 502 or 504, not " + status);
        }
        gatewayStatus = status;
        return this;
    }

    public synchronized int gatewayStatus() {
        return gatewayStatus;
    }

    /**
     * Delay before an endpoint answers, in real (wall-clock) time, because it is meant to hit the
     * client's HTTP timeout. Zero turns it off.
     */
    public synchronized Faults latency(Endpoint endpoint, Duration delay) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (delay == null || delay.isZero()) {
            latency.remove(endpoint);
        } else if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        } else {
            latency.put(endpoint, delay);
        }
        return this;
    }

    public synchronized Duration latency(Endpoint endpoint) {
        return latency.getOrDefault(endpoint, Duration.ZERO);
    }

    /**
     * Makes requests to an endpoint hang (after doing their work, so a hanging create still creates
     * its server) until {@code releaseHangingRequests()} or close; they then answer normally.
     */
    public synchronized Faults hang(Endpoint endpoint, boolean on) {
        if (on) {
            hang.add(Objects.requireNonNull(endpoint, "endpoint"));
        } else {
            hang.remove(endpoint);
        }
        return this;
    }

    public synchronized boolean hang(Endpoint endpoint) {
        return hang.contains(endpoint);
    }

    /** The next {@code times} requests to the endpoint get exactly this status and body. */
    public synchronized Faults failNext(Endpoint endpoint, int times, int status, String body) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0");
        }
        InjectedResponse r = new InjectedResponse(status, body);
        Deque<InjectedResponse> q =
                nextResponses.computeIfAbsent(
                        Objects.requireNonNull(endpoint, "endpoint"), e -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(r);
        }
        return this;
    }

    /** Takes the next queued injected response for the endpoint, if any. */
    public synchronized Optional<InjectedResponse> takeNextResponse(Endpoint endpoint) {
        Deque<InjectedResponse> q = nextResponses.get(endpoint);
        return q == null ? Optional.empty() : Optional.ofNullable(q.poll());
    }

    /**
     * Creates that succeed on the simulator (the server is created) but answer with an error or
     * hang. {@code null} mode turns it off.
     */
    public synchronized Faults createAcceptedButErrored(CreateFailureMode mode, double rate) {
        createAcceptedButErrored = mode;
        createAcceptedButErroredRate =
                mode == null ? 0 : checkRate("createAcceptedButErrored rate", rate);
        return this;
    }

    public synchronized Optional<CreateFailureMode> createAcceptedButErroredMode() {
        return Optional.ofNullable(createAcceptedButErrored);
    }

    public synchronized double createAcceptedButErroredRate() {
        return createAcceptedButErroredRate;
    }

    /** HTTP status of an authentication failure: 500 (default) or 401. */
    public synchronized Faults authFailureStatus(int status) {
        if (status != 500 && status != 401) {
            throw new IllegalArgumentException(
                    "auth failure status must be 500 or 401, not " + status);
        }
        authFailureStatus = status;
        return this;
    }

    public synchronized int authFailureStatus() {
        return authFailureStatus;
    }

    /**
     * On auth failure, {@code GET /service/servers} answers 200 with the backend's error JSON
     * (Q12).
     */
    public synchronized Faults authListPassthrough(boolean on) {
        authListPassthrough = on;
        return this;
    }

    public synchronized boolean authListPassthrough() {
        return authListPassthrough;
    }

    // ---- command-level faults ----

    /** Rate of commands ending in {@code error} (log ends with {@link #commandErrorMessage()}). */
    public synchronized Faults commandErrorRate(double rate) {
        commandErrorRate = checkRate("command error rate", rate);
        return this;
    }

    public synchronized double commandErrorRate() {
        return commandErrorRate;
    }

    /** Rate of commands ending in {@code cancelled}. */
    public synchronized Faults commandCancelRate(double rate) {
        commandCancelRate = checkRate("command cancel rate", rate);
        return this;
    }

    public synchronized double commandCancelRate() {
        return commandCancelRate;
    }

    /** Text appended to the log of a randomly failed command. */
    public synchronized Faults commandErrorMessage(String message) {
        commandErrorMessage = Objects.requireNonNull(message, "message");
        return this;
    }

    public synchronized String commandErrorMessage() {
        return commandErrorMessage;
    }

    /**
     * The next {@code times} commands of this kind end in {@code status} with {@code message} in
     * the log.
     */
    public synchronized Faults failNextCommands(
            CommandKind kind, int times, String status, String message) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0");
        }
        InjectedOutcome o = new InjectedOutcome(status, message);
        Deque<InjectedOutcome> q =
                nextOutcomes.computeIfAbsent(
                        Objects.requireNonNull(kind, "kind"), k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(o);
        }
        return this;
    }

    public synchronized Optional<InjectedOutcome> takeNextOutcome(CommandKind kind) {
        Deque<InjectedOutcome> q = nextOutcomes.get(kind);
        return q == null ? Optional.empty() : Optional.ofNullable(q.poll());
    }

    /** For this long after a command is queued, the queue endpoint answers 404 for it (B3). */
    public synchronized Faults queue404Window(Duration window) {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("queue 404 window must be >= 0");
        }
        queue404Window = window;
        return this;
    }

    public synchronized Duration queue404Window() {
        return queue404Window;
    }

    /** Every queue answer becomes this malformed 200 body; {@code null} turns it off. */
    public synchronized Faults queueBadShape(QueueBadShape shape) {
        queueBadShape = shape;
        return this;
    }

    public synchronized Optional<QueueBadShape> queueBadShape() {
        return Optional.ofNullable(queueBadShape);
    }

    /**
     * {@code GET /service/servers} answers 200 {@code {"errors":[{"code":1,"info":"…"}]}} (Q12).
     */
    public synchronized Faults listPassthroughErrorBody(boolean on) {
        listPassthroughErrorBody = on;
        return this;
    }

    public synchronized boolean listPassthroughErrorBody() {
        return listPassthroughErrorBody;
    }

    /** Suffix given to a new server whose name is taken (B6). */
    public synchronized Faults nameCollisionSuffix(NameCollisionSuffix suffix) {
        nameCollisionSuffix = Objects.requireNonNull(suffix, "suffix");
        return this;
    }

    public synchronized NameCollisionSuffix nameCollisionSuffix() {
        return nameCollisionSuffix;
    }

    /**
     * How long after a command completes its effect shows in list and info (a new server appears,
     * power flips, a terminated server disappears). Drawn per command. On the injected clock.
     */
    public synchronized Faults visibilityLag(DurationRange lag) {
        visibilityLag = Objects.requireNonNull(lag, "lag");
        return this;
    }

    public synchronized DurationRange visibilityLag() {
        return visibilityLag;
    }

    /** Account limits (B13). */
    public synchronized Faults quota(Quota q) {
        quota = Objects.requireNonNull(q, "quota");
        return this;
    }

    public synchronized Quota quota() {
        return quota;
    }

    /** Tags answer with the pre-2024-09 keys {@code "server id"} and {@code "tag name"}. */
    public synchronized Faults legacyTagKeys(boolean on) {
        legacyTagKeys = on;
        return this;
    }

    public synchronized boolean legacyTagKeys() {
        return legacyTagKeys;
    }

    /**
     * Partial fan-out failure (B12): power and terminate fail with HTTP 500 on the k-th matched
     * server (1-based), after commands for servers 1..k-1 were started. 0 turns it off.
     */
    public synchronized Faults fanOutFailureAt(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("fan-out failure position must be >= 0");
        }
        fanOutFailureAt = k;
        return this;
    }

    public synchronized int fanOutFailureAt() {
        return fanOutFailureAt;
    }

    /** What terminate without force does to a powered-on server (B8). */
    public synchronized Faults terminateWithoutForce(TerminateWithoutForce mode) {
        terminateWithoutForce = Objects.requireNonNull(mode, "mode");
        return this;
    }

    public synchronized TerminateWithoutForce terminateWithoutForce() {
        return terminateWithoutForce;
    }

    private static double checkRate(String what, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, not " + rate);
        }
        return rate;
    }
}
