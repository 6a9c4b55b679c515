package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.http.RecordedRequest;
import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.CreateFailureMode;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Quota;
import org.k8sca.kamatera.sim.model.ServerState;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * Every create of ng1 answers HTTP 500 (a burst that does not end): the server may or may not
     * exist, so ng1 waits for it by name; when it never appears ng1 is reported failed and backed
     * off, and ng2 serves the pod. No server is leaked and ng1 is not retried in a loop.
     */
    @Test
    void http500OnEveryCreateOfAGroupFallsBackToTheOtherGroupWithNoLeak() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 3).nodeGroup("ng2", 0, 3).start();
        cluster.simulator().faults().http500Rate(Endpoint.CREATE_SERVER, 1.0);
        cluster.apply(Workload.of("web", 1, "500m", "256Mi"));
        cluster.runUntil(
                "a create was refused",
                () -> !cluster.simulator().journal(Endpoint.CREATE_SERVER).isEmpty(),
                Duration.ofMinutes(2));
        // The burst ends for new requests once the first group has had its answer.
        cluster.simulator().faults().http500Rate(Endpoint.CREATE_SERVER, 0);

        cluster.runUntil(
                "the pod runs", () -> cluster.pendingPods().isEmpty(), Duration.ofMinutes(40));

        List<String> names = createdNames();
        assertThat(names).hasSizeGreaterThanOrEqualTo(2);
        String refusedGroup = names.get(0).substring(0, 3);
        assertThat(cluster.nodeNames())
                .singleElement()
                .satisfies(n -> assertThat(n).doesNotStartWith(refusedGroup));
        assertThat(names.stream().filter(n -> n.startsWith(refusedGroup)).count())
                .as("the refused group is backed off, not retried every loop: %s", names)
                .isEqualTo(1);
        assertThat(liveServers()).isEqualTo(cluster.nodeNames());
    }

    /**
     * The create is carried out but its answer is lost (a gateway 504): the server turns up under
     * the name the autoscaler chose and is adopted; no second server is created.
     */
    @Test
    void aCreateWhoseAnswerIsLostIsAdoptedWhenTheServerAppears() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 3).start();
        cluster.simulator().faults().createAcceptedButErrored(CreateFailureMode.GATEWAY_504, 1.0);
        cluster.apply(Workload.of("web", 2, "900m", "256Mi"));
        cluster.runUntil(
                "a create was sent",
                () -> !cluster.simulator().journal(Endpoint.CREATE_SERVER).isEmpty(),
                Duration.ofMinutes(2));
        cluster.simulator().faults().createAcceptedButErrored(CreateFailureMode.GATEWAY_504, 0);

        cluster.runUntil(
                "both pods run", () -> cluster.pendingPods().isEmpty(), Duration.ofMinutes(15));

        assertThat(createdNames()).hasSize(1);
        assertThat(cluster.nodeNames()).containsExactlyElementsOf(createdNames());
        assertThat(liveServers()).isEqualTo(cluster.nodeNames());
    }

    /**
     * The queue answers 404 for a while after each command is queued (not registered yet). Within
     * the client's grace that is "pending"; beyond it the provider does not call the create failed
     * (the server may exist) but waits for it by name: one server either way, and no fallback to
     * the other group (which would make a second one).
     */
    @Test
    void aQueue404WindowIsTreatedAsPendingAndMakesNoDuplicate() throws Exception {
        cluster =
                VirtualCluster.builder()
                        .nodeGroup("ng1", 0, 3)
                        .nodeGroup("ng2", 0, 3)
                        .commandDuration(Duration.ofMinutes(4))
                        .start();
        // Longer than the client's 2 min grace for unknown command ids.
        cluster.simulator().faults().queue404Window(Duration.ofMinutes(3));
        cluster.apply(Workload.of("web", 2, "900m", "256Mi"));

        cluster.runUntil("both pods run", () -> boundPods() == 2, Duration.ofMinutes(15));

        assertThat(createdNames()).hasSize(1);
        assertThat(cluster.nodeNames()).containsExactlyElementsOf(createdNames());
    }

    /**
     * The server list fails with a gateway error (non-JSON 504) while a create runs: the loops
     * without a list make no decision, and afterwards the create in flight is still counted.
     */
    @Test
    void aGatewayErrorOnTheListWhileACreateRunsSkipsTheLoopsSafely() throws Exception {
        cluster =
                VirtualCluster.builder()
                        .nodeGroup("ng1", 0, 3)
                        .commandDuration(Duration.ofMinutes(2))
                        .start();
        cluster.apply(Workload.of("web", 2, "900m", "256Mi"));
        cluster.runUntil(
                "a create was sent",
                () -> !cluster.simulator().journal(Endpoint.CREATE_SERVER).isEmpty(),
                Duration.ofMinutes(2));

        cluster.simulator().faults().gatewayRate(Endpoint.LIST_SERVERS, 1.0);
        cluster.run(Duration.ofMinutes(3));
        assertThat(cluster.outcomes()).last().satisfies(o -> assertThat(o.error()).isPresent());
        cluster.simulator().faults().gatewayRate(Endpoint.LIST_SERVERS, 0);

        cluster.runUntil(
                "both pods run", () -> cluster.pendingPods().isEmpty(), Duration.ofMinutes(10));
        assertThat(createdNames()).hasSize(1);
    }

    /**
     * The account's quota refuses every create: the group is backed off (a few creates, not one per
     * loop) and the refusal's message is visible in an event. Once the quota allows it, the pod is
     * served.
     */
    @Test
    void aQuotaRefusalBacksTheGroupOffAndIsVisibleInAnEvent() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 3).start();
        cluster.simulator().faults().quota(new Quota(0, 1, 0, Quota.QuotaMode.SYNC_500));
        cluster.apply(Workload.of("web", 1, "500m", "256Mi"));

        cluster.run(Duration.ofMinutes(10));

        int refused = createdNames().size();
        assertThat(refused).as("creates refused in 10 minutes").isBetween(1, 3);
        assertThat(liveServers()).isEmpty();
        assertThat(cluster.events())
                .as("an event carries the quota message")
                .anySatisfy(e -> assertThat(e.getMessage()).containsIgnoringCase("quota exceeded"));

        cluster.simulator().faults().quota(Quota.UNLIMITED);
        cluster.runUntil(
                "the pod runs", () -> cluster.pendingPods().isEmpty(), Duration.ofMinutes(40));
        assertThat(cluster.nodeNames()).hasSize(1);
    }

    private long boundPods() {
        return cluster.objects().pods().stream()
                .filter(p -> p.state() == SchedulingState.BOUND)
                .count();
    }

    /** The names of every create request, in order. */
    private List<String> createdNames() {
        return cluster.simulator().journal(Endpoint.CREATE_SERVER).stream()
                .map(r -> r.jsonBody().get("name").stringValue())
                .toList();
    }

    /** The servers of the account that are not terminated. */
    private Set<String> liveServers() {
        return cluster.simulator().servers().stream()
                .filter(s -> s.state() != ServerState.TERMINATED)
                .map(s -> s.name())
                .collect(Collectors.toSet());
    }
}
