package org.k8sca.core.scaledown.explain;

import org.k8sca.core.scaledown.drain.BlockReason;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * What scale-down thinks of one node this loop.
 *
 * @param nodeName the node
 * @param unneededSince when the node became unneeded, or null when it is not unneeded
 * @param reason why it is kept, or null when it is unneeded and may go (an unneeded node can still
 *     be kept for now, e.g. NotUnneededLongEnough or NodeGroupMinSizeReached)
 * @param blockingPod {@code namespace/name} of the pod that blocks it (reason BlockedByPod,
 *     NoPlaceToMovePods or BlockedByOnCompletionPod), or null
 * @param blockReason why that pod blocks (for BlockedByPod), or null
 * @param utilization the node's utilization (0..1), or NaN when it was not computed
 * @param detail a human sentence with the numbers behind the decision; never secrets
 */
public record NodeExplanation(
        String nodeName,
        Instant unneededSince,
        UnremovableReason reason,
        String blockingPod,
        BlockReason blockReason,
        double utilization,
        String detail) {

    /** By node name, so that the explanation reads the same every loop. */
    public static final Comparator<NodeExplanation> BY_NODE =
            Comparator.comparing(NodeExplanation::nodeName);

    public NodeExplanation {
        Objects.requireNonNull(nodeName, "nodeName");
        if (unneededSince == null && reason == null) {
            throw new IllegalArgumentException(
                    "node " + nodeName + ": an explanation needs unneeded-since or a reason");
        }
        detail = detail == null ? "" : detail;
    }

    public static NodeExplanation unneeded(String nodeName, Instant since, double utilization) {
        return new NodeExplanation(nodeName, since, null, null, null, utilization, "");
    }

    /** Unneeded, but kept this loop (not unneeded long enough, group at minimum, ...). */
    public static NodeExplanation unneededButKept(
            String nodeName,
            Instant since,
            UnremovableReason reason,
            double utilization,
            String detail) {
        return new NodeExplanation(nodeName, since, reason, null, null, utilization, detail);
    }

    public static NodeExplanation kept(
            String nodeName, UnremovableReason reason, double utilization, String detail) {
        return new NodeExplanation(nodeName, null, reason, null, null, utilization, detail);
    }

    public static NodeExplanation blocked(
            String nodeName,
            UnremovableReason reason,
            String pod,
            BlockReason blockReason,
            double utilization,
            String detail) {
        return new NodeExplanation(nodeName, null, reason, pod, blockReason, utilization, detail);
    }

    public boolean isUnneeded() {
        return unneededSince != null;
    }

    /** One line such as {@code node-3: BlockedByPod (kube-system/dns: UnmovableKubeSystemPod)}. */
    public String summary() {
        StringBuilder sb = new StringBuilder(nodeName).append(':');
        if (isUnneeded()) {
            sb.append(" unneeded since ").append(unneededSince);
        }
        if (reason == null) {
            return sb.toString();
        }
        sb.append(' ').append(reason.upstreamName());
        if (blockingPod != null) {
            sb.append(" (").append(blockingPod);
            if (blockReason != null) {
                sb.append(": ").append(blockReason.upstreamName());
            }
            sb.append(')');
        }
        if (!detail.isEmpty()) {
            sb.append(" - ").append(detail);
        }
        return sb.toString();
    }
}
