package org.k8sca.core.clusterstate;

import java.time.Instant;
import java.util.Optional;

/**
 * One node group's state, with what the status ConfigMap reports for it.
 *
 * @param id the group id
 * @param minSize min size
 * @param maxSize max size
 * @param targetSize the cloud's target size ({@code cloudProviderTarget})
 * @param counts node and instance counts
 * @param health whether the group is healthy enough to scale up
 * @param healthSince when {@code health} last changed
 * @param scaleUp the scale-up state
 * @param scaleUpSince when {@code scaleUp} last changed
 * @param request the scale-up in flight, if any
 * @param backoff the active backoff, if any
 * @param incorrectSize the target is above what exists, if so
 * @param lastProbeTime when the registry was last updated
 */
public record NodeGroupStatus(
        String id,
        int minSize,
        int maxSize,
        int targetSize,
        NodeCounts counts,
        Health health,
        Instant healthSince,
        ScaleUpActivity scaleUp,
        Instant scaleUpSince,
        Optional<ScaleUpRequest> request,
        Optional<Backoff> backoff,
        Optional<IncorrectSize> incorrectSize,
        Instant lastProbeTime) {}
