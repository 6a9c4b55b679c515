package org.k8sca.core.clusterstate;

import java.time.Instant;
import java.util.List;

/**
 * The cluster-wide state, with what the status ConfigMap reports ({@code clusterWide.health},
 * {@code clusterWide.scaleUp} and {@code nodeGroups[]}; scale-down parts come from elsewhere).
 *
 * @param health Healthy unless too many nodes are unready
 * @param healthSince when {@code health} last changed
 * @param counts totals over all nodes, including nodes outside node groups
 * @param scaleUp {@code IN_PROGRESS} while any group has a scale-up request, else {@code
 *     NO_ACTIVITY}
 * @param scaleUpSince when {@code scaleUp} last changed
 * @param lastProbeTime when the registry was last updated
 * @param groups per-group status, in the order of the view
 */
public record ClusterStatus(
        Health health,
        Instant healthSince,
        NodeCounts counts,
        ScaleUpActivity scaleUp,
        Instant scaleUpSince,
        Instant lastProbeTime,
        List<NodeGroupStatus> groups) {

    public ClusterStatus {
        groups = List.copyOf(groups);
    }
}
