package org.k8sca.core.scaledown.actuation;

import org.k8sca.core.model.Pod;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes operations scale-down needs; implemented by the kubernetes module. Each call
 * should return quickly (one API round trip, plus short retries on optimistic-concurrency
 * conflicts); the actuator does the waiting and retrying over time.
 */
public interface ClusterOperations {

    /** Adds {@code ToBeDeletedByClusterAutoscaler=<unix(at)>:NoSchedule}, and cordons if asked. */
    void taintToBeDeleted(String node, Instant at, boolean cordon) throws ClusterOperationException;

    /** Removes the ToBeDeleted taint, and uncordons if the autoscaler cordoned it. */
    void untaintToBeDeleted(String node, boolean uncordon) throws ClusterOperationException;

    /** Creates an Eviction for {@code pod} with this grace period. */
    EvictionOutcome evict(Pod pod, Duration gracePeriod);

    /**
     * Whether {@code pod} no longer runs on {@code node} (deleted, or recreated elsewhere with the
     * same name).
     */
    boolean podGone(Pod pod, String node) throws ClusterOperationException;

    /** The pods bound to {@code node} now (from the informer cache, not the loop's snapshot). */
    List<Pod> podsOnNode(String node) throws ClusterOperationException;

    /** The node's annotations now. */
    Map<String, String> nodeAnnotations(String node) throws ClusterOperationException;

    /** Deletes the Node object (for clusters without a cloud controller manager). */
    void deleteNodeObject(String node) throws ClusterOperationException;

    /** Records a Kubernetes event on a node. */
    void nodeEvent(String node, boolean warning, String reason, String message);

    /** Records a Kubernetes event on a pod. */
    void podEvent(Pod pod, boolean warning, String reason, String message);
}
