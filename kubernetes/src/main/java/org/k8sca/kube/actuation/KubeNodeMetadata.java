package org.k8sca.kube.actuation;

import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.kube.ops.AutoscalerTaints;
import org.k8sca.kube.ops.TaintChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node writes the Kamatera provider asks for (its {@code NodeMetadata}; this module does not
 * depend on the provider, so {@code run} adapts it): setting a missing provider ID, once per node,
 * and returning a warm-pool node to service. Failures are logged, never thrown: the provider goes
 * on, and a node without a provider ID is simply matched by name.
 */
public final class KubeNodeMetadata {
    private static final Logger LOG = LoggerFactory.getLogger(KubeNodeMetadata.class);

    private final AutoscalerCordon cordon;
    private final Set<String> providerIdTried = ConcurrentHashMap.newKeySet();

    /** Writes nodes with {@code cordon}'s node writer (read, change, update with retries). */
    public KubeNodeMetadata(AutoscalerCordon cordon) {
        this.cordon = Objects.requireNonNull(cordon, "cordon");
    }

    /** As {@link #KubeNodeMetadata(AutoscalerCordon)}; the client is not needed any more. */
    public KubeNodeMetadata(KubernetesClient client, AutoscalerCordon cordon) {
        this(cordon);
    }

    /**
     * Sets {@code spec.providerID} when it is still empty; tried once per node name, since the API
     * server rejects changing a set provider ID and a failure would only repeat.
     */
    public void setProviderId(String nodeName, String providerId) {
        if (!providerIdTried.add(nodeName)) {
            return;
        }
        TaintChange change =
                cordon.updater()
                        .update(
                                nodeName,
                                "set provider ID",
                                node -> {
                                    String current = node.getSpec().getProviderID();
                                    if (current != null && !current.isEmpty()) {
                                        return false;
                                    }
                                    node.getSpec().setProviderID(providerId);
                                    return true;
                                });
        switch (change.outcome()) {
            case APPLIED -> LOG.info("Set the provider ID of node {} to {}", nodeName, providerId);
            case ALREADY_IN_PLACE -> {}
            // The node may register later: try again then.
            case NODE_NOT_FOUND -> providerIdTried.remove(nodeName);
            case FAILED ->
                    LOG.warn(
                            "Could not set the provider ID of node {}: {}",
                            nodeName,
                            change.message());
        }
    }

    /**
     * Removes the autoscaler's scale-down taints from a node whose server was powered on again, and
     * uncordons it only if the autoscaler cordoned it. A missing node is fine.
     */
    public void returnToService(String nodeName) {
        TaintChange change =
                cordon.untaint(
                        nodeName,
                        true,
                        AutoscalerTaints.DELETION_CANDIDATE,
                        AutoscalerTaints.TO_BE_DELETED);
        if (change.succeeded()) {
            LOG.info("Node {} is back in service", nodeName);
        } else if (change.outcome() != TaintChange.Outcome.NODE_NOT_FOUND) {
            LOG.warn("Could not return node {} to service: {}", nodeName, change.message());
        }
    }
}
