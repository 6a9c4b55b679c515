package org.k8sca.bench.loop;

import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.actuation.ClusterOperationException;
import org.k8sca.core.scaledown.actuation.ClusterOperations;
import org.k8sca.core.scaledown.actuation.EvictionOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes operations for the loop benchmark, where no drain ever starts (every measured loop is
 * the first of a fresh planner, so no node has been unneeded long enough): taints and events are
 * accepted and dropped, and anything that would drain a node fails loudly, so a benchmark that
 * started one would show it.
 */
public final class NoClusterOperations implements ClusterOperations {

    @Override
    public void taintToBeDeleted(String node, Instant at, boolean cordon) {}

    @Override
    public void untaintToBeDeleted(String node, boolean uncordon) {}

    @Override
    public EvictionOutcome evict(Pod pod, Duration gracePeriod) {
        throw new IllegalStateException(
                "the loop benchmark never drains, asked to evict " + pod.key());
    }

    @Override
    public boolean podGone(Pod pod, String node) throws ClusterOperationException {
        throw new ClusterOperationException("the loop benchmark never drains node " + node);
    }

    @Override
    public List<Pod> podsOnNode(String node) throws ClusterOperationException {
        throw new ClusterOperationException("the loop benchmark never drains node " + node);
    }

    @Override
    public Map<String, String> nodeAnnotations(String node) {
        return Map.of();
    }

    @Override
    public void deleteNodeObject(String node) throws ClusterOperationException {
        throw new ClusterOperationException("the loop benchmark never deletes node " + node);
    }

    @Override
    public void nodeEvent(String node, boolean warning, String reason, String message) {}

    @Override
    public void podEvent(Pod pod, boolean warning, String reason, String message) {}
}
