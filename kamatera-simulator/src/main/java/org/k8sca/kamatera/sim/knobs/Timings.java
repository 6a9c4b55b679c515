package org.k8sca.kamatera.sim.knobs;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How long commands take. All times are measured on the simulator's injected clock, so a test with
 * a manual clock drives commands to completion without sleeping.
 *
 * <p>A command stays in the first in-flight status ({@code pending}) for the pending delay, then
 * runs for its kind's duration, walking through the remaining in-flight statuses ({@code
 * progress}), then ends in {@code complete}, {@code error} or {@code cancelled}. Defaults follow
 * the API spec's proposals (§4): create 90–180 s, power on/off 10–30 s, reboot 20–40 s, terminate
 * 15–60 s, pending 0–2 s.
 *
 * <p>Thread-safe; changes apply to commands started afterwards.
 */
public final class Timings {
    private DurationRange pendingDelay;
    private final Map<CommandKind, DurationRange> durations = new EnumMap<>(CommandKind.class);
    private List<String> inFlightStatuses;
    private boolean showCreatingServers;
    private ZoneId timestampZone;

    public Timings() {
        pendingDelay = DurationRange.ofSeconds(0, 2);
        durations.put(CommandKind.CREATE, DurationRange.ofSeconds(90, 180));
        durations.put(CommandKind.POWER_ON, DurationRange.ofSeconds(10, 30));
        durations.put(CommandKind.POWER_OFF, DurationRange.ofSeconds(10, 30));
        durations.put(CommandKind.REBOOT, DurationRange.ofSeconds(20, 40));
        durations.put(CommandKind.TERMINATE, DurationRange.ofSeconds(15, 60));
        inFlightStatuses = List.of("pending", "progress");
        showCreatingServers = false;
        timestampZone = ZoneOffset.UTC;
    }

    /**
     * Timings where every command is complete as soon as it is queued (no pending, no duration).
     */
    public static Timings instant() {
        Timings t = new Timings();
        t.pendingDelay(DurationRange.ZERO);
        for (CommandKind k : CommandKind.values()) {
            t.duration(k, DurationRange.ZERO);
        }
        return t;
    }

    public synchronized DurationRange pendingDelay() {
        return pendingDelay;
    }

    /** How long a new command stays in its first status before it starts executing. */
    public synchronized Timings pendingDelay(DurationRange range) {
        pendingDelay = Objects.requireNonNull(range, "range");
        return this;
    }

    public synchronized DurationRange duration(CommandKind kind) {
        return durations.get(kind);
    }

    /** How long a command of this kind executes (after its pending delay). */
    public synchronized Timings duration(CommandKind kind, DurationRange range) {
        durations.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(range, "range"));
        return this;
    }

    /** Sets every command kind's duration. */
    public synchronized Timings allDurations(DurationRange range) {
        for (CommandKind k : CommandKind.values()) {
            duration(k, range);
        }
        return this;
    }

    public synchronized List<String> inFlightStatuses() {
        return inFlightStatuses;
    }

    /**
     * The non-terminal statuses a command walks through, in order; the first lasts for the pending
     * delay, the rest share the execution time. Default {@code [pending, progress]}; the real API
     * has also shown {@code initializing}, {@code started}, {@code executing}.
     */
    public synchronized Timings inFlightStatuses(List<String> statuses) {
        if (statuses == null || statuses.isEmpty()) {
            throw new IllegalArgumentException("in-flight statuses must name at least one status");
        }
        for (String s : statuses) {
            if (s.equals("complete") || s.equals("error") || s.equals("cancelled")) {
                throw new IllegalArgumentException(
                        "in-flight statuses must not contain the terminal status '" + s + "'");
            }
        }
        inFlightStatuses = List.copyOf(statuses);
        return this;
    }

    public synchronized boolean showCreatingServers() {
        return showCreatingServers;
    }

    /**
     * Whether a server being created is listed (with power {@code off}) before its create command
     * completes. Unknown on the real API; default false (it appears on completion).
     */
    public synchronized Timings showCreatingServers(boolean show) {
        showCreatingServers = show;
        return this;
    }

    public synchronized ZoneId timestampZone() {
        return timestampZone;
    }

    /**
     * Time zone of queue timestamps ({@code added}, {@code executed}, {@code completed}); default
     * UTC.
     */
    public synchronized Timings timestampZone(ZoneId zone) {
        timestampZone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /** Convenience: the default duration of a fixed number of seconds for one kind. */
    public Timings durationSeconds(CommandKind kind, long seconds) {
        return duration(kind, DurationRange.fixed(Duration.ofSeconds(seconds)));
    }
}
