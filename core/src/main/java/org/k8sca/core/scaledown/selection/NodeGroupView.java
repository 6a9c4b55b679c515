package org.k8sca.core.scaledown.selection;

import org.k8sca.core.cloud.NodeGroupOptions;

import java.util.Objects;

/**
 * What scale-down needs to know about a node group, resolved by the caller from the cloud SPI so
 * that planning makes no cloud calls.
 *
 * @param id the group id
 * @param minSize the group's minimum size
 * @param targetSize the group's current target size
 * @param deletionsInProgress nodes of the group whose deletion has started and not finished
 * @param options the group's options (command-line defaults with the group's overrides)
 */
public record NodeGroupView(
        String id, int minSize, int targetSize, int deletionsInProgress, NodeGroupOptions options) {

    public NodeGroupView {
        Objects.requireNonNull(id, "node group id");
        Objects.requireNonNull(options, "options of node group " + id);
        if (minSize < 0 || targetSize < 0 || deletionsInProgress < 0) {
            throw new IllegalArgumentException(
                    "node group "
                            + id
                            + ": sizes must not be negative (min "
                            + minSize
                            + ", target "
                            + targetSize
                            + ", deleting "
                            + deletionsInProgress
                            + ")");
        }
    }
}
