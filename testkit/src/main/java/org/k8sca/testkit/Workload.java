package org.k8sca.testkit;

import java.util.Map;
import java.util.Objects;

/**
 * A Deployment-like workload the {@link WorkloadController} keeps at {@code replicas} pods: a real
 * ReplicaSet object in the API (so the autoscaler sees a controller owner it may drain) whose pods
 * request {@code cpu} and {@code memory} each.
 *
 * @param namespace where the ReplicaSet and its pods live
 * @param name the ReplicaSet name; pods are named {@code <name>-<n>}
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
        Map<String, String> tolerations) {

    public Workload {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (replicas < 0) {
            throw new IllegalArgumentException(
                    "workload " + name + ": replicas must be >= 0, got " + replicas);
        }
        nodeSelector = Map.copyOf(nodeSelector);
        annotations = Map.copyOf(annotations);
        tolerations = Map.copyOf(tolerations);
    }

    /** {@code replicas} pods in namespace {@code default} with these requests and no selector. */
    public static Workload of(String name, int replicas, String cpu, String memory) {
        return new Workload("default", name, replicas, cpu, memory, Map.of(), Map.of(), Map.of());
    }

    public Workload withReplicas(int n) {
        return new Workload(
                namespace, name, n, cpu, memory, nodeSelector, annotations, tolerations);
    }

    public Workload withNodeSelector(Map<String, String> selector) {
        return new Workload(
                namespace, name, replicas, cpu, memory, selector, annotations, tolerations);
    }

    public Workload inNamespace(String ns) {
        return new Workload(
                ns, name, replicas, cpu, memory, nodeSelector, annotations, tolerations);
    }

    public Workload withAnnotations(Map<String, String> podAnnotations) {
        return new Workload(
                namespace, name, replicas, cpu, memory, nodeSelector, podAnnotations, tolerations);
    }

    public Workload withTolerations(Map<String, String> keyToValue) {
        return new Workload(
                namespace, name, replicas, cpu, memory, nodeSelector, annotations, keyToValue);
    }

    /** The label that ties the pods to their ReplicaSet. */
    public Map<String, String> podLabels() {
        return Map.of("app", name);
    }
}
