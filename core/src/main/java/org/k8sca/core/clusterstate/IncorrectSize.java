package org.k8sca.core.clusterstate;

import java.time.Instant;

/**
 * A group whose target is higher than what exists: {@code target} machines asked for, only {@code
 * existing} (registered nodes plus instances without a node) seen since {@code since}.
 */
public record IncorrectSize(int target, int existing, Instant since) {

    /** How many requested machines are missing. */
    public int missing() {
        return target - existing;
    }
}
