package org.k8sca.testkit;

import java.util.Map;
import java.util.Objects;

/**
 * A DaemonSet the {@link DaemonSetController} runs: a real DaemonSet object in the API and one pod
 * (requesting {@code cpu} and {@code memory}) on every node its node selector matches and whose
 * NoSchedule and NoExecute taints it tolerates. Its pods have an owner reference of kind {@code
 * DaemonSet}, the priority of {@code system-node-critical}, and the node's {@code
 * kubernetes.io/hostname} in their node selector, so the scheduler can only put each on its own
 * node.
 *
 * @param namespace where the DaemonSet and its pods live
 * @param name the DaemonSet's name; pods are named {@code <name>-<node>}
 * @param cpu the cpu request of each pod
 * @param memory the memory request of each pod
 * @param nodeSelector on which nodes it runs (empty for all)
 * @param tolerations taint key → value the pods tolerate (operator Equal, any effect)
 */
public record DaemonSetWorkload(
        String namespace,
        String name,
        String cpu,
        String memory,
        Map<String, String> nodeSelector,
        Map<String, String> tolerations) {

    public DaemonSetWorkload {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        nodeSelector = Map.copyOf(nodeSelector);
        tolerations = Map.copyOf(tolerations);
    }

    /** A DaemonSet in {@code kube-system} on every node it tolerates. */
    public static DaemonSetWorkload of(String name, String cpu, String memory) {
        return new DaemonSetWorkload("kube-system", name, cpu, memory, Map.of(), Map.of());
    }

    public DaemonSetWorkload withNodeSelector(Map<String, String> selector) {
        return new DaemonSetWorkload(namespace, name, cpu, memory, selector, tolerations);
    }

    public DaemonSetWorkload withTolerations(Map<String, String> keyToValue) {
        return new DaemonSetWorkload(namespace, name, cpu, memory, nodeSelector, keyToValue);
    }

    /** The label that ties the pods to their DaemonSet. */
    public Map<String, String> podLabels() {
        return Map.of("daemon", name);
    }
}
