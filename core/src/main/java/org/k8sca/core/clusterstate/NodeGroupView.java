package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.NodeGroupOptions;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One node group as the cloud reported it at the start of a loop.
 *
 * @param id the group id
 * @param minSize the group's minimum size
 * @param maxSize the group's maximum size
 * @param targetSize the cloud's target size (machines that exist or were asked for)
 * @param instances the group's machines, from {@code NodeGroup.nodes()}
 * @param options the group's options (command-line defaults with its overrides)
 */
public record NodeGroupView(
        String id,
        int minSize,
        int maxSize,
        int targetSize,
        List<Instance> instances,
        NodeGroupOptions options) {

    public NodeGroupView {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("node group id is empty");
        }
        if (minSize < 0 || maxSize < minSize) {
            throw new IllegalArgumentException(
                    "node group "
                            + id
                            + ": sizes must satisfy 0 <= min <= max, got min "
                            + minSize
                            + ", max "
                            + maxSize);
        }
        if (targetSize < 0) {
            throw new IllegalArgumentException(
                    "node group " + id + ": target size is negative (" + targetSize + ")");
        }
        instances = List.copyOf(Objects.requireNonNull(instances, "instances of node group " + id));
        Set<String> seen = new HashSet<>();
        for (Instance i : instances) {
            if (!seen.add(i.id())) {
                throw new IllegalArgumentException(
                        "node group " + id + " lists instance " + i.id() + " twice");
            }
        }
        Objects.requireNonNull(options, "options of node group " + id);
    }
}
