package org.k8sca.core.clusterstate;

import java.time.Instant;
import java.util.Objects;

/**
 * A scale-up in flight: the core raised {@code groupId}'s target by {@code increase} and expects
 * the new nodes to register by {@code expectedBy}. A second scale-up of the same group before the
 * first completed is merged into it (increases added, times restarted).
 *
 * @param groupId the group
 * @param increase how many nodes are still expected from this request
 * @param requestedAt when the (last) increase was made
 * @param expectedBy requestedAt plus the group's max-node-provision-time
 */
public record ScaleUpRequest(
        String groupId, int increase, Instant requestedAt, Instant expectedBy) {

    public ScaleUpRequest {
        Objects.requireNonNull(groupId, "groupId");
        if (increase <= 0) {
            throw new IllegalArgumentException(
                    "scale-up request for " + groupId + " must be positive, got " + increase);
        }
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expectedBy, "expectedBy");
    }
}
