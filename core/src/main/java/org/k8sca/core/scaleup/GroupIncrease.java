package org.k8sca.core.scaleup;

import java.util.Objects;

/**
 * One planned resize: group {@code nodeGroupId} from {@code currentTarget} to {@code newTarget}.
 */
public record GroupIncrease(String nodeGroupId, int currentTarget, int newTarget, int maxSize) {

    public GroupIncrease {
        Objects.requireNonNull(nodeGroupId, "nodeGroupId");
        if (newTarget <= currentTarget) {
            throw new IllegalArgumentException(
                    "increase of "
                            + nodeGroupId
                            + " must raise the target, got "
                            + currentTarget
                            + " -> "
                            + newTarget);
        }
        if (newTarget > maxSize) {
            throw new IllegalArgumentException(
                    "increase of " + nodeGroupId + " to " + newTarget + " exceeds max " + maxSize);
        }
    }

    public int delta() {
        return newTarget - currentTarget;
    }

    /** Upstream's short form, e.g. {@code {web 3->5 (max: 10)}}. */
    public String describe() {
        return "{"
                + nodeGroupId
                + " "
                + currentTarget
                + "->"
                + newTarget
                + " (max: "
                + maxSize
                + ")}";
    }
}
