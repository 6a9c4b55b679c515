package org.k8sca.app.simulate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code simulate} found: the shape of its JSON output (docs/cli.md), every list in a stable
 * order (pods by namespace/name, nodes and groups by name).
 *
 * @param time the simulation's "now"
 * @param scaleUp the scale-up decision
 * @param scaleDown the scale-down findings
 * @param notes other things worth knowing (why planning stopped, kinds ignored, refused API calls)
 */
public record SimulationReport(
        Instant time, ScaleUp scaleUp, ScaleDown scaleDown, List<String> notes) {

    public SimulationReport {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(scaleUp, "scaleUp");
        Objects.requireNonNull(scaleDown, "scaleDown");
        notes = List.copyOf(notes);
    }

    /**
     * @param status the planner's overall outcome ({@code ScaleUpStatus} name, or {@code NOT_RUN}
     *     when the pass stopped before planning)
     * @param nodeGroups the groups that would grow
     * @param podsRemainUnschedulable pending pods this scale-up does not help
     */
    public record ScaleUp(
            String status,
            List<GroupScaleUp> nodeGroups,
            List<UnhelpedPod> podsRemainUnschedulable) {
        public ScaleUp {
            Objects.requireNonNull(status, "status");
            nodeGroups = List.copyOf(nodeGroups);
            podsRemainUnschedulable = List.copyOf(podsRemainUnschedulable);
        }
    }

    /**
     * @param pods {@code namespace/name} of the pods this increase is for; each pod is listed under
     *     one group only (balanced sibling groups may list none)
     */
    public record GroupScaleUp(
            String nodeGroup, int currentSize, int newSize, int maxSize, List<String> pods) {
        public GroupScaleUp {
            Objects.requireNonNull(nodeGroup, "nodeGroup");
            pods = List.copyOf(pods);
        }
    }

    /**
     * @param pod {@code namespace/name}
     * @param reasons per node group, why a new node of it would not take the pod; a group that
     *     could take it (but was not chosen this loop) is absent
     */
    public record UnhelpedPod(String pod, Map<String, String> reasons) {
        public UnhelpedPod {
            Objects.requireNonNull(pod, "pod");
            reasons = Map.copyOf(reasons);
        }
    }

    public record ScaleDown(List<UnneededNode> unneeded, List<UnremovableNode> unremovable) {
        public ScaleDown {
            unneeded = List.copyOf(unneeded);
            unremovable = List.copyOf(unremovable);
        }
    }

    /**
     * @param utilization the node's utilization (0..1), or {@code null} when it was not computed
     */
    public record UnneededNode(String node, String nodeGroup, Double utilization) {
        public UnneededNode {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(nodeGroup, "nodeGroup of " + node);
        }
    }

    /**
     * @param nodeGroup the node's group, or empty when it has none
     * @param reason the upstream name of the reason, e.g. {@code BlockedByPod}
     * @param detail the numbers or the pod behind the reason
     */
    public record UnremovableNode(String node, String nodeGroup, String reason, String detail) {
        public UnremovableNode {
            Objects.requireNonNull(node, "node");
            nodeGroup = nodeGroup == null ? "" : nodeGroup;
            Objects.requireNonNull(reason, "reason of " + node);
            detail = detail == null ? "" : detail;
        }
    }
}
