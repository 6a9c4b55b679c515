package org.k8sca.core.scaledown.actuation;

import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.ScaleDownOptions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's deletion, from tainted to done, advanced by {@link #advance}. Not thread-safe; owned
 * by the {@link ScaleDownActuator}.
 */
final class NodeDeletion {

    /** Upstream retries a refused eviction every 10 s. */
    static final Duration EVICTION_RETRY = Duration.ofSeconds(10);

    /** Upstream polls for evicted pods every 5 s. */
    static final Duration POD_GONE_POLL = Duration.ofSeconds(5);

    /** Extra time given to evicted pods beyond their grace period. */
    static final Duration POD_GONE_HEADROOM = Duration.ofSeconds(30);

    /** Attempts at deleting the Node object once the server is gone. */
    static final int NODE_OBJECT_ATTEMPTS = 6;

    /**
     * Annotations with this prefix hold the deletion (e.g. until a load balancer drained the node).
     */
    static final String DELAY_DELETION_PREFIX = "delay-deletion.cluster-autoscaler.kubernetes.io/";

    enum State {
        WAIT_AFTER_TAINT,
        EVICTING,
        WAIT_FOR_PODS,
        WAIT_DELAY_ANNOTATIONS,
        DELETE_SERVER,
        DELETE_NODE_OBJECT,
        DONE
    }

    private final DeletionRequest request;
    private final boolean empty;
    private final Instant taintedAt;
    private final ScaleDownOptions options;
    private State state = State.WAIT_AFTER_TAINT;

    /** Pods still to evict, with the time of their next attempt. */
    private final Map<Pod, Instant> pendingEvictions = new LinkedHashMap<>();

    private final Map<Pod, EvictionOutcome> lastOutcome = new LinkedHashMap<>();
    private Instant evictionDeadline;
    private Instant podsGoneDeadline;
    private Instant nextPoll;
    private Instant delayAnnotationsDeadline;
    private int nodeObjectAttempts;
    private Instant nextNodeObjectAttempt;
    private DeletionResult result;

    NodeDeletion(DeletionRequest request, Instant taintedAt, ScaleDownOptions options) {
        this.request = request;
        this.empty = request.removal().empty();
        this.taintedAt = taintedAt;
        this.options = options;
    }

    String nodeName() {
        return request.node().name();
    }

    boolean empty() {
        return empty;
    }

    State state() {
        return state;
    }

    /** The result once {@link State#DONE}, else null. */
    DeletionResult result() {
        return result;
    }

    /** Moves as far as it can at {@code now}. */
    void advance(Instant now, ClusterOperations ops) {
        State before;
        do {
            before = state;
            step(now, ops);
        } while (state != before && state != State.DONE);
    }

    private void step(Instant now, ClusterOperations ops) {
        switch (state) {
            case WAIT_AFTER_TAINT -> {
                if (now.isBefore(taintedAt.plus(options.nodeDeleteDelayAfterTaint()))) {
                    return;
                }
                if (empty) {
                    String arrived = podNeedingAHome(ops);
                    if (arrived != null) {
                        fail(ops, "node is not empty: " + arrived);
                        return;
                    }
                    evictDaemonSetPods(ops);
                    enterDelayAnnotations(now);
                } else {
                    for (Pod pod : request.removal().podsToMove()) {
                        pendingEvictions.put(pod, now);
                        ops.podEvent(pod, false, "ScaleDown", "deleting pod for node scale down");
                    }
                    evictionDeadline = now.plus(options.maxPodEvictionTime());
                    state = State.EVICTING;
                }
            }
            case EVICTING -> evict(now, ops);
            case WAIT_FOR_PODS -> waitForPods(now, ops);
            case WAIT_DELAY_ANNOTATIONS -> waitForDelayAnnotations(now, ops);
            case DELETE_SERVER -> deleteServer(ops);
            case DELETE_NODE_OBJECT -> deleteNodeObject(now, ops);
            case DONE -> {}
        }
    }

    private void evict(Instant now, ClusterOperations ops) {
        for (Map.Entry<Pod, Instant> e : new ArrayList<>(pendingEvictions.entrySet())) {
            if (e.getValue().isAfter(now)) {
                continue;
            }
            Pod pod = e.getKey();
            EvictionOutcome outcome = ops.evict(pod, grace(pod));
            lastOutcome.put(pod, outcome);
            if (outcome == EvictionOutcome.EVICTED || outcome == EvictionOutcome.NOT_FOUND) {
                pendingEvictions.remove(pod);
            } else {
                pendingEvictions.put(pod, now.plus(EVICTION_RETRY));
            }
        }
        if (pendingEvictions.isEmpty()) {
            evictDaemonSetPods(ops);
            Duration longestGrace = Duration.ZERO;
            for (Pod pod : request.removal().podsToMove()) {
                longestGrace = longestGrace.compareTo(grace(pod)) >= 0 ? longestGrace : grace(pod);
            }
            podsGoneDeadline = now.plus(longestGrace).plus(POD_GONE_HEADROOM);
            nextPoll = now;
            state = State.WAIT_FOR_PODS;
            return;
        }
        if (!now.isBefore(evictionDeadline)) {
            List<String> refused = new ArrayList<>();
            for (Pod pod : pendingEvictions.keySet()) {
                refused.add(pod.key() + " (" + lastOutcome.get(pod) + ")");
                ops.podEvent(pod, true, "ScaleDownFailed", "failed to delete pod for ScaleDown");
            }
            fail(
                    ops,
                    "pods not evicted within --max-pod-eviction-time="
                            + options.maxPodEvictionTime()
                            + ": "
                            + refused);
        }
    }

