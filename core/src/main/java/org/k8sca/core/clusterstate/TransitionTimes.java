package org.k8sca.core.clusterstate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Remembers, per key, a value and the time it was first observed with that value. */
final class TransitionTimes {

    private record Seen(Object value, Instant since) {}

    private final Map<String, Seen> seen = new HashMap<>();

    /**
     * Records {@code value} for {@code key} at {@code now}; returns when the value last changed.
     */
    Instant observe(String key, Object value, Instant now) {
        Seen s = seen.get(key);
        if (s == null || !Objects.equals(s.value(), value)) {
            s = new Seen(value, now);
            seen.put(key, s);
        }
        return s.since();
    }

    void retainKeys(Set<String> keys) {
        seen.keySet().retainAll(keys);
    }
}
