package org.k8sca.core.cloud;

import org.k8sca.core.model.Node;

import java.util.List;

/**
 * A set of identical machines with a minimum, maximum and target size.
 *
 * <p>The target size counts machines that exist or were asked for; {@link #nodes()} lists them all,
 * including ones that are still being created and have no Kubernetes node yet. A group with a warm
 * pool also lists its powered-off pool machines as {@link InstanceState#STOPPED}; those are not
 * part of the target size.
 */
public interface NodeGroup {

    /** A stable identifier, unique within the provider. */
    String id();

    int minSize();

    int maxSize();

    /**
     * The number of machines the group should have (existing plus requested), not counting {@link
     * InstanceState#STOPPED} (warm-pool) machines.
     */
    int targetSize() throws CloudProviderException;

    /**
     * Asks for {@code delta} more machines. Must not wait for them. Fails with {@link
     * CloudProviderException.Kind#INVALID_REQUEST} when {@code delta <= 0} or the result would
     * exceed {@link #maxSize()}.
     */
    void increaseSize(int delta) throws CloudProviderException;

    /**
     * Like {@link #increaseSize} but all-or-nothing: either all {@code delta} machines come up or
     * none are kept. Optional.
     */
    default void atomicIncreaseSize(int delta) throws CloudProviderException {
        throw CloudProviderException.notImplemented("atomic increase of node group " + id());
    }

    /**
     * Deletes the machines of these nodes and lowers the target size by their number. Must refuse
     * (with {@link CloudProviderException.Kind#INVALID_REQUEST}) nodes that belong to another
     * group. The core never passes nodes of {@link InstanceState#STOPPED} machines.
     */
    void deleteNodes(List<Node> nodes) throws CloudProviderException;

    /**
     * Lowers the target size by {@code -negativeDelta} without deleting any existing machine: only
     * requests that were not fulfilled yet are dropped.
     */
    void decreaseTargetSize(int negativeDelta) throws CloudProviderException;

    /**
     * All machines of the group, with their state and errors: those counted in {@link
     * #targetSize()} ({@link InstanceState#RUNNING}, {@link InstanceState#CREATING}), those being
     * deleted ({@link InstanceState#DELETING}) and the warm-pool machines ({@link
     * InstanceState#STOPPED}, not counted in the target size and never to be passed to {@link
     * #deleteNodes}).
     */
    List<Instance> nodes() throws CloudProviderException;

    /**
     * What a new node of this group would look like, with the pods that would start on it (for
     * scale-from-zero). Throws {@link CloudProviderException.Kind#NOT_IMPLEMENTED} when the
     * provider cannot tell.
     */
    NodeTemplate templateNode() throws CloudProviderException;

    /**
     * Per-group settings: the provider's overrides applied on top of {@code defaults} (the
     * command-line values). By default, the defaults unchanged.
     */
    default NodeGroupOptions options(NodeGroupOptions defaults) throws CloudProviderException {
        return defaults;
    }

    /** Whether the group scales only all at once (zero or max). */
    default boolean atomic() {
        return false;
    }

    /**
     * A one-line description for logs and the status page, e.g. {@code web (min 1, max 10, target
     * 3)}.
     */
    default String debug() {
        return id() + " (min " + minSize() + ", max " + maxSize() + ")";
    }
}
