package org.k8sca.bench.economy;

import org.k8sca.kamatera.sim.knobs.Endpoint;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Kamatera calls per endpoint over a stretch of virtual time.
 *
 * @param what what was running
 * @param window how much virtual time the count covers
 * @param loops how many autoscaler loops ran in it
 * @param calls requests per endpoint (endpoints without a request are absent)
 */
public record CallCount(String what, Duration window, int loops, Map<Endpoint, Integer> calls) {

    public CallCount {
        calls = Map.copyOf(calls);
    }

    static CallCount of(
            String what, Duration window, int loops, Iterable<Endpoint> requestEndpoints) {
        Map<Endpoint, Integer> calls = new EnumMap<>(Endpoint.class);
        for (Endpoint e : requestEndpoints) {
            calls.merge(e, 1, Integer::sum);
        }
        return new CallCount(what, window, loops, calls);
    }

    public int total() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int of(Endpoint e) {
        return calls.getOrDefault(e, 0);
    }

    public double minutes() {
        return window.toMillis() / 60_000.0;
    }

    public double perMinute() {
        return total() / minutes();
    }

    /** E.g. {@code list_servers=3 (0.50/min), create_server=2 (0.33/min)}, in endpoint order. */
    public String describe() {
        if (calls.isEmpty()) {
            return "none";
        }
        return new EnumMap<>(calls)
                .entrySet().stream()
                        .map(
                                e ->
                                        String.format(
                                                Locale.ROOT,
                                                "%s=%d (%.2f/min)",
                                                e.getKey().name().toLowerCase(Locale.ROOT),
                                                e.getValue(),
                                                e.getValue() / minutes()))
                        .collect(Collectors.joining(", "));
    }
}
