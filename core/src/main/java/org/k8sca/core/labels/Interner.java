package org.k8sca.core.labels;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Returns one shared instance for equal values, so that thousands of pods of one Deployment hold
 * one label set. Weak: an instance nobody uses any more can be collected.
 */
public final class Interner<T> {

    private final Map<T, WeakReference<T>> instances = new WeakHashMap<>();

    public synchronized T intern(T value) {
        WeakReference<T> ref = instances.get(value);
        T existing = ref == null ? null : ref.get();
        if (existing != null) {
            return existing;
        }
        instances.put(value, new WeakReference<>(value));
        return value;
    }
}
