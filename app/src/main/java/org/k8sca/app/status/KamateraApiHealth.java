package org.k8sca.app.status;

import org.k8sca.app.status.StatusModel.ApiError;
import org.k8sca.app.status.StatusModel.ApiHealth;
import org.k8sca.app.status.StatusModel.EndpointHealth;
import org.k8sca.kamatera.api.ApiCallListener;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.Outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts the Kamatera client's logical calls per endpoint, in one-minute buckets over the last
 * {@link #WINDOW_MINUTES} minutes, and remembers each endpoint's last failure. Fed by the client's
 * {@link ApiCallListener} on its own threads and read by the page's HTTP threads, hence the
 * synchronization. Times come from the injected clock.
 */
final class KamateraApiHealth implements ApiCallListener {

    static final int WINDOW_MINUTES = 15;

    private final Clock clock;
    private final Map<Endpoint, Counts> byEndpoint = new EnumMap<>(Endpoint.class);

    KamateraApiHealth(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void onCall(CallEvent event) {
        Instant now = clock.instant();
        Counts counts = byEndpoint.computeIfAbsent(event.endpoint(), e -> new Counts());
        boolean failed = event.outcome() != Outcome.OK;
        counts.add(minuteOf(now), failed);
        counts.lastCall = now;
        if (failed) {
            counts.lastError =
                    new ApiError(
                            now, event.outcome().label(), event.httpStatus(), event.attempts());
        }
    }

    /** The calls as of now, endpoints in their declaration order. */
    synchronized ApiHealth snapshot() {
        long minute = minuteOf(clock.instant());
        List<EndpointHealth> endpoints = new ArrayList<>();
        byEndpoint.forEach(
                (endpoint, c) ->
                        endpoints.add(
                                new EndpointHealth(
                                        endpoint.metricName(),
                                        c.recent(minute, false),
                                        c.recent(minute, true),
                                        c.totalCalls,
                                        c.totalErrors,
                                        Optional.ofNullable(c.lastCall),
                                        Optional.ofNullable(c.lastError))));
        return new ApiHealth(Duration.ofMinutes(WINDOW_MINUTES), endpoints);
    }

    private static long minuteOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60);
    }

    /** One endpoint's counts: a ring of per-minute buckets, each tagged with its minute. */
    private static final class Counts {
        final long[] bucketMinute = new long[WINDOW_MINUTES];
        final long[] calls = new long[WINDOW_MINUTES];
        final long[] errors = new long[WINDOW_MINUTES];
        long totalCalls;
        long totalErrors;
        Instant lastCall;
        ApiError lastError;

        Counts() {
            Arrays.fill(bucketMinute, Long.MIN_VALUE);
        }

        void add(long minute, boolean failed) {
            int i = (int) Math.floorMod(minute, WINDOW_MINUTES);
            if (bucketMinute[i] != minute) {
                bucketMinute[i] = minute;
                calls[i] = 0;
                errors[i] = 0;
            }
            calls[i]++;
            totalCalls++;
            if (failed) {
                errors[i]++;
                totalErrors++;
            }
        }

        /** Calls (or errors) in the minutes {@code (now - WINDOW_MINUTES, now]}. */
        long recent(long nowMinute, boolean errorsOnly) {
            long sum = 0;
            for (int i = 0; i < WINDOW_MINUTES; i++) {
                long m = bucketMinute[i];
                if (m <= nowMinute && m > nowMinute - WINDOW_MINUTES) {
                    sum += errorsOnly ? errors[i] : calls[i];
                }
            }
            return sum;
        }
    }
}
