package org.k8sca.kube.actuation;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.actuation.ClusterOperationException;
import org.k8sca.core.scaledown.actuation.ClusterOperations;
import org.k8sca.core.scaledown.actuation.EvictionOutcome;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;
import org.k8sca.kube.ops.AutoscalerTaints;
import org.k8sca.kube.ops.EvictionResult;
import org.k8sca.kube.ops.NodeDeletion;
import org.k8sca.kube.ops.NodeObjectDeleter;
import org.k8sca.kube.ops.PodEvictor;
import org.k8sca.kube.ops.TaintChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The core's {@link ClusterOperations} on a Kubernetes cluster, plus the soft taint on unneeded
 * nodes. Pods on a node come from the informer cache; everything else is one API round trip (the
 * tainter retries conflicts for a few seconds).
 */
public final class KubeClusterOperations implements ClusterOperations {

    private final KubernetesClient client;
    private final AutoscalerCordon cordon;
    private final PodEvictor evictor;
    private final NodeObjectDeleter deleter;
    private final Function<String, List<ObservedPod>> podsOnNode;

    /**
     * The pod event the core's drain records when it gives up on evicting a pod: the only place the
     * final failure of an eviction is told, so it is what counts as a failed eviction.
     */
    static final String EVICTION_GAVE_UP_REASON = "ScaleDownFailed";

    /** The one warning of a process whose RBAC lacks {@code nodes: delete}. */
    public static final String NODE_DELETE_FORBIDDEN =
            "RBAC: cannot delete Node objects (nodes: delete); deleted servers leave NotReady Node"
                    + " objects behind; apply deploy/kubernetes/rbac.yaml to allow it";

    /** The reason of the warning event on a Node left behind because of RBAC. */
    public static final String NODE_DELETE_FORBIDDEN_REASON = "NodeObjectNotDeleted";

    private static final Logger LOG = LoggerFactory.getLogger(KubeClusterOperations.class);

    private final EventSink events;
    private final ActuationMetrics metrics;
    private final AtomicBoolean nodeDeleteForbiddenLogged = new AtomicBoolean();

    /** Without metrics. */
    public KubeClusterOperations(
            KubernetesClient client,
            AutoscalerCordon cordon,
            PodEvictor evictor,
            NodeObjectDeleter deleter,
            Function<String, List<ObservedPod>> podsOnNode,
            EventSink events) {
        this(client, cordon, evictor, deleter, podsOnNode, events, ActuationMetrics.NONE);
    }

