package org.k8sca.kube.ops;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import org.k8sca.kube.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Every write the autoscaler makes to a Node (taints, cordon, the cordon mark, the provider ID) as
 * a read followed by an update (PUT) that carries the {@code resourceVersion} read, as upstream
 * does. A concurrent writer makes the API answer 409 Conflict instead of one change silently losing
 * the other; a conflict is retried on a fresh read after {@code retryInterval} until {@code
 * retryTimeout} has passed (upstream: every 750 ms for up to 5 s).
 *
 * <p>Why update and never patch: upstream's RBAC grants {@code nodes: update} but not {@code
 * patch}, so an operator who keeps it still gets every node write. (A JSON merge patch would also
 * replace the whole taint list, which fabric8's mock merges instead; a JSON patch edits list
 * entries by index, which a concurrent change can shift.)
 */
public final class KubeNodeUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(KubeNodeUpdater.class);

    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofMillis(750);
    public static final Duration DEFAULT_RETRY_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Changes a node read fresh from the API, in place; its {@code spec} and {@code metadata} are
     * never null.
     */
    @FunctionalInterface
    public interface NodeChange {
        /** Returns false when the node already was as wanted: nothing is written. */
        boolean apply(Node node);
    }

    private final KubernetesClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration retryInterval;
    private final Duration retryTimeout;

    public KubeNodeUpdater(
            KubernetesClient client,
            Clock clock,
            Sleeper sleeper,
            Duration retryInterval,
            Duration retryTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.retryInterval = Objects.requireNonNull(retryInterval, "retryInterval");
        this.retryTimeout = Objects.requireNonNull(retryTimeout, "retryTimeout");
    }

    /** With upstream's retry timing, on the real clock. */
    public KubeNodeUpdater(KubernetesClient client) {
        this(
                client,
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                DEFAULT_RETRY_INTERVAL,
                DEFAULT_RETRY_TIMEOUT);
    }

    /**
     * Reads node {@code nodeName}, applies {@code change} and writes the node back, retrying
     * conflicts.
     *
     * @param what the change in words, for messages ("add taint X")
     */
    public TaintChange update(String nodeName, String what, NodeChange change) {
        Instant deadline = clock.instant().plus(retryTimeout);
        int conflicts = 0;
        while (true) {
            try {
                Node node = client.nodes().withName(nodeName).get();
                if (node == null) {
                    return notFound(nodeName);
                }
                if (node.getSpec() == null) {
                    node.setSpec(new NodeSpec());
                }
                if (node.getMetadata() == null) {
                    node.setMetadata(new ObjectMeta());
                }
                if (!change.apply(node)) {
                    return new TaintChange(TaintChange.Outcome.ALREADY_IN_PLACE, "");
                }
                // update() sends the resourceVersion we read: a write in between makes it fail with
                // 409.
                client.nodes().resource(node).update();
                return new TaintChange(TaintChange.Outcome.APPLIED, "");
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return notFound(nodeName);
                }
                if (e.getCode() != 409) {
                    return new TaintChange(
                            TaintChange.Outcome.FAILED,
                            what + " on node " + nodeName + ": " + e.getMessage());
                }
                conflicts++;
                if (!clock.instant().plus(retryInterval).isBefore(deadline)) {
                    return new TaintChange(
                            TaintChange.Outcome.FAILED,
                            what
                                    + " on node "
                                    + nodeName
                                    + ": still conflicting after "
                                    + conflicts
                                    + " attempts in "
                                    + retryTimeout.toMillis()
                                    + " ms");
                }
                LOG.debug(
                        "conflict on node {} ({}), retrying in {} ms",
                        nodeName,
                        what,
                        retryInterval.toMillis());
                try {
                    sleeper.sleep(retryInterval);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return new TaintChange(
                            TaintChange.Outcome.FAILED,
                            what + " on node " + nodeName + ": interrupted");
                }
            }
        }
    }

    private static TaintChange notFound(String nodeName) {
        return new TaintChange(
                TaintChange.Outcome.NODE_NOT_FOUND, "node " + nodeName + " not found");
    }
}
