package org.k8sca.app.observe;

import org.k8sca.core.cloud.InstanceError.ErrorClass;
import org.k8sca.core.clusterstate.Backoff;
import org.k8sca.core.clusterstate.ClusterStateEvent;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.core.clusterstate.NodeCounts;
import org.k8sca.core.clusterstate.NodeGroupStatus;
import org.k8sca.core.clusterstate.ScaleUpActivity;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaledown.drain.NodeDrain;
import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaledown.unneeded.SoftTaintPlan;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.PodOutcome;
import org.k8sca.core.scaleup.PodVerdict;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One loop's reports, built from the core's records: two groups, a scale-up, a scale-down. */
final class LoopFixtures {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant PROBE = START.plusSeconds(1);

    private LoopFixtures() {}

    static ClusterStatus status(Health health) {
        NodeCounts web = new NodeCounts(3, 1, 1, 0, 1, 2, 1, 0, 1);
        NodeCounts db = new NodeCounts(2, 0, 0, 1, 0, 0, 0, 1, 0);
        Backoff backoff =
                new Backoff(
                        ErrorClass.OUT_OF_RESOURCES,
                        "QUOTA_EXCEEDED",
                        "no quota",
                        START,
                        START.plus(Duration.ofMinutes(5)),
                        Duration.ofMinutes(5));
        return new ClusterStatus(
                health,
                START,
                web.plus(db),
                ScaleUpActivity.IN_PROGRESS,
                START,
                PROBE,
                List.of(
                        new NodeGroupStatus(
                                "web",
                                1,
                                10,
                                7,
                                web,
                                Health.HEALTHY,
                                START,
                                ScaleUpActivity.IN_PROGRESS,
                                START,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                PROBE),
                        new NodeGroupStatus(
                                "db",
                                0,
                                4,
                                3,
                                db,
                                Health.UNHEALTHY,
                                START,
                                ScaleUpActivity.BACKOFF,
                                START,
                                Optional.empty(),
                                Optional.of(backoff),
                                Optional.empty(),
                                PROBE)));
    }

    static ClusterStateUpdate update() {
        return new ClusterStateUpdate(
                List.of(
                        new ClusterStateEvent.ScaleUpTimedOut("web", 2, Duration.ofMinutes(15)),
                        new ClusterStateEvent.ScaleUpFailed(
                                "db",
                                2,
                                ErrorClass.OUT_OF_RESOURCES,
                                "QUOTA_EXCEEDED",
                                List.of("no quota")),
                        new ClusterStateEvent.ScaleUpCompleted("web", 1, START, PROBE)),
                List.of());
    }

    static final GroupIncrease WEB_UP = new GroupIncrease("web", 7, 9, 10);
    static final GroupIncrease DB_UP = new GroupIncrease("db", 3, 4, 4);

    static ScaleUpResult scaleUpResult() {
        return new ScaleUpResult(
                ScaleUpStatus.SCALE_UP,
                "scale-up",
                List.of(
                        new PodOutcome(
                                "shop/cart-1",
                                "u1",
                                PodVerdict.TRIGGERS_SCALE_UP,
                                "web",
                                "",
                                Map.of()),
                        new PodOutcome(
                                "shop/cart-2",
                                "u2",
                                PodVerdict.TRIGGERS_SCALE_UP,
                                "web",
                                "",
                                Map.of()),
                        new PodOutcome(
                                "shop/huge",
                                "u3",
                                PodVerdict.NOT_HELPED,
                                "",
                                "pod didn't trigger scale-up: 2 Insufficient memory",
                                Map.of(
                                        "web",
                                        List.of("Insufficient memory"),
                                        "db",
                                        List.of("Insufficient memory"))),
                        new PodOutcome(
                                "shop/fits",
                                "u4",
                                PodVerdict.FITS_EXISTING_NODE,
                                "node-1",
                                "",
                                Map.of()),
                        new PodOutcome(
                                "shop/low", "u5", PodVerdict.IGNORED, "", "expendable", Map.of())),
                List.of(),
                List.of(WEB_UP, DB_UP),
                null,
                List.of());
    }

    static List<IncreaseAttempt> executed() {
        return List.of(
                new IncreaseAttempt(WEB_UP, IncreaseAttempt.Outcome.SUCCEEDED, ""),
                new IncreaseAttempt(DB_UP, IncreaseAttempt.Outcome.FAILED, "quota exceeded"));
    }

    static ScaleDownPlan scaleDownPlan(Optional<String> cooldown) {
        Pod moved = Pod.builder("shop", "cart-9").uid("u9").build();
        return new ScaleDownPlan(
                List.of(
                        NodeExplanation.unneeded("web-1", START.minusSeconds(700), 0.1),
                        NodeExplanation.unneeded("web-2", START.minusSeconds(900), 0.3),
                        NodeExplanation.unneededButKept(
                                "db-1",
                                START.minusSeconds(60),
                                UnremovableReason.NOT_UNNEEDED_LONG_ENOUGH,
                                0.2,
                                ""),
                        NodeExplanation.kept("db-2", UnremovableReason.NOT_UNDERUTILIZED, 0.9, ""),
                        NodeExplanation.kept("web-3", UnremovableReason.NOT_UNDERUTILIZED, 0.8, ""),
                        NodeExplanation.kept("other", UnremovableReason.NOT_AUTOSCALED, 0.5, "")),
                List.of(
                        new NodeRemoval(
                                "web-1",
                                new NodeDrain(List.of(), List.of(), List.of(), null, null),
                                Map.of(),
                                false)),
                List.of(
                        new NodeRemoval(
                                "web-2",
                                new NodeDrain(List.of(moved), List.of(), List.of(), null, null),
                                Map.of("shop/cart-9", "web-3"),
                                false)),
                SoftTaintPlan.NONE,
                cooldown,
                false);
    }

    static List<DeletionResult> deletions() {
        return List.of(
                new DeletionResult("web-1", "web", true, true, "server deleted"),
                new DeletionResult("web-2", "web", false, true, "server and Node object deleted"),
                new DeletionResult(
                        "web-4", "web", false, false, "failed to drain and delete node: timeout"));
    }
}
