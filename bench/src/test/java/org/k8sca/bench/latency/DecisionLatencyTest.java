package org.k8sca.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The real-time latency harness works on a small cluster: a pending pod leads to a create request
 * for it. No time is asserted: the machine is shared.
 */
class DecisionLatencyTest {

    @Test
    void aPendingPodLeadsToACreateRequest() throws Exception {
        DecisionLatency.Result r =
                DecisionLatency.run(
                        10,
                        5,
                        0,
                        1,
                        Duration.ZERO,
                        7,
                        new PrintStream(OutputStream.nullOutputStream()));

        assertThat(r.nodes()).isEqualTo(10);
        assertThat(r.pods()).isEqualTo(50);
        assertThat(r.trials()).hasSize(1);
        DecisionLatency.Trial t = r.trials().get(0);
        // The create request came after the pod, and the report names the cluster it measured.
        assertThat(t.total()).isPositive();
        assertThat(LatencyReport.format(r)).contains("latency 10 nodes / 50 pods");
    }
}
