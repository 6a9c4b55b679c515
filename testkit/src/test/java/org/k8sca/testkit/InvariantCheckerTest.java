package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.model.ServerSetup;

import java.time.Duration;

/** The invariant checker finds what it promises to find, in clusters broken on purpose. */
class InvariantCheckerTest {
    private VirtualCluster cluster;

    @AfterEach
    void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aPoweredOffServerOfAGroupWithoutWarmPoolIsALeak() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 3).start();
        cluster.simulator()
                .addServer(
                        ServerSetup.named("ng1-stray")
                                .power("off")
                                .tags("k8sca-c1", "k8scang-ng1"));
        cluster.simulator()
                .addServer(ServerSetup.named("other-cluster").power("on").tags("k8sca-c2"));
        cluster.step();

        assertThat(cluster.invariantViolations())
                .containsExactly(
                        "server ng1-stray is powered off but its group ng1 keeps no warm pool");
    }

    @Test
    void aRunningServerIsInFlightWhileItBootsAndFineOnceItsNodeRegisters() throws Exception {
        cluster =
                VirtualCluster.builder()
                        .nodeGroup("ng1", 0, 3)
                        .kubeletDelay(Duration.ofMinutes(1))
                        .start();
        cluster.addServer("ng1-a", "ng1");
        cluster.step();
        assertThat(cluster.kubelet().booting("ng1-a")).isTrue();
        assertThat(cluster.invariantViolations()).isEmpty();

        cluster.run(Duration.ofMinutes(1));

        assertThat(cluster.nodeNames()).containsExactly("ng1-a");
        assertThat(cluster.invariantViolations()).isEmpty();
    }

    @Test
    void anEvictionPastTheBudgetIsReported() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 1, 3).start();
        cluster.addServer("ng1-a", "ng1");
        cluster.runUntil(
                "the node registers", () -> cluster.nodeNames().size() == 1, Duration.ofMinutes(2));
        Workload web = Workload.of("web", 2, "100m", "64Mi");
        cluster.addDisruptionBudget(web, 0);
        cluster.apply(web);
        cluster.run(Duration.ofSeconds(30));
        cluster.apiServer().setPdbAware(false); // a broken API server lets the eviction through

        cluster.client().pods().inNamespace("default").withName("web-1").evict();
        cluster.step();

        assertThat(cluster.pdbBreaches())
                .singleElement()
                .asString()
                .contains("PDB default/web", "[default/web-1]", "1 healthy pods < 2 desired");
        assertThat(cluster.invariantViolations()).containsAll(cluster.pdbBreaches());
    }

    @Test
    void anEvictionTheBudgetAllowsIsRefusedOnceItIsUsedUp() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 1, 3).start();
        cluster.addServer("ng1-a", "ng1");
        cluster.runUntil(
                "the node registers", () -> cluster.nodeNames().size() == 1, Duration.ofMinutes(2));
        Workload web = Workload.of("web", 3, "100m", "64Mi");
        cluster.addDisruptionBudget(web, 1);
        cluster.apply(web);
        cluster.run(Duration.ofSeconds(30));

        // Two evictions before the disruption controller runs again: only the first may pass.
        assertThat(cluster.client().pods().inNamespace("default").withName("web-1").evict())
                .isTrue();
        assertThat(cluster.client().pods().inNamespace("default").withName("web-2").evict())
                .isFalse();
        cluster.step();

        assertThat(cluster.invariantViolations()).isEmpty();
    }

    @Test
    void aPodThatFitsButNeverGetsANodeIsReportedAfterTheProvisioningTime() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 3).start();
        cluster.simulator().faults().http500Rate(Endpoint.CREATE_SERVER, 1.0);
        cluster.apply(Workload.of("web", 1, "500m", "64Mi"));
        cluster.run(Duration.ofMinutes(10));
        assertThat(cluster.invariantViolations())
                .as("not yet past the provisioning time")
                .isEmpty();

        cluster.run(Duration.ofMinutes(8));

        assertThat(cluster.invariantViolations())
                .singleElement()
                .asString()
                .startsWith(
                        "pod default/web-1 fits group ng1 (room to grow) but has been pending"
                                + " since");
    }
}
