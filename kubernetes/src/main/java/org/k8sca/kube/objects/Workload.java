package org.k8sca.kube.objects;

import java.util.Objects;

/**
 * A controller that owns pods and recreates them when they are evicted: a ReplicaSet,
 * ReplicationController, StatefulSet or Job. Scale-down checks that a pod's controller exists and
 * how many replicas it wants.
 *
 * @param kind {@code ReplicaSet}, {@code ReplicationController}, {@code StatefulSet} or {@code Job}
 * @param namespace the namespace
 * @param name the name
 * @param uid the UID, which pods' owner references point at
 * @param desiredReplicas {@code spec.replicas} (for a Job, {@code spec.parallelism}); 1 when unset
 * @param currentReplicas {@code status.replicas} (for a Job, {@code status.active}); 0 when unset
 */
public record Workload(
        String kind,
        String namespace,
        String name,
        String uid,
        int desiredReplicas,
        int currentReplicas) {

    public Workload {
        Objects.requireNonNull(kind, "workload kind");
        Objects.requireNonNull(namespace, "workload namespace");
        Objects.requireNonNull(name, "workload name");
        uid = uid == null ? "" : uid;
    }

    /** {@code Kind namespace/name}, for messages. */
    public String describe() {
        return kind + " " + namespace + "/" + name;
    }
}
