package org.k8sca.core.model;

import org.k8sca.core.labels.LabelSelector;

import java.util.Objects;

/**
 * A PodDisruptionBudget, as scale-down needs it.
 *
 * @param namespace the namespace; a PDB only covers pods of its own namespace
 * @param name the PDB name
 * @param selector the pod selector ({@link LabelSelector#EVERYTHING} for {@code {}}, {@link
 *     LabelSelector#NOTHING} when absent)
 * @param minAvailable {@code spec.minAvailable}, or null
 * @param maxUnavailable {@code spec.maxUnavailable}, or null
 * @param disruptionsAllowed {@code status.disruptionsAllowed}: evictions allowed right now
 */
public record PodDisruptionBudget(
        String namespace,
        String name,
        LabelSelector selector,
        IntOrPercent minAvailable,
        IntOrPercent maxUnavailable,
        int disruptionsAllowed) {

    public PodDisruptionBudget {
        Objects.requireNonNull(namespace, "PDB namespace");
        Objects.requireNonNull(name, "PDB name");
        Objects.requireNonNull(selector, "selector of PDB " + namespace + "/" + name);
    }

    /** Whether this budget covers {@code pod}. */
    public boolean covers(Pod pod) {
        return namespace.equals(pod.namespace()) && selector.matches(pod.labels());
    }
}
