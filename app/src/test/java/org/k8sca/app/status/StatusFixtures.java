package org.k8sca.app.status;

import org.k8sca.app.testing.TestObjects;
import org.k8sca.core.cloud.InstanceError.ErrorClass;
import org.k8sca.core.clusterstate.Backoff;
import org.k8sca.core.clusterstate.ClusterStateEvent;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.core.clusterstate.NodeCounts;
import org.k8sca.core.clusterstate.NodeGroupStatus;
import org.k8sca.core.clusterstate.ScaleUpActivity;
import org.k8sca.core.clusterstate.ScaleUpRequest;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaledown.drain.BlockReason;
import org.k8sca.core.scaledown.drain.NodeDrain;
import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaledown.unneeded.SoftTaintPlan;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.GroupOutcome;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.PodOutcome;
import org.k8sca.core.scaleup.PodVerdict;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One loop's reports, built from the core's records: group {@code web} scaling up, group {@code db}
 * backed off, a pod no group can take, two unneeded nodes and one blocked by a pod.
 */
final class StatusFixtures {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private StatusFixtures() {}

    static ClusterObjects objects() {
        return new TestObjects()
                .node("web-1", "kamatera://web-1", 2000, 4 * TestObjects.GI, true, START)
                .node("web-2", "kamatera://web-2", 2000, 4 * TestObjects.GI, true, START)
                .node("db-1", "kamatera://db-1", 2000, 4 * TestObjects.GI, false, START)
                .pod("cart-1", SchedulingState.UNSCHEDULABLE, null, null, 500, 0, START)
                .pod("huge", SchedulingState.UNSCHEDULABLE, null, null, 64000, 0, START)
                .pod("running", SchedulingState.BOUND, null, "web-1", 100, 0, START)
                .build();
    }

    static final ScaleUpRequest WEB_REQUEST =
            new ScaleUpRequest("web", 2, START, START.plus(Duration.ofMinutes(15)));

    static final Backoff DB_BACKOFF =
            new Backoff(
                    ErrorClass.OUT_OF_RESOURCES,
                    "QUOTA_EXCEEDED",
                    "no quota",
                    START,
                    START.plus(Duration.ofMinutes(5)),
                    Duration.ofMinutes(5));

    static ClusterStatus status(Health health) {
        NodeCounts web = new NodeCounts(2, 0, 0, 0, 3, 2, 0, 0, 2);
        NodeCounts db = new NodeCounts(0, 1, 0, 0, 0, 0, 0, 1, 0);
        return new ClusterStatus(
                health,
                START,
                web.plus(db),
                ScaleUpActivity.IN_PROGRESS,
                START,
                START,
                List.of(
                        new NodeGroupStatus(
                                "web",
                                1,
                                10,
                                4,
                                web,
                                Health.HEALTHY,
                                START,
                                ScaleUpActivity.IN_PROGRESS,
                                START,
                                Optional.of(WEB_REQUEST),
                                Optional.empty(),
                                Optional.empty(),
                                START),
                        new NodeGroupStatus(
                                "db",
                                0,
                                4,
                                1,
                                db,
                                Health.HEALTHY,
                                START,
                                ScaleUpActivity.BACKOFF,
                                START,
                                Optional.empty(),
                                Optional.of(DB_BACKOFF),
                                Optional.empty(),
                                START)));
    }

    static ClusterStateUpdate update() {
        return new ClusterStateUpdate(
                List.of(
                        new ClusterStateEvent.ScaleUpFailed(
                                "db",
                                1,
                                ErrorClass.OUT_OF_RESOURCES,
                                "QUOTA_EXCEEDED",
                                List.of("no quota"))),
                List.of());
    }

    static final GroupIncrease WEB_UP = new GroupIncrease("web", 2, 4, 10);

    static ScaleUpResult scaleUpResult() {
        return new ScaleUpResult(
                ScaleUpStatus.SCALE_UP,
                "scale-up: {web 2->4 (max: 10)} for 1 pod(s)",
                List.of(
                        new PodOutcome(
                                "default/cart-1",
                                "u1",
                                PodVerdict.TRIGGERS_SCALE_UP,
                                "web",
                                "",
                                Map.of()),
                        new PodOutcome(
                                "default/huge",
                                "u2",
                                PodVerdict.NOT_HELPED,
                                "",
                                "",
                                Map.of(
                                        "web",
                                        List.of("Insufficient cpu"),
                                        "db",
                                        List.of("Insufficient cpu")))),
                List.of(
                        new GroupOutcome("web", 2, 4, 10, 2, "", ""),
                        new GroupOutcome("db", 1, 1, 4, -1, "backed off", "")),
                List.of(WEB_UP),
                null,
                List.of());
    }

    static List<IncreaseAttempt> executed() {
        return List.of(new IncreaseAttempt(WEB_UP, IncreaseAttempt.Outcome.SUCCEEDED, ""));
    }

    /** web-1 empty and removed now, web-2 unneeded for 2 minutes, db-1 blocked by a pod. */
    static ScaleDownPlan scaleDownPlan(Optional<String> cooldown) {
        return new ScaleDownPlan(
                List.of(
                        NodeExplanation.unneeded("web-1", START.minusSeconds(700), 0.1),
                        NodeExplanation.unneededButKept(
                                "web-2",
                                START.minusSeconds(120),
                                UnremovableReason.NOT_UNNEEDED_LONG_ENOUGH,
                                0.25,
                                ""),
                        NodeExplanation.blocked(
                                "db-1",
                                UnremovableReason.BLOCKED_BY_POD,
                                "kube-system/dns",
                                BlockReason.UNMOVABLE_KUBE_SYSTEM_POD,
                                0.4,
                                "")),
                List.of(
                        new NodeRemoval(
                                "web-1",
                                new NodeDrain(List.of(), List.of(), List.of(), null, null),
                                Map.of(),
                                false)),
                List.of(),
                SoftTaintPlan.NONE,
                cooldown,
                false);
    }

    static List<DeletionResult> deletions() {
        return List.of(
                new DeletionResult("web-1", "web", true, true, "server deleted"),
                new DeletionResult("web-9", "web", false, false, "drain timed out"));
    }
}
