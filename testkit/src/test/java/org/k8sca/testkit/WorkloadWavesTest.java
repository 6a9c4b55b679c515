package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

/**
 * Property-style: a workload rising and falling at random over two virtual hours keeps every
 * invariant at every checkpoint, and once it stops changing, all its pods run.
 */
class WorkloadWavesTest {
    private VirtualCluster cluster;

    @AfterEach
    void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void randomWavesKeepTheInvariants() throws Exception {
        long seed = 20261125L;
        Random random = new Random(seed);
        cluster = VirtualCluster.builder().nodeGroup("ng1", 1, 6).seed(seed).start();
        cluster.addServer("ng1-base", "ng1");
        cluster.runUntil(
                "the base node registers",
                () -> cluster.nodeNames().size() == 1,
                Duration.ofMinutes(2));
        Workload web = Workload.of("web", 1, "700m", "512Mi");
        cluster.addDisruptionBudget(web, 1);
        cluster.apply(web);

        for (int wave = 0; wave < 8; wave++) {
            int replicas = 1 + random.nextInt(12); // up to 12 x 700m: at most 6 nodes of 2 cores
            cluster.apply(web.withReplicas(replicas));
            cluster.run(Duration.ofMinutes(15));
            assertThat(cluster.invariantViolations())
                    .as("seed %d, wave %d (%d replicas)", seed, wave, replicas)
                    .isEmpty();
        }
        cluster.runUntil(
                "every pod runs (seed " + seed + ")",
                () -> cluster.pendingPods().isEmpty(),
                Duration.ofMinutes(20));
        assertThat(cluster.nodeNames().size())
                .as("seed %d: nodes within the group's bounds", seed)
                .isBetween(1, 6);
    }
}
