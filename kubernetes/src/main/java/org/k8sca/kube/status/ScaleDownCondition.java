package org.k8sca.kube.status;

import java.time.Instant;
import java.util.Objects;

/**
 * The {@code scaleDown} part of the status, cluster-wide or for one node group.
 *
 * @param candidates unneeded nodes (scale-down candidates); 0 means {@code NoCandidates}
 * @param lastProbeTime when scale-down last looked
 * @param lastTransitionTime when the status last changed between candidates present and none
 */
public record ScaleDownCondition(
        int candidates, Instant lastProbeTime, Instant lastTransitionTime) {

    public ScaleDownCondition {
        if (candidates < 0) {
            throw new IllegalArgumentException(
                    "scale-down candidates must not be negative, got " + candidates);
        }
        Objects.requireNonNull(lastProbeTime, "lastProbeTime");
        Objects.requireNonNull(lastTransitionTime, "lastTransitionTime");
    }

    /** {@code CandidatesPresent} or {@code NoCandidates}, as upstream spells it. */
    public String statusName() {
        return candidates > 0 ? "CandidatesPresent" : "NoCandidates";
    }
}