    private void waitForPods(Instant now, ClusterOperations ops) {
        if (now.isBefore(nextPoll)) {
            return;
        }
        List<String> remaining = new ArrayList<>();
        try {
            for (Pod pod : request.removal().podsToMove()) {
                if (!ops.podGone(pod, nodeName())) {
                    remaining.add(pod.key());
                }
            }
        } catch (ClusterOperationException e) {
            remaining.add("(check failed: " + e.getMessage() + ")");
        }
        if (remaining.isEmpty()) {
            enterDelayAnnotations(now);
            return;
        }
        if (!now.isBefore(podsGoneDeadline)) {
            fail(
                    ops,
                    "evicted pods still on the node after their grace period and "
                            + POD_GONE_HEADROOM
                            + ": "
                            + remaining);
            return;
        }
        nextPoll = now.plus(POD_GONE_POLL);
    }

    private void enterDelayAnnotations(Instant now) {
        delayAnnotationsDeadline = now.plus(options.nodeDeletionDelayTimeout());
        nextPoll = now;
        state = State.WAIT_DELAY_ANNOTATIONS;
    }

    /**
     * Waits while the node has delay-deletion annotations, up to the timeout, then goes ahead
     * anyway.
     */
    private void waitForDelayAnnotations(Instant now, ClusterOperations ops) {
        if (now.isBefore(nextPoll)) {
            return;
        }
        boolean held;
        try {
            held =
                    ops.nodeAnnotations(nodeName()).keySet().stream()
                            .anyMatch(k -> k.startsWith(DELAY_DELETION_PREFIX));
        } catch (ClusterOperationException e) {
            held = true;
        }
        if (!held || !now.isBefore(delayAnnotationsDeadline)) {
            state = State.DELETE_SERVER;
            return;
        }
        nextPoll = now.plus(POD_GONE_POLL);
    }

    /**
     * A pod that arrived on an "empty" node since planning and would need a new home, or null. The
     * node is tainted, so only pods scheduled in between (or tolerating everything) can be there.
     */
    private String podNeedingAHome(ClusterOperations ops) {
        try {
            for (Pod p : ops.podsOnNode(nodeName())) {
                if (!p.isMirror()
                        && !p.isDaemonSetPod()
                        && !p.lifecycle().terminal()
                        && p.lifecycle().deletionTime() == null) {
                    return p.key();
                }
            }
            return null;
        } catch (ClusterOperationException e) {
            return "(listing its pods failed: " + e.getMessage() + ")";
        }
    }

    private void deleteServer(ClusterOperations ops) {
        try {
            request.group().deleteNodes(List.of(request.node()));
        } catch (CloudProviderException e) {
            fail(ops, "deleting the server failed: " + e.getMessage());
            return;
        }
        ops.nodeEvent(nodeName(), false, "ScaleDown", "nodes removed by cluster autoscaler");
        if (options.deleteNodeObjects()) {
            state = State.DELETE_NODE_OBJECT;
        } else {
            finish(true, "server deleted");
        }
    }

    private void deleteNodeObject(Instant now, ClusterOperations ops) {
        if (nextNodeObjectAttempt != null && now.isBefore(nextNodeObjectAttempt)) {
            return;
        }
        try {
            ops.deleteNodeObject(nodeName());
            finish(true, "server and Node object deleted");
        } catch (ClusterOperationException e) {
            nodeObjectAttempts++;
            if (nodeObjectAttempts >= NODE_OBJECT_ATTEMPTS) {
                // The server is gone; only the Node object is left behind.
                finish(
                        true,
                        "server deleted, but deleting the Node object failed: " + e.getMessage());
            } else {
                nextNodeObjectAttempt = now.plus(EVICTION_RETRY);
            }
        }
    }

    /** Best effort: DaemonSet pods are not waited for, and a failed eviction does not matter. */
    private void evictDaemonSetPods(ClusterOperations ops) {
        for (Pod pod :
                DaemonSetEviction.podsToEvict(
                        request.removal().drain().daemonSetPods(),
                        empty,
                        options.daemonSetEvictionForEmptyNodes(),
                        options.daemonSetEvictionForOccupiedNodes())) {
            ops.evict(pod, grace(pod));
        }
    }

    private Duration grace(Pod pod) {
        Duration own = pod.lifecycle().terminationGracePeriod();
        return own.compareTo(options.maxGracefulTermination()) <= 0
                ? own
                : options.maxGracefulTermination();
    }

    /** Untaints, records ScaleDownFailed, and ends without ever deleting the server. */
    void fail(ClusterOperations ops, String cause) {
        String message =
                (empty ? "failed to delete empty node: " : "failed to drain and delete node: ")
                        + cause;
        try {
            ops.untaintToBeDeleted(nodeName(), options.cordonNodeBeforeTerminating());
        } catch (ClusterOperationException e) {
            message += "; removing the ToBeDeleted taint also failed: " + e.getMessage();
        }
        ops.nodeEvent(nodeName(), true, "ScaleDownFailed", message);
        finish(false, message);
    }

    private void finish(boolean success, String message) {
        result = new DeletionResult(nodeName(), request.group().id(), empty, success, message);
        state = State.DONE;
    }
}
