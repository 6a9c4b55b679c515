package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.http.RecordedRequest;
import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.util.List;

/** Kamatera misbehaving: the autoscaler backs off, falls back and leaks nothing. */
class FaultScenarioTest {
    private VirtualCluster cluster;

    @AfterEach
    void checkInvariantsAndClose() {
        if (cluster == null) {
            return;
        }
        try {
            assertThat(cluster.invariantViolations()).as("invariants after the scenario").isEmpty();
        } finally {
            cluster.close();
        }
    }

    @Test
    void aCreateThatEndsInErrorBacksTheGroupOffAndTheOtherGroupServes() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 3).nodeGroup("ng2", 0, 3).start();
        cluster.simulator()
                .faults()
                .failNextCommands(
                        CommandKind.CREATE, 1, "error", "error occured, issue reported (117)");
        cluster.apply(Workload.of("web", 1, "500m", "256Mi"));

        cluster.runUntil(
                "the pod runs",
                () ->
                        cluster.objects().pods().stream()
                                .anyMatch(p -> p.state() == SchedulingState.BOUND),
                Duration.ofMinutes(15));

        List<RecordedRequest> creates = cluster.simulator().journal(Endpoint.CREATE_SERVER);
        assertThat(creates).hasSize(2);
        String first = creates.get(0).jsonBody().get("name").stringValue();
        String second = creates.get(1).jsonBody().get("name").stringValue();
        assertThat(first.substring(0, 3))
                .as("the failed group is not retried first")
                .isNotEqualTo(second.substring(0, 3));
        assertThat(cluster.nodeNames()).containsExactly(second);
    }

    @Test
    void aListOutageStopsTheLoopAndItResumesWithOneCreate() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 3).start();
        cluster.simulator().faults().http500Rate(Endpoint.LIST_SERVERS, 1.0);
        cluster.apply(Workload.of("web", 2, "900m", "256Mi"));

        cluster.run(Duration.ofMinutes(3));
        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER))
                .as("no decision without the server list")
                .isEmpty();
        assertThat(cluster.outcomes()).last().satisfies(o -> assertThat(o.error()).isPresent());

        cluster.simulator().faults().http500Rate(Endpoint.LIST_SERVERS, 0);
        cluster.runUntil(
                "both pods run",
                () ->
                        cluster.objects().pods().stream()
                                        .filter(p -> p.state() == SchedulingState.BOUND)
                                        .count()
                                == 2,
                Duration.ofMinutes(10));

        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER)).hasSize(1);
    }
}
