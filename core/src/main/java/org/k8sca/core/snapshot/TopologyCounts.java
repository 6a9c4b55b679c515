package org.k8sca.core.snapshot;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts per topology domain, keyed by topology key and then by value, e.g. {@code
 * topology.kubernetes.io/zone → {a: 2, b: 1}}. Entries that drop to zero are removed, so two equal
 * states compare equal.
 */
public final class TopologyCounts {

    private final Map<String, Map<String, Integer>> counts = new HashMap<>();

    public void add(String topologyKey, String value, int delta) {
        Map<String, Integer> byValue = counts.computeIfAbsent(topologyKey, k -> new HashMap<>());
        int updated = byValue.getOrDefault(value, 0) + delta;
        if (updated == 0) {
            byValue.remove(value);
            if (byValue.isEmpty()) {
                counts.remove(topologyKey);
            }
        } else {
            byValue.put(value, updated);
        }
    }

    /** The count of domain {@code topologyKey=value}; 0 when absent. */
    public int get(String topologyKey, String value) {
        Map<String, Integer> byValue = counts.get(topologyKey);
        if (byValue == null) {
            return 0;
        }
        Integer c = byValue.get(value);
        return c == null ? 0 : c;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Read-only view of the counts of one topology key. */
    public Map<String, Integer> byValue(String topologyKey) {
        Map<String, Integer> byValue = counts.get(topologyKey);
        return byValue == null ? Map.of() : Collections.unmodifiableMap(byValue);
    }

    /** Read-only view of all counts. */
    public Map<String, Map<String, Integer>> asMap() {
        return Collections.unmodifiableMap(counts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopologyCounts t && counts.equals(t.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
