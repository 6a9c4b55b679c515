package org.k8sca.core.cloud;

import java.util.Objects;

/**
 * One machine of a node group.
 *
 * @param id equal to the Kubernetes node's {@code spec.providerID} once it registers
 * @param state what the machine is doing
 * @param error why creating or deleting it failed, or {@code null}
 */
public record Instance(String id, InstanceState state, InstanceError error) {

    public Instance {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("instance id is empty");
        }
        Objects.requireNonNull(state, "state of instance " + id);
    }

    public static Instance running(String id) {
        return new Instance(id, InstanceState.RUNNING, null);
    }

    /** A machine powered off on purpose and kept in a warm pool. */
    public static Instance stopped(String id) {
        return new Instance(id, InstanceState.STOPPED, null);
    }

    public boolean hasError() {
        return error != null;
    }
}
