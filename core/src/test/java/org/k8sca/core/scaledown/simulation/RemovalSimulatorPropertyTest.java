package org.k8sca.core.scaledown.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.scaledown.ScaleDownFixtures.controllers;
import static org.k8sca.core.scaledown.ScaleDownFixtures.rs;
import static org.k8sca.core.scaledown.ScaleDownFixtures.rsPod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.TestClock;
import org.k8sca.core.scaledown.drain.DrainRuleOptions;
import org.k8sca.core.scaledown.drain.DrainRules;
import org.k8sca.core.scaledown.drain.PdbBudgets;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * On random clusters, replaying the simulation's moves in order on a copy of the cluster always
 * passes the predicates and never uses a removed node: removing all unneeded nodes together leaves
 * no pod without a home.
 */
class RemovalSimulatorPropertyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final long SEED = Long.getLong("test.seed", 20261124L);

    private static ClusterSnapshot randomCluster(Random random, int nodes) {
        ClusterSnapshot s = new ClusterSnapshot();
        for (int i = 0; i < nodes; i++) {
            String name = "n" + i;
            s.addNode(
                    node(name, 2000 + 1000L * random.nextInt(4), 4 + 2L * random.nextInt(4))
                            .build());
            int pods = random.nextInt(5);
            for (int j = 0; j < pods; j++) {
                s.addPod(
                        rsPod(
                                        name + "-p" + j,
                                        "web",
                                        50 + random.nextInt(600),
                                        64 + random.nextInt(1024))
                                .build(),
                        name);
            }
        }
        return s;
    }

    @Test
    void replayingTheMovesAlwaysFits() {
        Random seeds = new Random(SEED);
        int movedPods = 0;
        for (int round = 0; round < 200; round++) {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            int nodes = 2 + random.nextInt(10);
            ClusterSnapshot s = randomCluster(random, nodes);
            List<String> candidates = new ArrayList<>();
            for (NodeInfo n : s.nodeInfos()) {
                candidates.add(n.name());
            }
            DrainRules rules =
                    new DrainRules(
                            DrainRuleOptions.UPSTREAM_DEFAULTS, controllers(3, rs("web")), NOW);
            SimulationResult result =
                    new RemovalSimulator(new TestClock(NOW))
                            .simulate(
                                    s,
                                    candidates,
                                    Set.of(),
                                    rules,
                                    new PdbBudgets(List.of()),
                                    Duration.ofSeconds(30),
                                    1000);

            // The same seed builds the same cluster again.
            Random again = new Random(seed);
            ClusterSnapshot replay = randomCluster(again, 2 + again.nextInt(10));
            PredicateChecker checker = new PredicateChecker(replay);
            Set<String> removed = new HashSet<>();
            for (NodeRemoval removal : result.removable()) {
                removed.add(removal.nodeName());
                replay.removeNode(removal.nodeName());
                for (Pod pod : removal.podsToMove()) {
                    String target = removal.destinations().get(pod.key());
                    assertThat(removed)
                            .as("seed %d: %s moved to a removed node", seed, pod.key())
                            .doesNotContain(target);
                    Pod unbound = pod.withNodeName("");
                    assertThat(checker.checkOnNode(unbound, target))
                            .as("seed %d: %s on %s", seed, pod.key(), target)
                            .isEmpty();
                    replay.addPod(unbound, target);
                    movedPods++;
                }
            }
            assertThat(replay.podCount()).as("seed %d", seed).isEqualTo(s.podCount());
        }
        // The property is about moves, so make sure the random clusters produced plenty of them.
        assertThat(movedPods).isGreaterThan(100);
    }
}
