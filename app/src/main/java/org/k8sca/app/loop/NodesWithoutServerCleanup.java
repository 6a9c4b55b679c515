package org.k8sca.app.loop;

import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.model.Node;
import org.k8sca.core.scaledown.actuation.ClusterOperationException;
import org.k8sca.core.scaledown.actuation.ClusterOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Deletes Node objects whose server is gone, as a cloud controller manager's node lifecycle
 * controller would (Kamatera clusters usually run none): a server deleted by hand in the console
 * would otherwise leave a NotReady Node forever.
 *
 * <p>The rule, checked once per loop for every Node:
 *
 * <ul>
 *   <li>the provider says its machine is gone ({@link CloudProvider#hasInstance} false: the server
 *       was ours and disappeared; nodes it never managed answer true and are never touched);
 *   <li>the Node is NotReady (Ready condition not True), and has been for {@link #GRACE}, counted
 *       from the Ready condition's last transition (or from when this process first saw it NotReady
 *       without a server, when the transition time is unknown). A Ready Node whose server is gone
 *       is something else (a server renamed, a wrong provider id): it is kept, with one warning;
 *   <li>no scale-down deletion of it is in flight (that deletion removes the Node itself).
 * </ul>
 *
 * Pods still bound to the Node do not stop it: they stopped running with the server, and deleting
 * the Node is what lets the pod garbage collector remove them so their controllers recreate them.
 *
 * <p>Each Node is tried once: after a delete that returned (done, or refused by RBAC, which the
 * operations report themselves with one warning log and an event) it is never tried again by this
 * process; a delete that failed is tried again after another {@link #GRACE}. Each deletion is
 * logged once and recorded as a {@value #REASON} event on the Node. With {@code
 * --delete-node-objects=false} nothing is deleted; each such Node is logged once.
 */
final class NodesWithoutServerCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(NodesWithoutServerCleanup.class);

    /** How long a Node without server must have been NotReady before it is deleted. */
    static final Duration GRACE = Duration.ofMinutes(5);

    /**
     * The event reason, the one a cloud controller manager's node lifecycle controller uses for the
     * same deletion, so that existing alerts and habits carry over.
     */
    static final String REASON = "DeletingNode";

    private final CloudProvider provider;
    private final ClusterOperations operations;
    private final boolean deleteNodeObjects;

    /** When each NotReady Node without server was first seen, for Nodes with no transition time. */
    private final Map<String, Instant> firstSeen = new HashMap<>();

    /** Nodes whose delete returned: never tried again. */
    private final Set<String> tried = new HashSet<>();

    /** Nodes whose delete failed: not tried again before this time. */
    private final Map<String, Instant> retryAfter = new HashMap<>();

    /** Nodes already logged about (Ready without server, or kept by the flag). */
    private final Set<String> logged = new HashSet<>();

    /**
     * @param deleteNodeObjects {@code --delete-node-objects}
     */
    NodesWithoutServerCleanup(
            CloudProvider provider, ClusterOperations operations, boolean deleteNodeObjects) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.deleteNodeObjects = deleteNodeObjects;
    }

    /**
     * Deletes the Nodes the rule allows at {@code now}; returns the names of those whose delete was
     * sent and returned (deleted, or refused by RBAC).
     *
     * @param nodes all Nodes
     * @param beingDeleted names of Nodes a scale-down deletion is running for
     */
    List<String> run(Collection<Node> nodes, Set<String> beingDeleted, Instant now) {
        Set<String> present = new HashSet<>();
        List<String> deleted = new ArrayList<>();
        for (Node n : nodes) {
            present.add(n.name());
            if (beingDeleted.contains(n.name()) || tried.contains(n.name())) {
                continue;
            }
            if (hasServer(n)) {
                forget(n.name());
                continue;
            }
            if (n.ready()) {
                if (logged.add(n.name())) {
                    LOG.warn(
                            "Node {} is Ready but the provider has no server for it any more"
                                    + " (provider id {}); not deleting a Ready node",
                            n.name(),
                            n.providerId().isEmpty() ? "(none)" : n.providerId());
                }
                firstSeen.remove(n.name());
                continue;
            }
            Instant since =
                    n.lastReadyTransition() != null
                            ? n.lastReadyTransition()
                            : firstSeen.computeIfAbsent(n.name(), k -> now);
            if (now.isBefore(since.plus(GRACE))) {
                continue;
            }
            if (!deleteNodeObjects) {
                if (logged.add(n.name())) {
                    LOG.info(
                            "Node {} has no server and has been NotReady since {}; leaving it"
                                    + " (--delete-node-objects=false)",
                            n.name(),
                            since);
                }
                continue;
            }
            Instant retry = retryAfter.get(n.name());
            if (retry != null && now.isBefore(retry)) {
                continue;
            }
            if (delete(n, since, now)) {
                deleted.add(n.name());
            }
        }
        firstSeen.keySet().retainAll(present);
        tried.retainAll(present);
        retryAfter.keySet().retainAll(present);
        logged.retainAll(present);
        return deleted;
    }

    private boolean hasServer(Node n) {
        try {
            return provider.hasInstance(n);
        } catch (RuntimeException e) { // CloudProviderException included
            // Unknown is not gone: a Node is deleted only on a clear answer.
            LOG.warn("Could not tell whether node {} has a server: {}", n.name(), e.getMessage());
            return true;
        }
    }

    private boolean delete(Node n, Instant since, Instant now) {
        String message =
                "Deleting node "
                        + n.name()
                        + " because its server no longer exists in the cloud provider (NotReady"
                        + " since "
                        + since
                        + ")";
        LOG.info("{}", message);
        try {
            operations.deleteNodeObject(n.name());
            tried.add(n.name());
            retryAfter.remove(n.name());
            // After the call, so a failing delete retried every GRACE does not repeat the event.
            operations.nodeEvent(n.name(), false, REASON, message);
            return true;
        } catch (ClusterOperationException | RuntimeException e) {
            LOG.warn(
                    "Could not delete node {} (its server is gone); trying again in {} min: {}",
                    n.name(),
                    GRACE.toMinutes(),
                    e.getMessage());
            retryAfter.put(n.name(), now.plus(GRACE));
            return false;
        }
    }

    private void forget(String name) {
        firstSeen.remove(name);
        retryAfter.remove(name);
        logged.remove(name);
    }
}
