package org.k8sca.app.testing;

import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.actuation.ClusterOperationException;
import org.k8sca.core.scaledown.actuation.ClusterOperations;
import org.k8sca.core.scaledown.actuation.EvictionOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Cluster operations that only record what was asked, as {@code "verb node"} lines. */
public final class RecordingOperations implements ClusterOperations {
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile boolean failTaints;
    public volatile boolean failNodeDeletes;

    @Override
    public void taintToBeDeleted(String node, Instant at, boolean cordon)
            throws ClusterOperationException {
        if (failTaints) {
            throw new ClusterOperationException("conflict on node " + node);
        }
        calls.add("taint " + node);
    }

    @Override
    public void untaintToBeDeleted(String node, boolean uncordon) {
        calls.add("untaint " + node);
    }

    @Override
    public EvictionOutcome evict(Pod pod, Duration gracePeriod) {
        calls.add("evict " + pod.key());
        return EvictionOutcome.EVICTED;
    }

    @Override
    public boolean podGone(Pod pod, String node) {
        return true;
    }

    @Override
    public List<Pod> podsOnNode(String node) {
        return List.of();
    }

    @Override
    public Map<String, String> nodeAnnotations(String node) {
        return Map.of();
    }

    @Override
    public void deleteNodeObject(String node) throws ClusterOperationException {
        calls.add("deleteNode " + node);
        if (failNodeDeletes) {
            throw new ClusterOperationException("API server unavailable deleting node " + node);
        }
    }

    @Override
    public void nodeEvent(String node, boolean warning, String reason, String message) {
        calls.add("event " + node + " " + reason);
    }

    @Override
    public void podEvent(Pod pod, boolean warning, String reason, String message) {
        calls.add("event " + pod.key() + " " + reason);
    }
}
