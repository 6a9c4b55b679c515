package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.clusterstate.Views.T0;
import static org.k8sca.core.clusterstate.Views.creating;
import static org.k8sca.core.clusterstate.Views.group;
import static org.k8sca.core.clusterstate.Views.kamateraGroup;
import static org.k8sca.core.clusterstate.Views.node;
import static org.k8sca.core.clusterstate.Views.readyNode;
import static org.k8sca.core.clusterstate.Views.running;
import static org.k8sca.core.clusterstate.Views.unreadyNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.model.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The cluster health gate and per-group health. */
class HealthGateTest {

    private final MutableClock clock = new MutableClock(T0);

    /**
     * A cluster of {@code total} nodes outside any group, {@code unready} of them unready for a
     * day.
     */
    private ClusterStateRegistry clusterWith(int unready, int total, ClusterStateConfig config) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            nodes.add(i < unready ? unreadyNode("n" + i) : readyNode("n" + i));
        }
        ClusterStateRegistry r = new ClusterStateRegistry(config, clock);
        r.update(ClusterView.of(List.of(), nodes));
        return r;
    }

    @ParameterizedTest(name = "{0} unready of {1} -> healthy {2}")
    @CsvSource({
        "0, 0, true",
        "3, 3, true", // not more than 3
        "3, 5, true",
        "4, 4, false",
        "4, 8, false", // 50 % > 45 %
        "4, 9, true", // 44.4 %
        "4, 10, true", // 40 %
        "5, 10, false", // 50 %
        "9, 20, true", // exactly 45 % is not more than 45 %
        "10, 20, false",
        "45, 100, true",
        "46, 100, false",
    })
    void clusterGateBoundaries(int unready, int total, boolean healthy) {
        ClusterStateRegistry r = clusterWith(unready, total, ClusterStateConfig.DEFAULTS);
        assertThat(r.isClusterHealthy()).isEqualTo(healthy);
        assertThat(r.clusterUnhealthyReason().isEmpty()).isEqualTo(healthy);
        assertThat(r.status().health()).isEqualTo(healthy ? Health.HEALTHY : Health.UNHEALTHY);
    }

    @Test
    void gateFollowsTheFlags() {
        ClusterStateConfig strict = ClusterStateConfig.DEFAULTS.withUnreadyLimits(0, 10);
        assertThat(clusterWith(1, 10, strict).isClusterHealthy()).isTrue();
        assertThat(clusterWith(2, 10, strict).isClusterHealthy()).isFalse();
        assertThat(clusterWith(2, 10, strict).clusterUnhealthyReason())
                .hasValue("2 of 10 nodes are unready (more than 0 and more than 10.0%)");
    }

    @Test
    void bootingNodesDoNotMakeTheClusterUnhealthy() {
        List<Node> nodes = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            nodes.add(node("b" + i, false, T0).build());
            instances.add(running("b" + i));
        }
        ClusterStateRegistry r = new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);
        r.update(
                ClusterView.of(
                        List.of(kamateraGroup("ng", 0, 10, instances.toArray(Instance[]::new))),
                        nodes));
        assertThat(r.isClusterHealthy()).isTrue();
        clock.advance(Duration.ofMinutes(16));
        r.update(
                ClusterView.of(
                        List.of(kamateraGroup("ng", 0, 10, instances.toArray(Instance[]::new))),
                        nodes));
        assertThat(r.isClusterHealthy()).isFalse();
    }

    @Test
    void groupWithManyUnreadyNodesIsUnhealthyAndBlocked() {
        List<Node> nodes = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            nodes.add(i < 5 ? unreadyNode("n" + i) : readyNode("n" + i));
            instances.add(running("n" + i));
        }
        ClusterStateRegistry r = new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);
        r.update(
                ClusterView.of(
                        List.of(
                                kamateraGroup("ng", 0, 10, instances.toArray(Instance[]::new)),
                                kamateraGroup("ok", 0, 3, running("x"))),
                        concat(nodes, readyNode("x"))));
        assertThat(r.isGroupHealthy("ng")).isFalse();
        assertThat(r.isGroupHealthy("ok")).isTrue();
        assertThat(r.scaleUpBlockedGroups()).containsOnlyKeys("ng");
        assertThat(r.backedOffGroups()).isEmpty();
        assertThat(r.groupStatus("ng").orElseThrow().scaleUp())
                .isEqualTo(ScaleUpActivity.UNHEALTHY);
    }

    @Test
    void groupWithoutRegisteredNodes() {
        ClusterStateRegistry r = new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);
        r.update(
                ClusterView.of(
                        List.of(
                                group("empty", 0, 5, 0),
                                group("waiting", 0, 5, 2, creating("a"), creating("b"))),
                        List.of()));
        assertThat(r.isGroupHealthy("empty")).isTrue();
        // Target 2 and nothing registered and no request: unhealthy...
        assertThat(r.isGroupHealthy("waiting")).isFalse();
        // ...unless a scale-up request covers the missing nodes.
        r.registerScaleUp("waiting", 2);
        assertThat(r.isGroupHealthy("waiting")).isTrue();
    }

    private static List<Node> concat(List<Node> a, Node b) {
        List<Node> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }
}
