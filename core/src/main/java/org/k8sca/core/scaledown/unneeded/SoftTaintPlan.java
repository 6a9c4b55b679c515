package org.k8sca.core.scaledown.unneeded;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which nodes to give the soft taint {@code DeletionCandidateOfClusterAutoscaler} this loop (with
 * the timestamp to write as its value) and which to clear it from.
 *
 * @param taint node name to the taint's timestamp (when the node became unneeded)
 * @param untaint nodes that are no longer unneeded
 */
public record SoftTaintPlan(Map<String, Instant> taint, List<String> untaint) {

    public static final SoftTaintPlan NONE = new SoftTaintPlan(Map.of(), List.of());

    public SoftTaintPlan {
        taint = Map.copyOf(taint);
        untaint = List.copyOf(untaint);
    }
}
