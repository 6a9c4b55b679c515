package org.k8sca.core.scaledown.drain;

import java.util.Objects;

/**
 * What removing the node means for one pod.
 *
 * @param outcome what happens to the pod
 * @param blockReason why it blocks (only for {@link Outcome#BLOCK})
 * @param rule the rule that decided, for explanations and tests (e.g. "mirror pod")
 */
public record PodVerdict(Outcome outcome, BlockReason blockReason, String rule) {

    /** The possible fates of a pod when its node is removed. */
    public enum Outcome {
        /**
         * Needs no attention: it stays with the node (mirror pods) or is already finished or stuck.
         */
        IGNORE,
        /** Evicted and must fit on another node. */
        MOVE,
        /**
         * A DaemonSet pod: evicted (or not) by the DaemonSet-eviction settings, never rescheduled.
         */
        DAEMON_SET,
        /** {@code safe-to-evict: "on-completion"}: the node waits until the pod finishes. */
        WAIT_FOR_COMPLETION,
        /** Keeps the node. */
        BLOCK
    }

    public PodVerdict {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.BLOCK) != (blockReason != null)) {
            throw new IllegalArgumentException(
                    "a block reason goes with, and only with, outcome BLOCK");
        }
    }

    static PodVerdict of(Outcome outcome, String rule) {
        return new PodVerdict(outcome, null, rule);
    }

    static PodVerdict block(BlockReason reason, String rule) {
        return new PodVerdict(Outcome.BLOCK, reason, rule);
    }
}
