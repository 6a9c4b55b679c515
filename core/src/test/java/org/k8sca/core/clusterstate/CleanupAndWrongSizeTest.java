package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.clusterstate.Views.T0;
import static org.k8sca.core.clusterstate.Views.creating;
import static org.k8sca.core.clusterstate.Views.failed;
import static org.k8sca.core.clusterstate.Views.group;
import static org.k8sca.core.clusterstate.Views.kamateraGroup;
import static org.k8sca.core.clusterstate.Views.readyNode;
import static org.k8sca.core.clusterstate.Views.running;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.InstanceError.ErrorClass;
import org.k8sca.core.cloud.InstanceState;
import org.k8sca.core.model.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Cleanup of long-unregistered and failed instances, and wrong-size correction. */
class CleanupAndWrongSizeTest {

    private static final long SEED = Long.getLong("test.seed", 20261124L);
    private static final Duration PAST_PROVISION = Duration.ofMinutes(15).plusSeconds(1);

    private final MutableClock clock = new MutableClock(T0);

    private ClusterStateRegistry registry(ClusterStateConfig config) {
        return new ClusterStateRegistry(config, clock);
    }

    @Test
    void longUnregisteredInstancesAreDeletedDownToMinSizeOnly() {
        ClusterStateRegistry r = registry(ClusterStateConfig.DEFAULTS);
        NodeGroupView g =
                kamateraGroup(
                        "ng", 2, 10, running("ok"), running("u1"), running("u2"), running("u3"));
        r.update(ClusterView.of(List.of(g), List.of(readyNode("ok"))));
        assertThat(r.cleanupPlan().isEmpty()).isTrue();

        clock.advance(Duration.ofMinutes(15));
        r.update(ClusterView.of(List.of(g), List.of(readyNode("ok"))));
        assertThat(r.cleanupPlan().isEmpty())
                .as("exactly the provision time is not longer than it")
                .isTrue();
        clock.advance(Duration.ofSeconds(1));
        r.update(ClusterView.of(List.of(g), List.of(readyNode("ok"))));

        CleanupPlan plan = r.cleanupPlan();
        // target 4, min 2: two may go (same first sighting, so by id).
        assertThat(plan.unregistered())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.reason()).isEqualTo(InstanceDeletion.Reason.UNREGISTERED);
                            assertThat(d.instances())
                                    .extracting(Instance::id)
                                    .containsExactly("fake://u1", "fake://u2");
                        });
        assertThat(plan.keptForMinSize()).containsEntry("ng", 1);

        ClusterStateRegistry forced =
                registry(ClusterStateConfig.DEFAULTS.withForceDelete(true, false));
        forced.update(ClusterView.of(List.of(g), List.of(readyNode("ok"))));
        clock.advance(PAST_PROVISION);
        forced.update(ClusterView.of(List.of(g), List.of(readyNode("ok"))));
        assertThat(forced.cleanupPlan().unregistered().get(0).instances()).hasSize(3);
    }

    @Test
    void unregisteredOrderFollowsFirstSighting() {
        ClusterStateRegistry r = registry(ClusterStateConfig.DEFAULTS);
        r.update(ClusterView.of(List.of(kamateraGroup("ng", 0, 10, running("b"))), List.of()));
        clock.advance(Duration.ofMinutes(1));
        NodeGroupView both = kamateraGroup("ng", 0, 10, running("a"), running("b"));
        r.update(ClusterView.of(List.of(both), List.of()));
        clock.advance(PAST_PROVISION);
        r.update(ClusterView.of(List.of(both), List.of()));
        assertThat(r.cleanupPlan().unregistered().get(0).instances())
                .extracting(Instance::id)
                .containsExactly("fake://b", "fake://a");
    }

    @Test
    void failedInstancesShareTheMinSizeBudget() {
        ClusterStateRegistry r = registry(ClusterStateConfig.DEFAULTS);
        NodeGroupView g =
                kamateraGroup(
                        "ng",
                        1,
                        10,
                        running("u"),
                        failed("f1", ErrorClass.OTHER, "E", "e"),
                        failed("f2", ErrorClass.OTHER, "E", "e"));
        r.update(ClusterView.of(List.of(g), List.of()));
        clock.advance(PAST_PROVISION);
        r.update(ClusterView.of(List.of(g), List.of()));
        CleanupPlan plan = r.cleanupPlan();
        // target 3, min 1: budget 2 — the long-unregistered one first, then one failed.
        assertThat(plan.unregistered().get(0).instances())
                .extracting(Instance::id)
                .containsExactly("fake://u");
        assertThat(plan.failed().get(0).instances())
                .extracting(Instance::id)
                .containsExactly("fake://f1");
        assertThat(plan.keptForMinSize()).containsEntry("ng", 1);

        ClusterStateRegistry forced =
                registry(ClusterStateConfig.DEFAULTS.withForceDelete(false, true));
        forced.update(ClusterView.of(List.of(g), List.of()));
        assertThat(forced.cleanupPlan().failed().get(0).instances()).hasSize(2);
    }

    /** Property: whatever the group looks like, the plan never takes it below min size. */
    @Test
    void cleanupNeverGoesBelowMinSize() {
        Random random = new Random(SEED);
        for (int round = 0; round < 300; round++) {
            List<NodeGroupView> groups = new ArrayList<>();
            List<Node> nodes = new ArrayList<>();
            Map<String, Set<String>> deletable = new HashMap<>();
            int groupCount = 1 + random.nextInt(3);
            for (int gi = 0; gi < groupCount; gi++) {
                String id = "g" + gi;
                List<Instance> instances = new ArrayList<>();
                Set<String> candidates = new HashSet<>();
                int n = random.nextInt(8);
                for (int k = 0; k < n; k++) {
                    String name = id + "-" + k;
                    switch (random.nextInt(5)) {
                        case 0 -> {
                            instances.add(running(name));
                            nodes.add(readyNode(name));
                        }
                        case 1 -> {
                            instances.add(running(name));
                            candidates.add(Views.pid(name));
                        }
                        case 2 -> {
                            instances.add(creating(name));
                            candidates.add(Views.pid(name));
                        }
                        case 3 -> {
                            instances.add(failed(name, ErrorClass.OTHER, "E", "e"));
                            candidates.add(Views.pid(name));
                        }
                        default -> instances.add(Views.deleting(name));
                    }
                }
                int active =
                        (int)
                                instances.stream()
                                        .filter(i -> i.state() != InstanceState.DELETING)
                                        .count();
                int min = random.nextInt(active + 2);
                groups.add(
                        group(
                                id,
                                min,
                                Math.max(min, active) + 1,
                                active,
                                instances.toArray(Instance[]::new)));
                deletable.put(id, candidates);
            }
            ClusterStateRegistry r = registry(ClusterStateConfig.DEFAULTS);
            ClusterView view = ClusterView.of(groups, nodes);
            r.update(view);
            clock.advance(PAST_PROVISION);
            r.update(view);
            CleanupPlan plan = r.cleanupPlan();
            for (NodeGroupView g : groups) {
                int planned = 0;
                for (InstanceDeletion d : concat(plan.unregistered(), plan.failed())) {
                    if (d.groupId().equals(g.id())) {
                        planned += d.instances().size();
                        for (Instance i : d.instances()) {
                            assertThat(deletable.get(g.id()))
                                    .as("seed %d round %d: %s", SEED, round, i.id())
                                    .contains(i.id());
                        }
                    }
                }
                assertThat(g.targetSize() - planned)
                        .as("seed %d round %d group %s", SEED, round, g.id())
                        .isGreaterThanOrEqualTo(Math.min(g.minSize(), g.targetSize()));
                int kept = plan.keptForMinSize().getOrDefault(g.id(), 0);
                assertThat(planned + kept)
                        .as(
                                "seed %d round %d group %s: every candidate planned or kept",
                                SEED, round, g.id())
                        .isEqualTo(deletable.get(g.id()).size());
            }
        }
    }

    private static List<InstanceDeletion> concat(
            List<InstanceDeletion> a, List<InstanceDeletion> b) {
        List<InstanceDeletion> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void wrongSizeIsCorrectedAfterTheProvisionTime() {
        ClusterStateRegistry r = registry(ClusterStateConfig.DEFAULTS);
        // Target 5, but only 3 machines exist and nobody asked for more through this autoscaler.
        NodeGroupView g = group("ng", 0, 10, 5, running("a"), running("b"), creating("c"));
        List<Node> nodes = List.of(readyNode("a"), readyNode("b"));
        r.update(ClusterView.of(List.of(g), nodes));
        assertThat(r.groupStatus("ng").orElseThrow().incorrectSize())
                .hasValueSatisfying(
                        s -> {
                            assertThat(s.missing()).isEqualTo(2);
                            assertThat(s.since()).isEqualTo(T0);
                        });
        clock.advance(Duration.ofMinutes(15));
        r.update(ClusterView.of(List.of(g), nodes));
        assertThat(r.wrongSizePlan()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        r.update(ClusterView.of(List.of(g), nodes));
        assertThat(r.wrongSizePlan())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.delta()).isEqualTo(-2);
                            assertThat(c.reason())
                                    .isEqualTo(TargetSizeCorrection.Reason.WRONG_SIZE);
                            assertThat(c.message()).contains("target size 5", "3 machine(s)");
                        });
    }

    @Test
    void wrongSizeClockRestartsWhenTheSizesChange() {
        ClusterStateRegistry r = registry(ClusterStateConfig.DEFAULTS);
        r.update(
                ClusterView.of(
                        List.of(group("ng", 0, 10, 5, running("a"))), List.of(readyNode("a"))));
        clock.advance(Duration.ofMinutes(10));
        NodeGroupView more = group("ng", 0, 10, 5, running("a"), creating("b"));
        r.update(ClusterView.of(List.of(more), List.of(readyNode("a"))));
        clock.advance(Duration.ofMinutes(10));
        r.update(ClusterView.of(List.of(more), List.of(readyNode("a"))));
        assertThat(r.wrongSizePlan()).isEmpty();
        clock.advance(Duration.ofMinutes(6));
        r.update(ClusterView.of(List.of(more), List.of(readyNode("a"))));
        assertThat(r.wrongSizePlan())
                .singleElement()
                .satisfies(c -> assertThat(c.delta()).isEqualTo(-3));
    }

    @Test
    void noWrongSizeWhileAScaleUpIsInFlightOrWhenSizesMatch() {
        ClusterStateRegistry r = registry(ClusterStateConfig.DEFAULTS);
        r.update(
                ClusterView.of(
                        List.of(
                                group("ng", 0, 10, 1, running("a")),
                                kamateraGroup("k", 0, 3, creating("x"))),
                        List.of(readyNode("a"))));
        r.registerScaleUp("ng", 4);
        clock.advance(Duration.ofMinutes(10));
        r.update(
                ClusterView.of(
                        List.of(
                                group("ng", 0, 10, 5, running("a")),
                                kamateraGroup("k", 0, 3, creating("x"))),
                        List.of(readyNode("a"))));
        r.registerScaleUp("ng", 1); // extends the request to 25 min after T0
        clock.advance(Duration.ofMinutes(10));
        r.update(
                ClusterView.of(
                        List.of(
                                group("ng", 0, 10, 6, running("a")),
                                kamateraGroup("k", 0, 3, creating("x"))),
                        List.of(readyNode("a"))));
        assertThat(r.scaleUpRequest("ng")).isPresent();
        assertThat(r.groupStatus("ng").orElseThrow().incorrectSize()).isEmpty();
        assertThat(r.wrongSizePlan()).isEmpty();
        assertThat(r.groupStatus("k").orElseThrow().incorrectSize()).isEmpty();
    }
}
