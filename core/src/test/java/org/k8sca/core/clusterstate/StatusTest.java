package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.k8sca.core.clusterstate.Views.T0;
import static org.k8sca.core.clusterstate.Views.creating;
import static org.k8sca.core.clusterstate.Views.kamateraGroup;
import static org.k8sca.core.clusterstate.Views.readyNode;
import static org.k8sca.core.clusterstate.Views.running;
import static org.k8sca.core.clusterstate.Views.unreadyNode;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.InstanceError.ErrorClass;
import org.k8sca.core.model.Node;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Status records: what the status ConfigMap needs, with since-times. */
class StatusTest {

    private final MutableClock clock = new MutableClock(T0);
    private final ClusterStateRegistry registry =
            new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);

    private void update(NodeGroupView g, Node... nodes) {
        registry.update(ClusterView.of(List.of(g), List.of(nodes)));
    }

    @Test
    void beforeTheFirstUpdate() {
        ClusterStatus s = registry.status();
        assertThat(s.health()).isEqualTo(Health.HEALTHY);
        assertThat(s.groups()).isEmpty();
        assertThat(s.counts()).isEqualTo(NodeCounts.ZERO);
        assertThat(registry.upcomingNodes()).isEmpty();
        assertThatThrownBy(() -> registry.registerScaleUp("ng", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ng");
    }

    @Test
    void unknownGroupIsNamed() {
        update(kamateraGroup("web", 0, 3));
        assertThatThrownBy(() -> registry.registerScaleUp("db", 1))
                .hasMessageContaining("unknown node group db")
                .hasMessageContaining("web");
        assertThatThrownBy(() -> registry.registerScaleUp("web", 0)).hasMessageContaining("web");
    }

    @Test
    void groupStatusCarriesSizesCountsAndTransitions() {
        update(kamateraGroup("ng", 1, 5, running("a")), readyNode("a"));
        NodeGroupStatus s = registry.groupStatus("ng").orElseThrow();
        assertThat(s.minSize()).isEqualTo(1);
        assertThat(s.maxSize()).isEqualTo(5);
        assertThat(s.targetSize()).isEqualTo(1);
        assertThat(s.counts().ready()).isEqualTo(1);
        assertThat(s.health()).isEqualTo(Health.HEALTHY);
        assertThat(s.scaleUp()).isEqualTo(ScaleUpActivity.NO_ACTIVITY);
        assertThat(s.scaleUpSince()).isEqualTo(T0);
        assertThat(s.lastProbeTime()).isEqualTo(T0);

        clock.advance(Duration.ofMinutes(1));
        Instant scaledAt = clock.instant();
        registry.registerScaleUp("ng", 1);
        ClusterStatus cs = registry.status();
        assertThat(cs.scaleUp()).isEqualTo(ScaleUpActivity.IN_PROGRESS);
        assertThat(cs.scaleUpSince()).isEqualTo(scaledAt);
        assertThat(cs.groups().get(0).scaleUp()).isEqualTo(ScaleUpActivity.IN_PROGRESS);
        assertThat(cs.groups().get(0).scaleUpSince()).isEqualTo(scaledAt);
        assertThat(cs.groups().get(0).request())
                .hasValueSatisfying(r -> assertThat(r.increase()).isEqualTo(1));

        clock.advance(Duration.ofSeconds(10));
        Instant failedAt = clock.instant();
        update(
                kamateraGroup(
                        "ng",
                        1,
                        5,
                        running("a"),
                        Views.failed("b", ErrorClass.OUT_OF_RESOURCES, "NO_CAPACITY", "full")),
                readyNode("a"));
        clock.advance(Duration.ofSeconds(10));
        update(
                kamateraGroup(
                        "ng",
                        1,
                        5,
                        running("a"),
                        Views.failed("b", ErrorClass.OUT_OF_RESOURCES, "NO_CAPACITY", "full")),
                readyNode("a"));
        s = registry.groupStatus("ng").orElseThrow();
        assertThat(s.scaleUp()).isEqualTo(ScaleUpActivity.BACKOFF);
        assertThat(s.scaleUpSince()).isEqualTo(failedAt);
        assertThat(s.backoff())
                .hasValueSatisfying(
                        b -> {
                            assertThat(b.errorCode()).isEqualTo("NO_CAPACITY");
                            assertThat(b.errorMessage()).contains("full");
                        });
        assertThat(s.lastProbeTime()).isEqualTo(clock.instant());
        assertThat(registry.status().scaleUp()).isEqualTo(ScaleUpActivity.NO_ACTIVITY);

        // Backoff over: no activity again.
        clock.advance(Duration.ofMinutes(5));
        update(kamateraGroup("ng", 1, 5, running("a")), readyNode("a"));
        assertThat(registry.groupStatus("ng").orElseThrow().scaleUp())
                .isEqualTo(ScaleUpActivity.NO_ACTIVITY);
        assertThat(registry.groupStatus("ng").orElseThrow().scaleUpSince())
                .isEqualTo(clock.instant());
    }

    @Test
    void clusterHealthTransitionTime() {
        NodeGroupView g =
                kamateraGroup("ng", 0, 10, running("a"), running("b"), running("c"), running("d"));
        update(g, readyNode("a"), readyNode("b"), readyNode("c"), readyNode("d"));
        assertThat(registry.status().healthSince()).isEqualTo(T0);
        clock.advance(Duration.ofMinutes(1));
        update(g, unreadyNode("a"), unreadyNode("b"), unreadyNode("c"), unreadyNode("d"));
        clock.advance(Duration.ofMinutes(1));
        update(g, unreadyNode("a"), unreadyNode("b"), unreadyNode("c"), unreadyNode("d"));
        ClusterStatus s = registry.status();
        assertThat(s.health()).isEqualTo(Health.UNHEALTHY);
        assertThat(s.healthSince()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(s.counts().unready()).isEqualTo(4);
    }

    @Test
    void vanishedGroupsAreForgotten() {
        update(kamateraGroup("ng", 0, 3, creating("a")));
        registry.registerScaleUp("ng", 1);
        registry.registerFailedScaleUp("ng", ErrorClass.OTHER, "X", "x");
        registry.update(ClusterView.of(List.of(kamateraGroup("other", 0, 3)), List.of()));
        assertThat(registry.scaleUpRequest("ng")).isEmpty();
        assertThat(registry.backedOffGroups()).isEmpty();
        assertThat(registry.groupStatus("ng")).isEmpty();
        assertThat(registry.status().groups())
                .extracting(NodeGroupStatus::id)
                .containsExactly("other");
    }
}
