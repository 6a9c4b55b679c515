package org.k8sca.app.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.app.testing.TestObjects.GI;

import org.junit.jupiter.api.Test;
import org.k8sca.app.decide.DecisionPass;
import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.testing.FakeCloud;
import org.k8sca.app.testing.MutableClock;
import org.k8sca.app.testing.RecordingOperations;
import org.k8sca.app.testing.TestObjects;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaledown.actuation.ScaleDownActuator;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

class AutoscalerLoopTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final FakeCloud cloud = new FakeCloud();
    private final TestObjects objects = new TestObjects();
    private final RecordingOperations ops = new RecordingOperations();
    private final Recorder recorder = new Recorder();
    private final DecisionPass pass = new DecisionPass(DecisionSettings.DEFAULTS, clock);
    private final ActuatorRunner actuator =
            new ActuatorRunner(new ScaleDownActuator(DecisionSettings.DEFAULTS.scaleDown(), ops));

    private AutoscalerLoop loop(LoopObserver... observers) {
        List<LoopObserver> all = new ArrayList<>(List.of(observers));
        all.add(recorder);
        return new AutoscalerLoop(
                clock, cloud, objects::build, pass, actuator, ops, NodeMarks.NONE, all);
    }

    /** Remembers what observers were told, as short lines. */
    static final class Recorder implements LoopObserver {
        final List<String> calls = new ArrayList<>();
        final List<ScaleUpResult> scaleUps = new ArrayList<>();
        final List<DeletionResult> finished = new ArrayList<>();

        @Override
        public void loopStarted(Instant now) {
            calls.add("started");
        }

        @Override
        public void clusterState(ClusterStatus status, ClusterStateUpdate update) {
            calls.add("clusterState");
        }

        @Override
        public void scaleUp(ScaleUpResult result, List<IncreaseAttempt> executed) {
            calls.add("scaleUp " + result.status() + " " + executed.size());
            scaleUps.add(result);
        }

        @Override
        public void scaleDown(ScaleDownPlan plan) {
            calls.add("scaleDown");
        }

        @Override
        public void deletionsFinished(List<DeletionResult> results) {
            finished.addAll(results);
        }

        @Override
        public void loopFinished(Instant started, Duration took, Optional<Throwable> error) {
            calls.add("finished " + error.map(e -> "error").orElse("ok"));
        }
    }

    @Test
    void aFailedRefreshSkipsTheLoop() {
        cloud.add("pool", 0, 5, 2000, 4 * GI);
        objects.pod(
                "web", SchedulingState.UNSCHEDULABLE, null, null, 1000, GI, T0.minusSeconds(60));
        cloud.refreshFailure =
                new CloudProviderException(CloudProviderException.Kind.CLOUD_API, "API down");

        LoopOutcome outcome = loop().runOnce(clock.instant());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(cloud.group("pool").increases).isEmpty();
        assertThat(recorder.calls).containsExactly("started", "finished error");
    }

    @Test
    void scalesUpOnceForAPendingPodAndWaitsForTheNewNode() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        objects.pod(
                "web", SchedulingState.UNSCHEDULABLE, null, null, 1000, GI, T0.minusSeconds(60));
        AutoscalerLoop loop = loop();

        LoopOutcome first = loop.runOnce(clock.instant());
        assertThat(first.productive()).isTrue();
        assertThat(g.increases).containsExactly(1);
        assertThat(pass.registry().scaleUpRequest("pool")).isPresent();

        clock.advance(Duration.ofSeconds(10));
        LoopOutcome second = loop.runOnce(clock.instant());
        assertThat(second.productive()).isFalse();
        assertThat(g.increases).containsExactly(1);
        assertThat(recorder.calls)
                .containsExactly(
                        "started",
                        "clusterState",
                        "scaleUp SCALE_UP 1",
                        "scaleDown",
                        "finished ok",
                        "started",
                        "clusterState",
                        "scaleUp NOT_NEEDED 0",
                        "scaleDown",
                        "finished ok");
    }

    @Test
    void aLoopWaitingForMorePodsAsksForTheLoopThatEndsTheWait() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        Instant created = T0.minusMillis(500);
        objects.pod("web", SchedulingState.UNSCHEDULABLE, null, null, 1000, GI, created);
        AutoscalerLoop loop = loop();

        LoopOutcome first = loop.runOnce(clock.instant());
        assertThat(recorder.scaleUps.get(0).status())
                .isEqualTo(ScaleUpStatus.WAITING_FOR_MORE_PODS);
        assertThat(g.increases).isEmpty();
        // The planner's batching window is 2 s from the oldest pending pod's creation.
        assertThat(first.nextLoopBy()).contains(created.plusSeconds(2));

        clock.advance(Duration.between(clock.instant(), first.nextLoopBy().get()));
        LoopOutcome second = loop.runOnce(clock.instant());
        assertThat(g.increases).containsExactly(1);
        assertThat(second.nextLoopBy()).isEmpty();
    }

    @Test
    void aFailedIncreaseBacksTheGroupOff() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        g.increaseFailure =
                new CloudProviderException(CloudProviderException.Kind.CLOUD_API, "quota exceeded");
        objects.pod(
                "web", SchedulingState.UNSCHEDULABLE, null, null, 1000, GI, T0.minusSeconds(60));
        AutoscalerLoop loop = loop();

        assertThat(loop.runOnce(clock.instant()).productive()).isFalse();
        g.increaseFailure = null;
        clock.advance(Duration.ofSeconds(10));
        loop.runOnce(clock.instant());

        assertThat(g.increases).isEmpty();
        assertThat(recorder.scaleUps.get(1).status()).isEqualTo(ScaleUpStatus.NO_OPTIONS);
        assertThat(pass.registry().backedOffGroups()).containsKey("pool");
    }

    @Test
    void leftoverDeletionTaintsOfManagedNodesAreRemovedOnTheFirstLoopOnly() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        objects.node("managed", g.addInstance(), 2000, 4 * GI, true, T0.minus(Duration.ofHours(1)))
                .taint("managed", "ToBeDeletedByClusterAutoscaler", "123")
                .pod(
                        "app",
                        SchedulingState.BOUND,
                        null,
                        "managed",
                        1500,
                        3 * GI,
                        T0.minus(Duration.ofHours(1)))
                .node(
                        "control-plane",
                        "other://cp",
                        2000,
                        4 * GI,
                        true,
                        T0.minus(Duration.ofHours(1)))
                .taint("control-plane", "ToBeDeletedByClusterAutoscaler", "123");
        AutoscalerLoop loop = loop();

        loop.runOnce(clock.instant());
        loop.runOnce(clock.instant());

        assertThat(ops.calls)
                .containsExactly("untaint managed", "event managed ClusterAutoscalerCleanup");
    }

    @Test
    void anObserverThatThrowsIsSkipped() {
        cloud.add("pool", 0, 5, 2000, 4 * GI);
        objects.pod(
                "web", SchedulingState.UNSCHEDULABLE, null, null, 1000, GI, T0.minusSeconds(60));
        LoopObserver broken =
                new LoopObserver() {
                    @Override
                    public void scaleUp(ScaleUpResult result, List<IncreaseAttempt> executed) {
                        throw new IllegalStateException("metrics down");
                    }
                };

        LoopOutcome outcome = loop(broken).runOnce(clock.instant());

        assertThat(outcome.succeeded()).isTrue();
        assertThat(recorder.calls).contains("scaleUp SCALE_UP 1", "finished ok");
    }

    @Test
    void anUnneededNodeIsTaintedThenDeletedByTheActuator() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        objects.node("busy", g.addInstance(), 2000, 4 * GI, true, T0.minus(Duration.ofHours(1)))
                .pod(
                        "app",
                        SchedulingState.BOUND,
                        null,
                        "busy",
                        1500,
                        3 * GI,
                        T0.minus(Duration.ofHours(1)))
                .node("idle", g.addInstance(), 2000, 4 * GI, true, T0.minus(Duration.ofHours(1)));
        AutoscalerLoop loop = loop();

        assertThat(loop.runOnce(clock.instant()).productive()).isFalse();
        assertThat(ops.calls).isEmpty();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(loop.runOnce(clock.instant()).productive()).isTrue();
        assertThat(ops.calls).containsExactly("taint idle", "event idle ScaleDown");
        assertThat(actuator.inFlight().nodes()).containsExactly("idle");
        assertThat(actuator.inFlight().perGroup()).containsEntry("pool", 1);

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            actuator.tick(clock.instant());
        }
        assertThat(g.deleted).containsExactly("idle");
        loop.runOnce(clock.instant());
        assertThat(recorder.finished)
                .extracting(DeletionResult::nodeName, DeletionResult::success)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("idle", true));
    }

    @Test
    void groupsBelowMinSizeAreRaisedWhenEnforced() {
        FakeCloud.Group g = cloud.add("low", 2, 5, 2000, 4 * GI);
        DecisionSettings d = DecisionSettings.DEFAULTS;
        DecisionPass enforcing =
                new DecisionPass(
                        new DecisionSettings(
                                d.groupDefaults(),
                                d.clusterState(),
                                d.scaleUp(),
                                d.scaleDown(),
                                d.expander(),
                                true,
                                java.util.Set.of(),
                                java.util.Set.of(),
                                1,
                                true,
                                true),
                        clock);
        AutoscalerLoop loop =
                new AutoscalerLoop(
                        clock,
                        cloud,
                        objects::build,
                        enforcing,
                        actuator,
                        ops,
                        NodeMarks.NONE,
                        List.of(recorder));

        assertThat(loop.runOnce(clock.instant()).productive()).isTrue();
        assertThat(g.increases).containsExactly(2);
        assertThat(enforcing.registry().scaleUpRequest("low")).isPresent();
        assertThat(recorder.calls).contains("scaleUp NOT_NEEDED 1");
    }

    @Test
    void aFailedTaintPutsScaleDownInCooldown() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        objects.node("idle", g.addInstance(), 2000, 4 * GI, true, T0.minus(Duration.ofHours(1)))
                .node("idle2", g.addInstance(), 2000, 4 * GI, true, T0.minus(Duration.ofHours(1)));
        AutoscalerLoop loop = loop();
        loop.runOnce(clock.instant());
        clock.advance(Duration.ofMinutes(11));
        ops.failTaints = true;

        assertThat(loop.runOnce(clock.instant()).productive()).isFalse();
        ops.failTaints = false;
        clock.advance(Duration.ofSeconds(10));
        loop.runOnce(clock.instant());

        assertThat(ops.calls).noneMatch(c -> c.startsWith("taint"));
    }

    /**
     * Four servers deleted by hand leave four NotReady Nodes: they count as deleted, not unready,
     * so the loop still scales up; after the grace their Node objects are deleted, each once.
     */
    @Test
    void nodesWhoseServerIsGoneNeitherStopTheLoopNorStay() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        objects.node("live", g.addInstance(), 2000, 4 * GI, true, T0.minus(Duration.ofDays(1)));
        for (int i = 0; i < 4; i++) {
            String name = "gone-" + i;
            objects.node(name, "fake://pool/gone-" + i, 2000, 4 * GI, false, T0.minusSeconds(60));
            // What the node lifecycle controller puts on a Node that stopped reporting.
            objects.taint(name, "node.kubernetes.io/unreachable", "");
            cloud.serverGone(name);
        }
        objects.pod("db", SchedulingState.BOUND, null, "live", 1000, GI, T0.minusSeconds(600));
        objects.pod(
                "web", SchedulingState.UNSCHEDULABLE, null, null, 1500, GI, T0.minusSeconds(60));
        AutoscalerLoop loop = loop();

        loop.runOnce(clock.instant());
        assertThat(pass.registry().isClusterHealthy()).isTrue();
        assertThat(pass.registry().totalCounts().beingDeleted()).isEqualTo(4);
        assertThat(g.increases).containsExactly(1);
        assertThat(ops.calls).noneMatch(c -> c.startsWith("deleteNode"));

        clock.advance(Duration.ofMinutes(5));
        loop.runOnce(clock.instant());
        clock.advance(Duration.ofSeconds(10));
        loop.runOnce(clock.instant());
        assertThat(ops.calls.stream().filter(c -> c.startsWith("deleteNode")))
                .containsExactlyInAnyOrder(
                        "deleteNode gone-0",
                        "deleteNode gone-1",
                        "deleteNode gone-2",
                        "deleteNode gone-3");
        assertThat(ops.calls).doesNotContain("deleteNode live");
    }
}