    /**
     * @param podsOnNode the pods bound to a node, from the informers ({@code
     *     ClusterView::podsOnNode})
     * @param metrics told each eviction's end
     */
    public KubeClusterOperations(
            KubernetesClient client,
            AutoscalerCordon cordon,
            PodEvictor evictor,
            NodeObjectDeleter deleter,
            Function<String, List<ObservedPod>> podsOnNode,
            EventSink events,
            ActuationMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.client = Objects.requireNonNull(client, "client");
        this.cordon = Objects.requireNonNull(cordon, "cordon");
        this.evictor = Objects.requireNonNull(evictor, "evictor");
        this.deleter = Objects.requireNonNull(deleter, "deleter");
        this.podsOnNode = Objects.requireNonNull(podsOnNode, "podsOnNode");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public void taintToBeDeleted(String node, Instant at, boolean cordonNode)
            throws ClusterOperationException {
        check(cordon.taint(node, AutoscalerTaints.toBeDeleted(at), cordonNode), false);
    }

    @Override
    public void untaintToBeDeleted(String node, boolean uncordon) throws ClusterOperationException {
        check(cordon.untaint(node, uncordon, AutoscalerTaints.TO_BE_DELETED), true);
    }

    /**
     * Adds the soft taint {@code
     * DeletionCandidateOfClusterAutoscaler=<unix(since)>:PreferNoSchedule}.
     */
    public void addDeletionCandidate(String node, Instant since) throws ClusterOperationException {
        check(cordon.taint(node, AutoscalerTaints.deletionCandidate(since), false), false);
    }

    /** Removes the soft taint; a missing node is fine. */
    public void removeDeletionCandidate(String node) throws ClusterOperationException {
        check(cordon.untaint(node, false, AutoscalerTaints.DELETION_CANDIDATE), true);
    }

    @Override
    public EvictionOutcome evict(Pod pod, Duration gracePeriod) {
        EvictionResult r = evictor.evict(pod.namespace(), pod.name(), gracePeriod);
        if (r.outcome() == EvictionResult.Outcome.EVICTED) {
            // Refusals are retried by the drain; only its giving up counts as a failure (podEvent).
            metrics.evictedPod(true);
        }
        return switch (r.outcome()) {
            case EVICTED -> EvictionOutcome.EVICTED;
            case POD_GONE -> EvictionOutcome.NOT_FOUND;
            case BLOCKED_BY_PDB -> EvictionOutcome.PDB_REFUSED;
            case FAILED -> EvictionOutcome.ERROR;
        };
    }

    @Override
    public boolean podGone(Pod pod, String node) throws ClusterOperationException {
        try {
            return !evictor.stillOnNode(pod.namespace(), pod.name(), pod.uid(), node);
        } catch (KubernetesClientException e) {
            throw new ClusterOperationException(
                    "cannot read pod " + pod.key() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Pod> podsOnNode(String node) {
        List<Pod> out = new ArrayList<>();
        for (ObservedPod p : podsOnNode.apply(node)) {
            if (p.state() != SchedulingState.FINISHED) {
                out.add(p.pod());
            }
        }
        return out;
    }

    @Override
    public Map<String, String> nodeAnnotations(String node) throws ClusterOperationException {
        try {
            io.fabric8.kubernetes.api.model.Node n = client.nodes().withName(node).get();
            if (n == null || n.getMetadata() == null || n.getMetadata().getAnnotations() == null) {
                return Map.of();
            }
            return Map.copyOf(n.getMetadata().getAnnotations());
        } catch (KubernetesClientException e) {
            throw new ClusterOperationException(
                    "cannot read node " + node + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the Node object of a node whose server is gone. When RBAC forbids it (upstream's
     * example RBAC has no {@code nodes: delete}), the Node is left behind and this returns
     * normally: retrying cannot help, and the server is deleted, which is what matters. The process
     * logs {@link #NODE_DELETE_FORBIDDEN} once, and each such node gets a warning event saying so.
     */
    @Override
    public void deleteNodeObject(String node) throws ClusterOperationException {
        NodeDeletion d = deleter.deleteNode(node);
        switch (d.outcome()) {
            case DELETED, NOT_FOUND -> {}
            case FORBIDDEN -> {
                if (nodeDeleteForbiddenLogged.compareAndSet(false, true)) {
                    LOG.warn("{} (API server: {})", NODE_DELETE_FORBIDDEN, d.message());
                }
                events.nodeEvent(
                        node,
                        true,
                        NODE_DELETE_FORBIDDEN_REASON,
                        "the server is deleted, but RBAC forbids deleting its Node object (nodes:"
                                + " delete): delete it by hand (kubectl delete node "
                                + node
                                + ") or apply deploy/kubernetes/rbac.yaml");
            }
            case FAILED -> throw new ClusterOperationException(d.message());
        }
    }

    @Override
    public void nodeEvent(String node, boolean warning, String reason, String message) {
        events.nodeEvent(node, warning, reason, message);
    }

    @Override
    public void podEvent(Pod pod, boolean warning, String reason, String message) {
        if (warning && EVICTION_GAVE_UP_REASON.equals(reason)) {
            metrics.evictedPod(false);
        }
        events.podEvent(pod.namespace(), pod.name(), pod.uid(), warning, reason, message);
    }

    /** Throws unless the change worked; a missing node is fine when letting go of it. */
    private static void check(TaintChange change, boolean missingIsFine)
            throws ClusterOperationException {
        if (change.succeeded()) {
            return;
        }
        if (missingIsFine && change.outcome() == TaintChange.Outcome.NODE_NOT_FOUND) {
            return;
        }
        throw new ClusterOperationException(change.message());
    }
}
