package org.k8sca.kamatera.provider;

/**
 * The Kubernetes writes the provider needs, implemented by the Kubernetes module (this module has
 * no Kubernetes client). Implementations may throw runtime exceptions; the provider logs them and
 * never repeats a failed {@link #setProviderId} for the same node.
 */
public interface NodeMetadata {

    /**
     * Sets {@code spec.providerID} of a node that has none. Called at most once per node name, only
     * for nodes whose provider ID is empty (a set provider ID is immutable in Kubernetes).
     */
    void setProviderId(String nodeName, String providerId);

    /**
     * The server of this node was powered on again from the warm pool and is listed as running:
     * remove the autoscaler's scale-down marks so the node takes pods again. That is the taints
     * {@code ToBeDeletedByClusterAutoscaler} and {@code DeletionCandidateOfClusterAutoscaler}, and
     * the cordon only when the autoscaler set it (a cordon made by a person stays). A missing node
     * is not an error. Called once per return to service.
     */
    void returnToService(String nodeName);

    /** Does nothing; for running without Kubernetes (tests, dry runs). */
    NodeMetadata NONE =
            new NodeMetadata() {
                @Override
                public void setProviderId(String nodeName, String providerId) {}

                @Override
                public void returnToService(String nodeName) {}
            };
}
