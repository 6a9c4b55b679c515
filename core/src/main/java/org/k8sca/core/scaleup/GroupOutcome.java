package org.k8sca.core.scaleup;

import java.util.Objects;

/**
 * What planning made of one node group.
 *
 * @param nodeGroupId the group
 * @param currentTarget its target size before this plan (-1 when it could not be read)
 * @param newTarget its target size after this plan (equal to {@code currentTarget} when unchanged)
 * @param maxSize its maximum size
 * @param estimatedNodes new nodes the estimator found useful, or -1 when it was not asked
 * @param skipReason why the group was not considered at all (backoff, max size, no template, quota,
 *     time budget); empty when it was
 * @param note anything else worth knowing, e.g. why the estimate stopped early; empty otherwise
 */
public record GroupOutcome(
        String nodeGroupId,
        int currentTarget,
        int newTarget,
        int maxSize,
        int estimatedNodes,
        String skipReason,
        String note) {

    public GroupOutcome {
        Objects.requireNonNull(nodeGroupId, "nodeGroupId");
        skipReason = skipReason == null ? "" : skipReason;
        note = note == null ? "" : note;
    }

    public boolean skipped() {
        return !skipReason.isEmpty();
    }

    public boolean scaledUp() {
        return newTarget > currentTarget;
    }
}
