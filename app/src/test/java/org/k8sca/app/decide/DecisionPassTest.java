package org.k8sca.app.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.k8sca.app.testing.TestObjects.GI;

import org.junit.jupiter.api.Test;
import org.k8sca.app.testing.FakeCloud;
import org.k8sca.app.testing.MutableClock;
import org.k8sca.app.testing.TestObjects;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.PodVerdict;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;

class DecisionPassTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final FakeCloud cloud = new FakeCloud();

    private DecisionPass pass() {
        return new DecisionPass(DecisionSettings.DEFAULTS, clock);
    }

    /** A pending pod, old enough to be planned, that fits a 2-CPU template. */
    private TestObjects pendingPod(TestObjects objects) {
        return objects.pod(
                "web-1", SchedulingState.UNSCHEDULABLE, null, null, 1000, GI, T0.minusSeconds(60));
    }

    @Test
    void plansAScaleUpForAPendingPodAndCarriesNothingOut() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        Decision d = pass().decide(pendingPod(new TestObjects()).build(), cloud);

        ScaleUpResult up = d.scaleUp().orElseThrow();
        assertThat(up.status()).isEqualTo(ScaleUpStatus.SCALE_UP);
        assertThat(up.increases())
                .extracting(GroupIncrease::nodeGroupId, GroupIncrease::newTarget)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pool", 1));
        assertThat(g.increases).isEmpty();
        assertThat(g.targetSize()).isZero();
        assertThat(d.healthy()).isTrue();
        assertThat(d.stopReason()).isEmpty();
    }

    @Test
    void aBootingMachineOfARegisteredScaleUpPreventsASecondScaleUp() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        DecisionPass pass = pass();
        TestObjects objects = pendingPod(new TestObjects());
        pass.decide(objects.build(), cloud);
        g.increaseSize(1);
        pass.registry().registerScaleUp("pool", 1);
        pass.scaleUpDone(clock.instant());

        clock.advance(Duration.ofSeconds(10));
        Decision d = pass.decide(objects.build(), cloud);

        ScaleUpResult up = d.scaleUp().orElseThrow();
        assertThat(up.status()).isEqualTo(ScaleUpStatus.NOT_NEEDED);
        assertThat(up.pod("default/web-1").verdict()).isEqualTo(PodVerdict.FITS_UPCOMING_NODE);
    }

    @Test
    void standbyNodesAreNeitherUnreadyNorCandidates() {
        FakeCloud.Group g = cloud.add("pool", 0, 10, 2000, 4 * GI);
        TestObjects objects = new TestObjects();
        for (int i = 0; i < 5; i++) {
            objects.node(
                    "parked-" + i,
                    g.addInstance(),
                    2000,
                    4 * GI,
                    false,
                    T0.minus(Duration.ofHours(2)));
            cloud.standby("parked-" + i);
        }
        Decision d = pass().decide(objects.build(), cloud);

        assertThat(d.healthy()).isTrue();
        assertThat(d.scaleDown().orElseThrow().explanations()).isEmpty();
    }

    @Test
    void tooManyUnreadyNodesStopThePassAtTheHealthGate() {
        FakeCloud.Group g = cloud.add("pool", 0, 10, 2000, 4 * GI);
        TestObjects objects = pendingPod(new TestObjects());
        for (int i = 0; i < 5; i++) {
            objects.node(
                    "sick-" + i,
                    g.addInstance(),
                    2000,
                    4 * GI,
                    false,
                    T0.minus(Duration.ofHours(2)));
        }
        Decision d = pass().decide(objects.build(), cloud);

        assertThat(d.healthy()).isFalse();
        assertThat(d.unhealthyReason())
                .hasValueSatisfying(r -> assertThat(r).contains("5 of 5 nodes are unready"));
        assertThat(d.stopReason()).isPresent();
        assertThat(d.scaleUp()).isEmpty();
        assertThat(d.scaleDown()).isEmpty();
    }

    @Test
    void anEmptyNodeIsDeletedOnlyAfterTheUnneededTime() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        TestObjects objects =
                new TestObjects()
                        .node(
                                "busy",
                                g.addInstance(),
                                2000,
                                4 * GI,
                                true,
                                T0.minus(Duration.ofHours(1)))
                        .pod(
                                "app",
                                SchedulingState.BOUND,
                                null,
                                "busy",
                                1500,
                                3 * GI,
                                T0.minus(Duration.ofHours(1)))
                        .node(
                                "idle",
                                g.addInstance(),
                                2000,
                                4 * GI,
                                true,
                                T0.minus(Duration.ofHours(1)));
        DecisionPass pass = pass();

        ScaleDownPlan first = pass.decide(objects.build(), cloud).scaleDown().orElseThrow();
        assertThat(first.unneededNodes()).containsExactly("idle");
        assertThat(first.deleteEmpty()).isEmpty();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        ScaleDownPlan later = pass.decide(objects.build(), cloud).scaleDown().orElseThrow();
        assertThat(later.deleteEmpty()).extracting(r -> r.nodeName()).containsExactly("idle");
        assertThat(g.deleted).isEmpty();
    }

    @Test
    void aRecentScaleUpPutsScaleDownInCooldown() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        TestObjects objects =
                new TestObjects()
                        .node(
                                "idle",
                                g.addInstance(),
                                2000,
                                4 * GI,
                                true,
                                T0.minus(Duration.ofHours(1)));
        DecisionPass pass = pass();
        pass.decide(objects.build(), cloud);
        clock.advance(Duration.ofMinutes(11));
        pass.scaleUpDone(clock.instant().minus(Duration.ofMinutes(1)));

        ScaleDownPlan plan = pass.decide(objects.build(), cloud).scaleDown().orElseThrow();
        assertThat(plan.cooldown())
                .hasValueSatisfying(r -> assertThat(r).contains("--scale-down-delay-after-add"));
        assertThat(plan.deleteEmpty()).isEmpty();
    }

    @Test
    void schedulerNameFlagsDecideWhichPendingPodsCount() {
        cloud.add("pool", 0, 5, 2000, 4 * GI);
        TestObjects objects =
                new TestObjects()
                        .pod(
                                "unprocessed",
                                SchedulingState.UNPROCESSED,
                                "batch",
                                null,
                                1000,
                                GI,
                                T0.minusSeconds(60))
                        .pod(
                                "other",
                                SchedulingState.UNSCHEDULABLE,
                                "custom",
                                null,
                                1000,
                                GI,
                                T0.minusSeconds(60));
        DecisionSettings bypass =
                new DecisionSettings(
                        DecisionSettings.DEFAULTS.groupDefaults(),
                        DecisionSettings.DEFAULTS.clusterState(),
                        DecisionSettings.DEFAULTS.scaleUp(),
                        DecisionSettings.DEFAULTS.scaleDown(),
                        "least-waste",
                        true,
                        java.util.Set.of("batch"),
                        java.util.Set.of("batch"),
                        1,
                        true,
                        false);

        ScaleUpResult withFlags =
                new DecisionPass(bypass, clock)
                        .decide(objects.build(), cloud)
                        .scaleUp()
                        .orElseThrow();
        assertThat(withFlags.pods())
                .extracting(p -> p.podKey())
                .containsExactly("default/unprocessed");

        ScaleUpResult defaults = pass().decide(objects.build(), cloud).scaleUp().orElseThrow();
        assertThat(defaults.pods()).extracting(p -> p.podKey()).containsExactly("default/other");
    }

    @Test
    void thePriorityExpanderReadsTheConfigMapTextOfThePass() {
        cloud.add("small", 0, 5, 2000, 4 * GI);
        cloud.add("large", 0, 5, 8000, 16 * GI);
        DecisionSettings priority =
                new DecisionSettings(
                        DecisionSettings.DEFAULTS.groupDefaults(),
                        DecisionSettings.DEFAULTS.clusterState(),
                        DecisionSettings.DEFAULTS.scaleUp(),
                        DecisionSettings.DEFAULTS.scaleDown(),
                        "priority",
                        true,
                        java.util.Set.of(),
                        java.util.Set.of(),
                        1,
                        true,
                        false);
        DecisionPass pass = new DecisionPass(priority, clock);

        TestObjects objects =
                pendingPod(new TestObjects()).priorities("10:\n  - large\n1:\n  - small\n");
        assertThat(pass.decide(objects.build(), cloud).scaleUp().orElseThrow().increases())
                .extracting(GroupIncrease::nodeGroupId)
                .containsExactly("large");

        objects.priorities("10:\n  - small\n1:\n  - large\n");
        assertThat(pass.decide(objects.build(), cloud).scaleUp().orElseThrow().increases())
                .extracting(GroupIncrease::nodeGroupId)
                .containsExactly("small");
    }

    private static DecisionSettings with(boolean scaleUpFromZero, boolean enforceMinSize) {
        DecisionSettings d = DecisionSettings.DEFAULTS;
        return new DecisionSettings(
                d.groupDefaults(),
                d.clusterState(),
                d.scaleUp(),
                d.scaleDown(),
                d.expander(),
                true,
                java.util.Set.of(),
                java.util.Set.of(),
                1,
                scaleUpFromZero,
                enforceMinSize);
    }

    @Test
    void withoutScaleUpFromZeroAClusterWithoutReadyNodesIsLeftAlone() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        TestObjects objects =
                pendingPod(new TestObjects())
                        .node(
                                "sick",
                                g.addInstance(),
                                2000,
                                4 * GI,
                                false,
                                T0.minus(Duration.ofHours(1)));

        Decision off = new DecisionPass(with(false, false), clock).decide(objects.build(), cloud);
        assertThat(off.stopReason())
                .hasValueSatisfying(r -> assertThat(r).contains("--scale-up-from-zero=false"));
        assertThat(off.scaleUp()).isEmpty();

        Decision on = new DecisionPass(with(true, false), clock).decide(objects.build(), cloud);
        assertThat(on.stopReason()).isEmpty();
        assertThat(on.scaleUp()).isPresent();

        Decision empty =
                new DecisionPass(with(false, false), clock)
                        .decide(pendingPod(new TestObjects()).build(), cloud);
        assertThat(empty.stopReason()).hasValueSatisfying(r -> assertThat(r).contains("no nodes"));
    }

    @Test
    void groupsBelowTheirMinSizeAreRaisedOnlyWhenEnforced() {
        cloud.add("low", 2, 5, 2000, 4 * GI);
        cloud.add("fine", 0, 5, 2000, 4 * GI);

        assertThat(pass().decide(new TestObjects().build(), cloud).minSizeIncreases()).isEmpty();
        Decision d =
                new DecisionPass(with(true, true), clock).decide(new TestObjects().build(), cloud);
        assertThat(d.minSizeIncreases())
                .extracting(GroupIncrease::nodeGroupId, GroupIncrease::newTarget)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("low", 2));
    }

    @Test
    void podsOfANodeBeingDrainedArePlannedAsPending() {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        TestObjects objects =
                new TestObjects()
                        .node(
                                "full",
                                g.addInstance(),
                                2000,
                                4 * GI,
                                true,
                                T0.minus(Duration.ofHours(1)))
                        .pod(
                                "big",
                                SchedulingState.BOUND,
                                null,
                                "full",
                                1800,
                                3 * GI,
                                T0.minus(Duration.ofHours(1)))
                        .node(
                                "draining",
                                g.addInstance(),
                                2000,
                                4 * GI,
                                true,
                                T0.minus(Duration.ofHours(1)))
                        .pod(
                                "moving",
                                SchedulingState.BOUND,
                                null,
                                "draining",
                                1500,
                                GI,
                                T0.minus(Duration.ofHours(1)));
        InFlightDeletions inFlight =
                new InFlightDeletions(
                        java.util.Set.of("draining"), 0, 1, java.util.Map.of("pool", 1));

        Decision idle = pass().decide(objects.build(), cloud);
        assertThat(idle.scaleUp().orElseThrow().status()).isEqualTo(ScaleUpStatus.NOT_NEEDED);

        Decision d = pass().decide(objects.build(), cloud, inFlight);
        ScaleUpResult up = d.scaleUp().orElseThrow();
        assertThat(up.status()).isEqualTo(ScaleUpStatus.SCALE_UP);
        assertThat(up.pods()).extracting(p -> p.podKey()).containsExactly("default/moving");
        assertThat(d.scaleDown().orElseThrow().explanation("full")).isPresent();
    }

    @Test
    void aBadExpanderFailsAtConstruction() {
        DecisionSettings bad =
                new DecisionSettings(
                        DecisionSettings.DEFAULTS.groupDefaults(),
                        DecisionSettings.DEFAULTS.clusterState(),
                        DecisionSettings.DEFAULTS.scaleUp(),
                        DecisionSettings.DEFAULTS.scaleDown(),
                        "cheapest",
                        true,
                        java.util.Set.of(),
                        java.util.Set.of(),
                        1,
                        true,
                        false);
        assertThatThrownBy(() -> new DecisionPass(bad, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cheapest");
    }
}
