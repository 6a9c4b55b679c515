package org.k8sca.core.model;

import org.k8sca.core.labels.LabelSelector;

import java.util.List;
import java.util.Objects;

/**
 * A pod topology spread constraint.
 *
 * @param maxSkew the largest allowed difference between a domain's count and the minimum
 * @param topologyKey the node label that defines domains
 * @param doNotSchedule true for {@code whenUnsatisfiable: DoNotSchedule} (filters), false for
 *     ScheduleAnyway (only scores, so ignored by the simulation)
 * @param selector which pods are counted; {@code matchLabelKeys} are already merged in when the pod
 *     is built
 * @param minDomains the minimum number of domains (1 when unset)
 * @param honorNodeAffinity {@code nodeAffinityPolicy}: Honor (default) counts only nodes that match
 *     the pod's node selector and required node affinity
 * @param honorNodeTaints {@code nodeTaintsPolicy}: Honor counts only nodes whose taints the pod
 *     tolerates; Ignore (default) counts all
 * @param matchLabelKeys label keys whose values, taken from the pod, narrow the selector
 */
public record TopologySpreadConstraint(
        int maxSkew,
        String topologyKey,
        boolean doNotSchedule,
        LabelSelector selector,
        int minDomains,
        boolean honorNodeAffinity,
        boolean honorNodeTaints,
        List<String> matchLabelKeys) {

    public TopologySpreadConstraint {
        if (maxSkew < 1) {
            throw new IllegalArgumentException(
                    "topology spread constraint maxSkew must be ≥ 1, got " + maxSkew);
        }
        if (topologyKey == null || topologyKey.isEmpty()) {
            throw new IllegalArgumentException(
                    "topology spread constraint has an empty topologyKey");
        }
        if (minDomains < 1) {
            throw new IllegalArgumentException(
                    "topology spread constraint minDomains must be ≥ 1, got " + minDomains);
        }
        topologyKey = topologyKey.intern();
        Objects.requireNonNull(selector, "topology spread selector");
        matchLabelKeys = matchLabelKeys == null ? List.of() : List.copyOf(matchLabelKeys);
    }

    /** DoNotSchedule with the default policies and no minDomains. */
    public static TopologySpreadConstraint doNotSchedule(
            int maxSkew, String topologyKey, LabelSelector selector) {
        return new TopologySpreadConstraint(
                maxSkew, topologyKey, true, selector, 1, true, false, List.of());
    }
}
