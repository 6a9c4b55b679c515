package org.k8sca.core.labels;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable, interned set of labels (or any string map such as a node selector), stored as two
 * sorted arrays. Lookups are a binary search and never allocate.
 */
public final class Labels {

    private static final Interner<Labels> INTERNER = new Interner<>();
    private static final String[] NONE = new String[0];

    public static final Labels EMPTY = new Labels(NONE, NONE);

    private final String[] keys;
    private final String[] values;
    private final int hash;

    private Labels(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
        this.hash = 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    /** The shared label set with these entries; keys and values are interned too. */
    public static Labels of(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return EMPTY;
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                throw new IllegalArgumentException("label key is empty in " + map.keySet());
            }
            sorted.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
        }
        String[] keys = new String[sorted.size()];
        String[] values = new String[sorted.size()];
        int i = 0;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            keys[i] = e.getKey().intern();
            values[i] = e.getValue().intern();
            i++;
        }
        return INTERNER.intern(new Labels(keys, values));
    }

    /** Convenience: {@code Labels.of("app", "web", "tier", "front")}. */
    public static Labels of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "Labels.of needs key/value pairs, got " + keyValues.length + " strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return of(map);
    }

    /** The value of {@code key}, or {@code null} when the key is absent. */
    public String get(String key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? values[i] : null;
    }

    public boolean containsKey(String key) {
        return Arrays.binarySearch(keys, key) >= 0;
    }

    public int size() {
        return keys.length;
    }

    public boolean isEmpty() {
        return keys.length == 0;
    }

    /** The i-th key in sorted order; with {@link #valueAt(int)} iterates without allocating. */
    public String keyAt(int i) {
        return keys[i];
    }

    public String valueAt(int i) {
        return values[i];
    }

    /** Whether every entry of {@code subset} is present here with the same value. */
    public boolean containsAll(Labels subset) {
        for (int i = 0; i < subset.keys.length; i++) {
            String v = get(subset.keys[i]);
            if (v == null || !v.equals(subset.values[i])) {
                return false;
            }
        }
        return true;
    }

    /** A copy with one entry added or replaced. */
    public Labels with(String key, String value) {
        Map<String, String> map = new TreeMap<>(asMap());
        map.put(key, value);
        return of(map);
    }

    /** A copy without {@code key}. */
    public Labels without(String key) {
        if (!containsKey(key)) {
            return this;
        }
        Map<String, String> map = new TreeMap<>(asMap());
        map.remove(key);
        return of(map);
    }

    /** The labels as a sorted, unmodifiable map (allocates; not for hot loops). */
    public Map<String, String> asMap() {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Labels l
                && hash == l.hash
                && Arrays.equals(keys, l.keys)
                && Arrays.equals(values, l.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
