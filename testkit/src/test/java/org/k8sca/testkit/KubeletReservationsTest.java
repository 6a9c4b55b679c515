package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.http.RecordedRequest;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The virtual kubelet keeps back what the group's {@code kube-reserved}, {@code system-reserved}
 * and {@code eviction-hard} say, so a template that promised more than a node has shows up as a
 * second round of scale-up.
 */
class KubeletReservationsTest {
    private static final long MI = 1024L * 1024L;
    private static final long GI = 1024L * MI;

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
    void allocatableIsCapacityLessBothReservationsAndTheHardEvictionThreshold() {
        KubeletReservations r =
                new KubeletReservations(
                        Map.of("cpu", "500m", "memory", "256Mi", "ephemeral-storage", "1Gi"),
                        Map.of("cpu", "0.1", "memory", "256Mi"),
                        Map.of("memory.available", "100Mi", "nodefs.available", "10%"));

        assertThat(r.milliCpu(2000)).isEqualTo(1400);
        assertThat(r.memoryBytes(4096 * MI)).isEqualTo((4096 - 612) * MI);
        assertThat(r.ephemeralStorageBytes(20 * GI)).isEqualTo(20 * GI - GI - 2 * GI);
        assertThat(KubeletReservations.NONE.milliCpu(2000)).isEqualTo(2000);
        assertThat(r.milliCpu(300)).as("never below zero").isZero();
    }

    @Test
    void aReservationThatIsNoQuantityIsNamed() {
        KubeletReservations r = new KubeletReservations(Map.of("cpu", "lots"), Map.of(), Map.of());

        assertThatThrownBy(() -> r.milliCpu(2000)).hasMessageContaining("'lots'");
    }

    @Test
    void aNodeRegistersWithTheAllocatableItsGroupReserves() throws Exception {
        cluster =
                VirtualCluster.builder()
                        .nodeGroup(
                                "ng1",
                                0,
                                3,
                                "kube-reserved=cpu=500m,memory=256Mi",
                                "system-reserved=memory=256Mi",
                                "eviction-hard=memory.available<100Mi,nodefs.available<10%")
                        .start();
        cluster.addServer("ng1-a", "ng1"); // 2 cores, 4096 MB, one 20 GB disk

        cluster.runUntil(
                "the node registers",
                () -> cluster.nodeNames().contains("ng1-a"),
                Duration.ofMinutes(2));

        Node node = cluster.client().nodes().withName("ng1-a").get();
        Map<String, Quantity> allocatable = node.getStatus().getAllocatable();
        assertThat(Quantity.getAmountInBytes(allocatable.get("cpu"))).isEqualByComparingTo("1.5");
        assertThat(Quantity.getAmountInBytes(allocatable.get("memory")).longValueExact())
                .isEqualTo((4096 - 612) * MI);
        assertThat(Quantity.getAmountInBytes(allocatable.get("ephemeral-storage")).longValueExact())
                .isEqualTo(18 * GI);
        assertThat(node.getStatus().getCapacity().get("cpu").toString()).isEqualTo("2");
    }

    private long bound(String app) {
        return cluster.objects().pods().stream()
                .filter(
                        p ->
                                app.equals(p.pod().labels().get("app"))
                                        && p.state() == SchedulingState.BOUND)
                .count();
    }

    /** The distinct moments at which create requests reached Kamatera: one per scale-up. */
    private Set<Instant> createMoments() {
        Set<Instant> moments = new TreeSet<>();
        for (RecordedRequest r : cluster.simulator().journal(Endpoint.CREATE_SERVER)) {
            moments.add(r.receivedAt());
        }
        return moments;
    }

    @Test
    void podsThatFitTheRawCapacityButNotAllocatableGetOneNodeEachInOneScaleUp() throws Exception {
        // Two 800m pods fit 2 cores, but with 500m reserved only one fits what is allocatable.
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 6, "kube-reserved=cpu=500m").start();
        cluster.apply(Workload.of("web", 4, "800m", "256Mi"));

        cluster.runUntil("all four pods run", () -> bound("web") == 4, Duration.ofMinutes(15));

        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER)).hasSize(4);
        assertThat(createMoments()).as("one scale-up").hasSize(1);
        assertThat(cluster.nodeNames()).hasSize(4);
    }

    @Test
    void aKubeletThatKeepsMoreThanTheConfigSaysShowsUpAsASecondScaleUp() throws Exception {
        // The template is right by the config, but the machines keep 500m the config does not
        // mention: the harness makes the overestimate visible.
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 6).start();
        cluster.kubelet()
                .overrideReservations(
                        "ng1", new KubeletReservations(Map.of("cpu", "500m"), Map.of(), Map.of()));
        cluster.apply(Workload.of("web", 4, "800m", "256Mi"));

        cluster.runUntil("all four pods run", () -> bound("web") == 4, Duration.ofMinutes(30));

        assertThat(createMoments())
                .as("two nodes for two pods each, then more once the real nodes showed")
                .hasSizeGreaterThan(1);
        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER).size())
                .isGreaterThanOrEqualTo(4);
    }
}
