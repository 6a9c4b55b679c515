package org.k8sca.kamatera.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.kamatera.provider.ProviderHarness.tagsOf;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.clusterstate.ClusterStateConfig;
import org.k8sca.core.clusterstate.ClusterStateRegistry;
import org.k8sca.core.clusterstate.ClusterView;
import org.k8sca.core.clusterstate.NodeCategory;
import org.k8sca.core.clusterstate.NodeCounts;
import org.k8sca.core.clusterstate.PlanExecutor;
import org.k8sca.core.model.Node;
import org.k8sca.core.resources.Resources;
import org.k8sca.kamatera.sim.knobs.Endpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The provider's warm pool read by the core's real cluster-state registry: pool servers, with or
 * without a Node, are STOPPED instances that no cleanup deletes, no health check counts and the
 * default {@code isStandby} recognises; a power-on from the pool is an upcoming node.
 */
class WarmPoolClusterStateTest {

    private static final String NG1_POOL =
            """
            [nodegroup "ng1"]
            name-prefix=ng1
            min-size=0
            max-size=7
            poweroff-on-scale-down=true
            poweron-on-scale-up=true
            """;

    private ProviderHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private static Node node(String name, boolean ready) {
        return Node.builder(name)
                .providerId("kamatera://" + name)
                .allocatable(Resources.of(2000, 4L << 30, 0, 110, 0))
                .ready(ready)
                .creationTime(java.time.Instant.EPOCH)
                .build();
    }

    @Test
    void poolServersAreNeverCleanedUpNorUnreadyAndPowerOnsAreUpcoming() {
        h = ProviderHarness.start(NG1_POOL);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.addServer("ng1-bbbbbbbbbbb", "off", tagsOf("ng1")); // its Node was deleted
        h.addServer("ng1-ccccccccccc", "off", tagsOf("ng1")); // its Node is NotReady
        h.refresh();
        Clock clock = h.clock.withZone(ZoneOffset.UTC);
        ClusterStateRegistry registry =
                new ClusterStateRegistry(
                        ClusterStateConfig.DEFAULTS.withForceDelete(true, true), clock);
        List<Node> nodes = List.of(node("ng1-aaaaaaaaaaa", true), node("ng1-ccccccccccc", false));

        registry.update(ClusterView.read(h.provider, nodes, NodeGroupOptions.UPSTREAM_DEFAULTS));
        h.clock.advance(Duration.ofHours(2)); // past the group's one-hour provision time
        h.refresh();
        registry.update(ClusterView.read(h.provider, nodes, NodeGroupOptions.UPSTREAM_DEFAULTS));

        NodeCounts counts = registry.groupStatus("ng1").orElseThrow().counts();
        assertThat(counts.stopped()).isEqualTo(2);
        assertThat(counts.ready()).isEqualTo(1);
        assertThat(counts.unready()).isZero();
        assertThat(counts.unregistered()).isZero();
        assertThat(counts.longUnregistered()).isZero();
        assertThat(counts.failed()).isZero();
        assertThat(registry.cleanupPlan().isEmpty()).isTrue();
        assertThat(registry.wrongSizePlan()).isEmpty();
        assertThat(registry.isClusterHealthy()).isTrue();
        assertThat(registry.nodeCategories())
                .containsEntry("ng1-ccccccccccc", NodeCategory.STOPPED);
        for (Node n : nodes) {
            assertThat(h.provider.isStandby(n))
                    .as(n.name())
                    .isEqualTo(registry.nodeCategories().get(n.name()) == NodeCategory.STOPPED);
        }
        assertThat(
                        PlanExecutor.forProvider(h.provider)
                                .delete(registry.cleanupPlan().unregistered()))
                .isEmpty();
        assertThat(h.requests(Endpoint.POWER_OFF) + h.requests(Endpoint.TERMINATE)).isZero();

        // A scale-up powers a pool server on: it is CREATING now, counted in the target and
        // upcoming.
        h.group("ng1").increaseSize(1);
        registry.registerScaleUp("ng1", 1);
        registry.update(ClusterView.read(h.provider, nodes, NodeGroupOptions.UPSTREAM_DEFAULTS));
        assertThat(h.requests(Endpoint.POWER_ON)).isEqualTo(1);
        assertThat(registry.upcomingNodes()).containsEntry("ng1", 1);
        assertThat(registry.groupStatus("ng1").orElseThrow().counts().stopped()).isEqualTo(1);
    }
}
