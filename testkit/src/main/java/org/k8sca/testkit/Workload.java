package org.k8sca.testkit;

import java.util.Map;
import java.util.Objects;

/**
 * A replicated workload the {@link WorkloadController} keeps at {@code replicas} pods: a real
 * ReplicaSet or StatefulSet object in the API (so the autoscaler sees a controller owner it may
 * drain) whose pods request {@code cpu} and {@code memory} each.
 *
 * <p>A ReplicaSet's pods are named {@code <name>-<n>} with {@code n} counting up forever: an
 * evicted pod comes back under a new name. A StatefulSet's pods are {@code <name>-0} to {@code
 * <name>-(replicas-1)}: an evicted pod comes back under the same name (pods are created in
 * parallel, as with {@code podManagementPolicy: Parallel}, and have no volume claims).
 *
 * @param namespace where the controller and its pods live
 * @param name the controller's name
 * @param replicas how many pods to keep
 * @param cpu the cpu request of each pod, e.g. {@code 500m}
 * @param memory the memory request of each pod, e.g. {@code 256Mi}
 * @param nodeSelector the pods' node selector (empty for none)
 * @param annotations the pods' annotations (e.g. safe-to-evict)
 * @param tolerations taint key → value the pods tolerate (operator Equal, any effect)
 */
public record Workload(
        String namespace,
        String name,
        int replicas,
        String cpu,
        String memory,
        Map<String, String> nodeSelector,
        Map<String, String> annotations,
        Map<String, String> tolerations,
        Kind kind) {

    /** Which controller owns the pods. */
    public enum Kind {
        REPLICA_SET("ReplicaSet"),
        STATEFUL_SET("StatefulSet");

        private final String kubernetesKind;

        Kind(String kubernetesKind) {
            this.kubernetesKind = kubernetesKind;
        }

        /** The {@code kind} of the controller object and of the pods' owner reference. */
        public String kubernetesKind() {
            return kubernetesKind;
        }
    }

    public Workload {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (replicas < 0) {
            throw new IllegalArgumentException(
                    "workload " + name + ": replicas must be >= 0, got " + replicas);
        }
        nodeSelector = Map.copyOf(nodeSelector);
        annotations = Map.copyOf(annotations);
        tolerations = Map.copyOf(tolerations);
    }

    /** A ReplicaSet's workload, as before StatefulSets were there. */
    public Workload(
            String namespace,
            String name,
            int replicas,
            String cpu,
            String memory,
            Map<String, String> nodeSelector,
            Map<String, String> annotations,
            Map<String, String> tolerations) {
        this(
                namespace,
                name,
                replicas,
                cpu,
                memory,
                nodeSelector,
                annotations,
                tolerations,
                Kind.REPLICA_SET);
    }

    /**
     * A ReplicaSet of {@code replicas} pods in namespace {@code default} with these requests and no
     * selector.
     */
    public static Workload of(String name, int replicas, String cpu, String memory) {
        return new Workload("default", name, replicas, cpu, memory, Map.of(), Map.of(), Map.of());
    }

    /**
     * A StatefulSet of {@code replicas} pods ({@code <name>-0} ...) in namespace {@code default}
     * with these requests and no selector.
     */
    public static Workload statefulSet(String name, int replicas, String cpu, String memory) {
        return new Workload(
                "default",
                name,
                replicas,
                cpu,
                memory,
                Map.of(),
                Map.of(),
                Map.of(),
                Kind.STATEFUL_SET);
    }

    /** The same pods owned by a controller of kind {@code k}. */
    public Workload withKind(Kind k) {
        return new Workload(
                namespace, name, replicas, cpu, memory, nodeSelector, annotations, tolerations, k);
    }

    public Workload withReplicas(int n) {
        return new Workload(
                namespace, name, n, cpu, memory, nodeSelector, annotations, tolerations, kind);
    }

    public Workload withNodeSelector(Map<String, String> selector) {
        return new Workload(
                namespace, name, replicas, cpu, memory, selector, annotations, tolerations, kind);
    }

    public Workload inNamespace(String ns) {
        return new Workload(
                ns, name, replicas, cpu, memory, nodeSelector, annotations, tolerations, kind);
    }

    public Workload withAnnotations(Map<String, String> podAnnotations) {
        return new Workload(
                namespace,
                name,
                replicas,
                cpu,
                memory,
                nodeSelector,
                podAnnotations,
                tolerations,
                kind);
    }

    public Workload withTolerations(Map<String, String> keyToValue) {
        return new Workload(
                namespace,
                name,
                replicas,
                cpu,
                memory,
                nodeSelector,
                annotations,
                keyToValue,
                kind);
    }

    /** The label that ties the pods to their controller. */
    public Map<String, String> podLabels() {
        return Map.of("app", name);
    }
}
