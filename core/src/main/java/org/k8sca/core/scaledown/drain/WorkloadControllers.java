package org.k8sca.core.scaledown.drain;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The controllers that exist in the cluster (ReplicationControllers, ReplicaSets, Jobs,
 * StatefulSets, DaemonSets) with their desired replica counts, as listed by the caller. A
 * controller missing from the map does not exist.
 */
public final class WorkloadControllers {

    /** No controllers at all: every controlled pod is an orphan. */
    public static final WorkloadControllers NONE = new WorkloadControllers(Map.of());

    private final Map<ControllerKey, Integer> replicas;

    /**
     * @param replicas desired replicas ({@code spec.replicas}) per existing controller
     */
    public WorkloadControllers(Map<ControllerKey, Integer> replicas) {
        this.replicas = Map.copyOf(replicas);
    }

    public boolean exists(ControllerKey key) {
        return replicas.containsKey(key);
    }

    /** Desired replicas of {@code key}, or empty when it does not exist. */
    public OptionalInt replicas(ControllerKey key) {
        Integer r = replicas.get(key);
        return r == null ? OptionalInt.empty() : OptionalInt.of(r);
    }
}
