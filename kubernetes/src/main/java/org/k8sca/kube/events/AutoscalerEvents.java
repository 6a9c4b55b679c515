package org.k8sca.kube.events;

import org.k8sca.core.model.Pod;
import org.k8sca.core.scaleup.GroupIncrease;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every event the autoscaler records, with upstream's object, type, reason and wording, so that
 * {@code kubectl describe} and event-based alerts read as they do with the Go autoscaler.
 * Cluster-wide events go on the status ConfigMap. Each method returns at once (see {@link
 * EventRecorder}).
 */
public final class AutoscalerEvents {

    public static final String PRIORITY_CONFIG_MAP = "cluster-autoscaler-priority-expander";

    private final EventRecorder recorder;
    private final String namespace;
    private final EventObject statusConfigMap;

    /**
     * @param namespace {@code --namespace}: where the status and priority ConfigMaps live
     * @param statusConfigMapName {@code --status-config-map-name}
     */
    public AutoscalerEvents(EventRecorder recorder, String namespace, String statusConfigMapName) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.statusConfigMap = EventObject.configMap(namespace, statusConfigMapName);
    }

    public EventRecorder recorder() {
        return recorder;
    }

    // --- On the status ConfigMap: scale-up ---

    /** {@code ScaledUpGroup} before a resize. */
    public void scalingUpGroup(GroupIncrease i) {
        status(
                EventType.NORMAL,
                "ScaledUpGroup",
                "Scale-up: setting group "
                        + i.nodeGroupId()
                        + " size to "
                        + i.newTarget()
                        + " instead of "
                        + i.currentTarget()
                        + " (max: "
                        + i.maxSize()
                        + ")");
    }

    /** {@code ScaledUpGroup} after a successful resize. */
    public void scaledUpGroup(GroupIncrease i) {
        status(
                EventType.NORMAL,
                "ScaledUpGroup",
                "Scale-up: group "
                        + i.nodeGroupId()
                        + " size set to "
                        + i.newTarget()
                        + " instead of "
                        + i.currentTarget()
                        + " (max: "
                        + i.maxSize()
                        + ")");
    }

    /** {@code FailedToScaleUpGroup}: the resize call failed. */
    public void failedToScaleUpGroup(String groupId, String error) {
        status(
                EventType.WARNING,
                "FailedToScaleUpGroup",
                "Scale-up failed for group " + groupId + ": " + error);
    }

    /** {@code ScaleUpTimedOut}: the nodes did not register within max-node-provision-time. */
    public void scaleUpTimedOut(String message) {
        status(EventType.WARNING, "ScaleUpTimedOut", message);
    }

    /** {@code FailedToRevertScaleUp}: lowering the target after a timed-out scale-up failed. */
    public void failedToRevertScaleUp(String groupId, String error) {
        status(
                EventType.WARNING,
                "FailedToRevertScaleUp",
                "Failed to revert the target size of group "
                        + groupId
                        + " after a timed-out scale-up: "
                        + error);
    }

    /** {@code ScaleUpFailed}: the cloud reported instances that failed to create. */
    public void scaleUpFailed(String message) {
        status(EventType.WARNING, "ScaleUpFailed", message);
    }

    /** {@code MaxNodesTotalReached}: {@code --max-nodes-total} stops a scale-up. */
    public void maxNodesTotalReached(int maxNodesTotal) {
        status(
                EventType.WARNING,
                "MaxNodesTotalReached",
                "Max total nodes in cluster reached: " + maxNodesTotal);
    }

    /**
     * {@code ClusterUnhealthy}: too many unready nodes; the autoscaler does nothing until it
     * recovers.
     */
    public void clusterUnhealthy() {
        status(EventType.WARNING, "ClusterUnhealthy", "Cluster is unhealthy");
    }

    // --- On the status ConfigMap: scale-down ---

    /** {@code ScaleDownEmpty} when an empty node's deletion starts. */
    public void removingEmptyNode(String node) {
        status(
                EventType.NORMAL,
                "ScaleDownEmpty",
                "Scale-down: removing empty node \"" + node + "\"");
    }

    /** {@code ScaleDownEmpty} when an empty node was deleted. */
    public void emptyNodeRemoved(String node) {
        status(
                EventType.NORMAL,
                "ScaleDownEmpty",
                "Scale-down: empty node \"" + node + "\" removed");
    }

    /** {@code ScaleDown} when a drain starts, listing the pods to move. */
    public void removingNode(String node, double utilization, List<String> podKeys) {
        status(
                EventType.NORMAL,
                "ScaleDown",
                "Scale-down: removing node "
                        + node
                        + ", utilization: "
                        + String.format(Locale.ROOT, "%.2f", utilization)
                        + ", pods to reschedule: "
                        + String.join(",", podKeys));
    }

    /** {@code ScaleDown} when a drained node was deleted. */
    public void nodeRemovedWithDrain(String node) {
        status(EventType.NORMAL, "ScaleDown", "Scale-down: node " + node + " removed with drain");
    }

    /** {@code DeleteUnregistered}: a long-unregistered instance was removed. */
    public void deletedUnregistered(String node) {
        status(EventType.NORMAL, "DeleteUnregistered", "Removed unregistered node " + node);
    }

    /** {@code DeleteUnregisteredFailed}. */
    public void deleteUnregisteredFailed(String node, String error) {
        status(
                EventType.WARNING,
                "DeleteUnregisteredFailed",
                "Failed to remove node " + node + ": " + error);
    }

    // --- On nodes ---

    /** {@code ScaleDown} on the node: it got the ToBeDeleted taint. */
    public void nodeMarkedForDeletion(String node) {
        nodeEvent(node, false, "ScaleDown", "marked the node as toBeDeleted/unschedulable");
    }

    /** {@code ScaleDown} on the node: its server was deleted. */
    public void nodeRemoved(String node) {
        nodeEvent(node, false, "ScaleDown", "nodes removed by cluster autoscaler");
    }

    /** {@code ScaleDownFailed} on the node: tainting, draining or deleting it failed. */
    public void nodeScaleDownFailed(String node, String message) {
        nodeEvent(node, true, "ScaleDownFailed", message);
    }

    /**
     * {@code ClusterAutoscalerCleanup}: a leftover ToBeDeleted taint was removed at start-up (or
     * not).
     */
    public void cleanup(String node, boolean failed, String message) {
        nodeEvent(node, failed, "ClusterAutoscalerCleanup", message);
    }

    /** Any event on a node (the shape of the core's {@code ClusterOperations.nodeEvent}). */
    public void nodeEvent(String node, boolean warning, String reason, String message) {
        recorder.record(EventObject.node(node), type(warning), reason, message);
    }

    // --- On pods ---

    /** {@code TriggeredScaleUp}: the pod will be helped by these resizes. */
    public void triggeredScaleUp(String podKey, String uid, List<GroupIncrease> increases) {
        String infos =
                increases.stream()
                        .map(GroupIncrease::describe)
                        .collect(Collectors.joining(" ", "[", "]"));
        recorder.record(
                EventObject.podByKey(podKey, uid),
                EventType.NORMAL,
                "TriggeredScaleUp",
                "pod triggered scale-up: " + infos);
    }

    /**
     * {@code NotTriggerScaleUp}: no group can help the pod; {@code message} has the per-group
     * reasons.
     */
    public void notTriggerScaleUp(String podKey, String uid, String message) {
        recorder.record(
                EventObject.podByKey(podKey, uid), EventType.NORMAL, "NotTriggerScaleUp", message);
    }

    /** Any event on a pod (the shape of the core's {@code ClusterOperations.podEvent}). */
    public void podEvent(Pod pod, boolean warning, String reason, String message) {
        podEvent(pod.namespace(), pod.name(), pod.uid(), warning, reason, message);
    }

    /**
     * Any event on pod {@code namespace/name} with this UID (the shape of the actuation's event
     * sink).
     */
    public void podEvent(
            String namespace,
            String name,
            String uid,
            boolean warning,
            String reason,
            String message) {
        recorder.record(EventObject.pod(namespace, name, uid), type(warning), reason, message);
    }

    // --- On the priority expander's ConfigMap ---

    /**
     * {@code PriorityConfigMapInvalid}, {@code PriorityConfigMapNotMatchedGroup} or {@code
     * PriorityConfigMapNoGroupMatched}.
     */
    public void priorityConfigMapProblem(String reason, String message) {
        recorder.record(
                EventObject.configMap(namespace, PRIORITY_CONFIG_MAP),
                EventType.WARNING,
                reason,
                message);
    }

    private void status(EventType type, String reason, String message) {
        recorder.record(statusConfigMap, type, reason, message);
    }

    private static EventType type(boolean warning) {
        return warning ? EventType.WARNING : EventType.NORMAL;
    }
}
