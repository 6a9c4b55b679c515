package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.Instance;

import java.util.List;
import java.util.Objects;

/**
 * Instances of one group to delete with one {@code NodeGroup.deleteNodes} call.
 *
 * @param groupId the group
 * @param instances the machines to delete
 * @param reason why they go
 */
public record InstanceDeletion(String groupId, List<Instance> instances, Reason reason) {

    /** Why the instances are deleted; the name is the upstream fake-node reason. */
    public enum Reason {
        /** No node registered for them within max-node-provision-time. */
        UNREGISTERED("unregistered"),
        /** The cloud reported that creating them failed. */
        CREATE_ERROR("create-error");

        private final String fakeNodeReason;

        Reason(String fakeNodeReason) {
            this.fakeNodeReason = fakeNodeReason;
        }

        /** The value of the {@code k8s.io/cluster-autoscaler/fake-node-reason} annotation. */
        public String fakeNodeReason() {
            return fakeNodeReason;
        }
    }

    public InstanceDeletion {
        Objects.requireNonNull(groupId, "groupId");
        instances = List.copyOf(instances);
        if (instances.isEmpty()) {
            throw new IllegalArgumentException(
                    "deletion for group " + groupId + " has no instances");
        }
        Objects.requireNonNull(reason, "reason");
    }
}
