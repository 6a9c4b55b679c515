package org.k8sca.core.clusterstate;

import java.util.List;

/**
 * What one {@link ClusterStateRegistry#update} found.
 *
 * @param events what to report (scale-ups completed, timed out, failed)
 * @param reverts target corrections for timed-out scale-ups, to carry out now
 */
public record ClusterStateUpdate(
        List<ClusterStateEvent> events, List<TargetSizeCorrection> reverts) {

    public ClusterStateUpdate {
        events = List.copyOf(events);
        reverts = List.copyOf(reverts);
    }
}
