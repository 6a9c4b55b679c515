package org.k8sca.core.cloud;

import org.k8sca.core.model.Node;

import java.util.List;
import java.util.Optional;

/**
 * A cloud the autoscaler can scale: a set of node groups. Modelled on the upstream Cluster
 * Autoscaler's CloudProvider, trimmed to what the core uses.
 */
public interface CloudProvider {

    /** A short provider name such as {@code kamatera}, for logs and the status ConfigMap. */
    String name();

    /** The node groups this provider scales, as of the last {@link #refresh()}. */
    List<? extends NodeGroup> nodeGroups();

    /**
     * The node group of {@code node}, or empty when the autoscaler must ignore the node (e.g. a
     * control-plane node or a machine this provider does not manage).
     */
    Optional<? extends NodeGroup> nodeGroupFor(Node node) throws CloudProviderException;

    /**
     * Whether the cloud still has a machine for {@code node}. False only when the provider knows
     * the machine is gone (it was the provider's and has disappeared): the core then counts the
     * node as deleted, not unready, and the loop may delete the Node object. Nodes the provider
     * never managed (control planes, other clouds) answer true. By default every node is assumed to
     * have its machine, like upstream's fallback when {@code HasInstance} is not implemented.
     */
    default boolean hasInstance(Node node) throws CloudProviderException {
        return true;
    }

    /**
     * Whether {@code node}'s machine is parked on standby: powered off in a warm pool, waiting to
     * be powered on at a later scale-up. Such a node is NotReady on purpose: the core must not
     * count it as unready in its health checks, must not place pods on it in simulations and must
     * not scale it down.
     *
     * <p>Derived from the one source of truth, the groups' {@link NodeGroup#nodes()}: a node is on
     * standby when its {@code spec.providerID} is the id of an {@link InstanceState#STOPPED}
     * instance. A node without a provider ID, or whose machine no group lists, is not on standby.
     * Such a node belongs to no node group ({@link #nodeGroupFor} is empty). A provider may
     * override this only with a faster equivalent.
     *
     * <p>Cost: one {@code nodes()} call per group; callers asking about many nodes may prefer to
     * index the groups' instances once themselves.
     */
    default boolean isStandby(Node node) throws CloudProviderException {
        String providerId = node.providerId();
        if (providerId.isEmpty()) {
            return false;
        }
        for (NodeGroup group : nodeGroups()) {
            for (Instance instance : group.nodes()) {
                if (instance.id().equals(providerId)) {
                    return instance.state() == InstanceState.STOPPED;
                }
            }
        }
        return false;
    }

    /** Prices for the {@code price} expander; empty when the provider has none. */
    default Optional<PricingModel> pricing() {
        return Optional.empty();
    }

    /** Cluster-wide limits on total cores and memory (and GPUs), from the provider. */
    default ResourceLimits resourceLimits() {
        return ResourceLimits.UNLIMITED;
    }

    /** The node label whose presence marks a GPU node; empty when the provider has no GPUs. */
    default String gpuLabel() {
        return "";
    }

    /** Re-reads the cloud's state. Called once at the start of every loop, before anything else. */
    void refresh() throws CloudProviderException;

    /** Releases resources at shutdown. */
    default void cleanup() {}
}
