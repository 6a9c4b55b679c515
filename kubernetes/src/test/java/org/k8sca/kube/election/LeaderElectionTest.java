package org.k8sca.kube.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kube.testing.Eventually;
import org.k8sca.kube.testing.MockApiServer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two candidates against the mock API server, with short lease timings so the test is quick;
 * nothing asserts how long anything took.
 */
class LeaderElectionTest {
    private MockApiServer api;
    private KubernetesClient clientA;
    private KubernetesClient clientB;

    @BeforeEach
    void setUp() {
        api = new MockApiServer();
        clientA = api.client();
        clientB = api.client();
    }

    @AfterEach
    void tearDown() {
        clientA.close();
        clientB.close();
        api.close();
    }

    private static LeaseSettings settings(String identity) {
        return new LeaseSettings(
                "kube-system",
                LeaseSettings.DEFAULT_NAME,
                identity,
                Duration.ofSeconds(3),
                Duration.ofSeconds(2),
                Duration.ofMillis(200));
    }

    @Test
    void aSecondCandidateWaitsAndTakesOverWhenTheFirstStops() throws InterruptedException {
        AtomicInteger aLed = new AtomicInteger();
        AtomicInteger bLed = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        LeaderElection a = new LeaderElection(clientA, settings("a"));
        LeaderElection b = new LeaderElection(clientB, settings("b"));
        try {
            a.start(aLed::incrementAndGet, lost::incrementAndGet);
            Eventually.await("a leads", a::isLeading);
            b.start(bLed::incrementAndGet, lost::incrementAndGet);
            // Several of b's retry periods pass while a keeps renewing.
            Eventually.await(
                    "b tried",
                    () ->
                            api.requests().stream()
                                            .filter(r -> r.contains("/leases/cluster-autoscaler"))
                                            .count()
                                    >= 10);
            assertThat(b.isLeading()).isFalse();
            assertThat(bLed).hasValue(0);
            Lease held =
                    clientA.leases()
                            .inNamespace("kube-system")
                            .withName("cluster-autoscaler")
                            .get();
            assertThat(held.getSpec().getHolderIdentity()).isEqualTo("a");

            a.stop();
            Eventually.await("b leads", b::isLeading);
            assertThat(aLed).hasValue(1);
            assertThat(bLed).hasValue(1);
            assertThat(lost).as("a stopped on purpose; b still leads").hasValue(0);
        } finally {
            a.stop();
            b.stop();
        }
    }

    @Test
    void losingTheLeaseToAnotherHolderIsReported() {
        AtomicInteger lost = new AtomicInteger();
        LeaderElection a = new LeaderElection(clientA, settings("a"));
        try {
            a.start(() -> {}, lost::incrementAndGet);
            Eventually.await("a leads", a::isLeading);
            // The leader renews concurrently; retry the takeover on conflicts.
            Eventually.await(
                    "intruder took the lease",
                    () -> {
                        try {
                            clientB.leases()
                                    .inNamespace("kube-system")
                                    .withName("cluster-autoscaler")
                                    .edit(
                                            l -> {
                                                l.getSpec().setHolderIdentity("intruder");
                                                l.getSpec()
                                                        .setRenewTime(
                                                                java.time.ZonedDateTime.now()
                                                                        .plusHours(1));
                                                return l;
                                            });
                            return true;
                        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                            return false;
                        }
                    });
            Eventually.await("a reports the loss", () -> lost.get() == 1);
            assertThat(a.isLeading()).isFalse();
        } finally {
            a.stop();
        }
    }

    @Test
    void leaseTimingsMustNest() {
        assertThatThrownBy(
                        () ->
                                new LeaseSettings(
                                        "ns",
                                        "cluster-autoscaler",
                                        "x",
                                        Duration.ofSeconds(10),
                                        Duration.ofSeconds(10),
                                        Duration.ofSeconds(2)))
                .hasMessageContaining("--leader-elect-lease-duration");
        assertThat(LeaseSettings.identity("host-1")).startsWith("host-1_");
    }
}
