package org.k8sca.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The real-time latency harness works on a small cluster: a pending pod leads to a create request
 * and the trial's parts are all measured. No time is asserted: the machine is shared.
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
        assertThat(t.total()).isPositive();
        // The parts follow each other and add up to the total.
        assertThat(t.toMarked().plus(t.markedToSeen()).plus(t.seenToLoop()).plus(t.loopToRequest()))
                .isEqualTo(t.total());
        assertThat(List.of(t.toMarked(), t.markedToSeen(), t.seenToLoop(), t.loopToRequest()))
                .noneMatch(Duration::isNegative);
        assertThat(LatencyReport.format(r)).contains("latency 10 nodes / 50 pods");
    }
}
