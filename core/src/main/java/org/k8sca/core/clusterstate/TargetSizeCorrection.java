package org.k8sca.core.clusterstate;

import java.util.Objects;

/**
 * Lower a group's target with {@code NodeGroup.decreaseTargetSize(delta)}; only requests the cloud
 * has not fulfilled are dropped, no machine is deleted.
 *
 * @param groupId the group
 * @param delta negative: how much to lower the target by
 * @param reason why
 * @param message a human-readable explanation
 */
public record TargetSizeCorrection(String groupId, int delta, Reason reason, String message) {

    /** Why the target is lowered. */
    public enum Reason {
        /** A scale-up timed out; its unfulfilled part is reverted. */
        SCALE_UP_TIMEOUT,
        /** The target stayed above what exists for longer than max-node-provision-time. */
        WRONG_SIZE
    }

    public TargetSizeCorrection {
        Objects.requireNonNull(groupId, "groupId");
        if (delta >= 0) {
            throw new IllegalArgumentException(
                    "target size correction of " + groupId + " must be negative, got " + delta);
        }
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
    }
}
