package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/** The virtual kubelet follows the servers: registration, readiness, disappearance. */
class VirtualKubeletTest {
    private VirtualCluster cluster;

    @AfterEach
    void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private String ready(String node) {
        Node n = cluster.client().nodes().withName(node).get();
        return n.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType()))
                .findFirst()
                .orElseThrow()
                .getStatus();
    }

    @Test
    void aServerRegistersAfterTheDelayWithItsCapacityProviderIdAndTemplateLabels()
            throws Exception {
        cluster =
                VirtualCluster.builder()
                        .nodeGroup("ng1", 0, 3, "template-label=tier=web")
                        .kubeletDelay(Duration.ofSeconds(40))
                        .start();
        cluster.simulator()
                .addServer(
                        org.k8sca.kamatera.sim.model.ServerSetup.named("ng1-x")
                                .power("on")
                                .cpu("4B")
                                .ramMb(8192)
                                .tags("k8sca-c1", "k8scang-ng1"));

        cluster.run(Duration.ofSeconds(40)); // first seen at 10 s, registers at 50 s
        assertThat(cluster.nodeNames()).isEmpty();
        cluster.step();

        Node node = cluster.client().nodes().withName("ng1-x").get();
        assertThat(node.getSpec().getProviderID()).isEqualTo("kamatera://ng1-x");
        assertThat(node.getStatus().getCapacity().get("cpu").toString()).isEqualTo("4");
        assertThat(node.getStatus().getCapacity().get("memory").toString()).isEqualTo("8192Mi");
        assertThat(node.getMetadata().getLabels())
                .containsEntry("tier", "web")
                .containsEntry("kubernetes.io/hostname", "ng1-x");
        assertThat(ready("ng1-x")).isEqualTo("True");
    }

    @Test
    void aPoweredOffServerGoesNotReadyAndATerminatedOneDisappearsWithItsPods() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 3).start();
        cluster.addServer("ng1-x", "ng1");
        cluster.runUntil(
                "the node registers",
                () -> cluster.nodeNames().contains("ng1-x"),
                Duration.ofMinutes(2));
        cluster.apply(Workload.of("web", 1, "100m", "64Mi"));
        cluster.run(Duration.ofSeconds(20));

        cluster.kamateraApi().powerOff("ng1-x");
        cluster.step();
        assertThat(ready("ng1-x")).as("shutting down").isEqualTo("False");
        cluster.run(Duration.ofMinutes(1));
        assertThat(ready("ng1-x")).as("off").isEqualTo("False");

        cluster.kamateraApi().terminateServer("ng1-x");
        cluster.run(Duration.ofMinutes(1));
        assertThat(cluster.nodeNames()).isEmpty();
        assertThat(cluster.objects().pods())
                .singleElement()
                .satisfies(p -> assertThat(p.pod().nodeName()).as("recreated, unbound").isEmpty());
    }

    @Test
    void coresComeFromTheCpuSpec() {
        assertThat(VirtualKubelet.cores("2B")).isEqualTo(2);
        assertThat(VirtualKubelet.cores("16A")).isEqualTo(16);
        assertThatThrownBy(() -> VirtualKubelet.cores("B")).hasMessageContaining("server cpu 'B'");
    }
}
