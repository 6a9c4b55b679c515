package org.k8sca.core.cloud;

import java.util.Map;

/**
 * Cluster-wide minimum and maximum totals per resource, e.g. {@code cpu} in cores and {@code
 * memory} in bytes. A resource missing from {@code max} is unlimited; missing from {@code min} is
 * 0.
 */
public record ResourceLimits(Map<String, Long> min, Map<String, Long> max) {

    public static final ResourceLimits UNLIMITED = new ResourceLimits(Map.of(), Map.of());

    public ResourceLimits {
        min = Map.copyOf(min);
        max = Map.copyOf(max);
    }

    public long min(String resource) {
        return min.getOrDefault(resource, 0L);
    }

    public long max(String resource) {
        return max.getOrDefault(resource, Long.MAX_VALUE);
    }
}
