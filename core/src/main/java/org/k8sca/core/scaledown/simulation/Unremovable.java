package org.k8sca.core.scaledown.simulation;

import org.k8sca.core.scaledown.drain.BlockReason;
import org.k8sca.core.scaledown.explain.UnremovableReason;

import java.util.Objects;

/**
 * A node the simulation found unremovable.
 *
 * @param nodeName the node
 * @param reason BlockedByPod or NoPlaceToMovePods
 * @param pod {@code namespace/name} of the pod at fault
 * @param blockReason why the pod blocks (BlockedByPod only), else null
 * @param detail e.g. the scheduler's reasons for the pod that fits nowhere
 */
public record Unremovable(
        String nodeName,
        UnremovableReason reason,
        String pod,
        BlockReason blockReason,
        String detail) {

    public Unremovable {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }
}
