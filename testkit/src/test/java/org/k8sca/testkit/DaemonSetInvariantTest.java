package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/** The invariant checker catches a DaemonSet pod that cannot start on its Ready node. */
class DaemonSetInvariantTest {
    private VirtualCluster cluster;

    @AfterEach
    void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aDaemonSetPodLeftPendingOnAFullReadyNodeIsReported() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 1, 1).start();
        cluster.addServer("ng1-a", "ng1");
        cluster.runUntil(
                "the node registers", () -> cluster.nodeNames().size() == 1, Duration.ofMinutes(2));
        cluster.apply(Workload.of("web", 1, "1900m", "256Mi"));
        cluster.run(Duration.ofSeconds(20));
        assertThat(cluster.invariantViolations()).isEmpty();

        // Added once the node is full: nothing preempts for it, so its pod cannot start.
        cluster.apply(DaemonSetWorkload.of("agent", "500m", "64Mi"));
        cluster.run(cluster.stepSize().multipliedBy(2));
        assertThat(cluster.invariantViolations()).as("two steps are allowed").isEmpty();
        cluster.run(cluster.stepSize().multipliedBy(2));

        assertThat(cluster.invariantViolations())
                .singleElement()
                .asString()
                .contains("DaemonSet pod kube-system/agent-ng1-a", "its node ng1-a is Ready");
    }
}
