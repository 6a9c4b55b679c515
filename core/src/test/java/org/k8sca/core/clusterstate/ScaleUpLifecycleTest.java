package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.clusterstate.Views.T0;
import static org.k8sca.core.clusterstate.Views.creating;
import static org.k8sca.core.clusterstate.Views.failed;
import static org.k8sca.core.clusterstate.Views.group;
import static org.k8sca.core.clusterstate.Views.kamateraGroup;
import static org.k8sca.core.clusterstate.Views.node;
import static org.k8sca.core.clusterstate.Views.readyNode;
import static org.k8sca.core.clusterstate.Views.running;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.InstanceError.ErrorClass;
import org.k8sca.core.model.Node;

import java.time.Duration;
import java.util.List;

/** Scale-up requests: completion, provision timeout, backoff, instance creation errors. */
class ScaleUpLifecycleTest {

    private static final Duration PROVISION = Duration.ofMinutes(15);
    private static final Duration LOOP = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(T0);
    private final ClusterStateRegistry registry =
            new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);

    private ClusterStateUpdate loop(NodeGroupView g, Node... nodes) {
        clock.advance(LOOP);
        return registry.update(ClusterView.of(List.of(g), List.of(nodes)));
    }

    @Test
    void requestCompletesWhenTheNewNodesAreReady() {
        loop(kamateraGroup("ng", 1, 5, running("a")), readyNode("a"));
        registry.registerScaleUp("ng", 2);
        assertThat(registry.status().groups().get(0).scaleUp())
                .isEqualTo(ScaleUpActivity.IN_PROGRESS);

        // Machines booting, no nodes yet.
        ClusterStateUpdate u =
                loop(
                        kamateraGroup("ng", 1, 5, running("a"), creating("b"), creating("c")),
                        readyNode("a"));
        assertThat(u.events()).isEmpty();
        assertThat(registry.upcomingNodes()).containsEntry("ng", 2);

        // Nodes registered, not ready yet: still upcoming, request still in progress.
        Node bNotReady = node("b", false, clock.instant()).build();
        Node cNotReady = node("c", false, clock.instant()).build();
        u =
                loop(
                        kamateraGroup("ng", 1, 5, running("a"), running("b"), running("c")),
                        readyNode("a"),
                        bNotReady,
                        cNotReady);
        assertThat(u.events()).isEmpty();
        assertThat(registry.upcomingNodes()).containsEntry("ng", 2);
        assertThat(registry.upcomingRegisteredNodes()).containsEntry("ng", List.of("b", "c"));
        assertThat(registry.scaleUpRequest("ng")).isPresent();

        // One ready: one still upcoming.
        u =
                loop(
                        kamateraGroup("ng", 1, 5, running("a"), running("b"), running("c")),
                        readyNode("a"),
                        readyNode("b"),
                        cNotReady);
        assertThat(u.events()).isEmpty();
        assertThat(registry.upcomingNodes()).containsEntry("ng", 1);

        // Both ready: request completed.
        u =
                loop(
                        kamateraGroup("ng", 1, 5, running("a"), running("b"), running("c")),
                        readyNode("a"),
                        readyNode("b"),
                        readyNode("c"));
        assertThat(u.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ClusterStateEvent.ScaleUpCompleted.class,
                        e -> assertThat(e.increase()).isEqualTo(2));
        assertThat(registry.upcomingNodes()).isEmpty();
        assertThat(registry.scaleUpRequest("ng")).isEmpty();
        assertThat(registry.backedOffGroups()).isEmpty();
        assertThat(registry.status().groups().get(0).scaleUp())
                .isEqualTo(ScaleUpActivity.NO_ACTIVITY);
    }

    @Test
    void nodesReadyJustAfterTheDeadlineStillComplete() {
        loop(kamateraGroup("ng", 0, 5));
        registry.registerScaleUp("ng", 1);
        loop(kamateraGroup("ng", 0, 5, creating("a")));
        clock.advance(PROVISION);
        ClusterStateUpdate u = loop(kamateraGroup("ng", 0, 5, running("a")), readyNode("a"));
        assertThat(u.events())
                .singleElement()
                .isInstanceOf(ClusterStateEvent.ScaleUpCompleted.class);
        assertThat(registry.backedOffGroups()).isEmpty();
    }

    @Test
    void secondScaleUpExtendsTheRequest() {
        loop(kamateraGroup("ng", 0, 5));
        registry.registerScaleUp("ng", 1);
        clock.advance(Duration.ofMinutes(10));
        registry.registerScaleUp("ng", 2);
        assertThat(registry.scaleUpRequest("ng"))
                .hasValueSatisfying(
                        r -> {
                            assertThat(r.increase()).isEqualTo(3);
                            assertThat(r.expectedBy()).isEqualTo(clock.instant().plus(PROVISION));
                        });
    }

    /**
     * Drives one scale-up of a Kamatera-like group whose machine never registers; returns the
     * backoff.
     */
    private Backoff timeOutOneScaleUp(String machine) {
        loop(kamateraGroup("ng", 0, 5));
        registry.registerScaleUp("ng", 1);
        NodeGroupView booting = kamateraGroup("ng", 0, 5, creating(machine));
        Duration waited = Duration.ZERO;
        while (waited.compareTo(PROVISION) < 0) {
            ClusterStateUpdate u = loop(booting);
            waited = waited.plus(LOOP);
            if (!u.events().isEmpty()) {
                throw new AssertionError(
                        "no event expected before the provision time, got " + u.events());
            }
            assertThat(registry.backedOffGroups()).isEmpty();
        }
        ClusterStateUpdate u = loop(booting);
        assertThat(u.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ClusterStateEvent.ScaleUpTimedOut.class,
                        e ->
                                assertThat(e.message())
                                        .isEqualTo(
                                                "Nodes added to group ng failed to register within"
                                                        + " 15m"));
        // The machine exists, so nothing to revert: it is cleaned up as long-unregistered instead.
        assertThat(u.reverts()).isEmpty();
        assertThat(registry.scaleUpRequest("ng")).isEmpty();
        assertThat(registry.backedOffGroups()).containsKey("ng");
        return registry.groupStatus("ng").orElseThrow().backoff().orElseThrow();
    }

    @Test
    void provisionTimeoutBacksOffFiveThenTenCappedAtThirtyAndResets() {
        Backoff first = timeOutOneScaleUp("m1");
        assertThat(first.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(first.errorCode()).isEqualTo("timeout");
        assertThat(registry.backedOffGroups().get("ng"))
                .contains("timeout")
                .contains("failed to register within");
        assertThat(registry.status().groups().get(0).scaleUp()).isEqualTo(ScaleUpActivity.BACKOFF);

        clock.advance(Duration.ofMinutes(5));
        assertThat(registry.backedOffGroups()).isEmpty();

        assertThat(timeOutOneScaleUp("m2").duration()).isEqualTo(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(timeOutOneScaleUp("m3").duration()).isEqualTo(Duration.ofMinutes(20));
        clock.advance(Duration.ofMinutes(20));
        assertThat(timeOutOneScaleUp("m4").duration()).isEqualTo(Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(30));
        assertThat(timeOutOneScaleUp("m5").duration()).isEqualTo(Duration.ofMinutes(30));

        // Quiet for more than 3 h after the last failure: the next failure starts over at 5 min.
        clock.advance(Duration.ofHours(3));
        loop(kamateraGroup("ng", 0, 5));
        assertThat(timeOutOneScaleUp("m6").duration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void timeoutRevertsTheTargetTheCloudNeverStarted() {
        // A cloud whose target grew by 3 but that lists only one machine for it.
        loop(group("ng", 0, 5, 0));
        registry.registerScaleUp("ng", 3);
        NodeGroupView g = group("ng", 0, 5, 3, creating("x"));
        loop(g);
        assertThat(registry.upcomingNodes()).containsEntry("ng", 3);
        clock.advance(PROVISION);
        ClusterStateUpdate u = loop(g);
        assertThat(u.reverts())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.groupId()).isEqualTo("ng");
                            assertThat(c.delta()).isEqualTo(-2);
                            assertThat(c.reason())
                                    .isEqualTo(TargetSizeCorrection.Reason.SCALE_UP_TIMEOUT);
                        });
        // The same loop does not also ask for a wrong-size correction of the same group.
        assertThat(registry.wrongSizePlan()).isEmpty();
    }

    @Test
    void instanceErrorFailsTheRequestAndBacksOffInTheSameLoop() {
        loop(kamateraGroup("ng", 0, 5));
        registry.registerScaleUp("ng", 3);
        loop(kamateraGroup("ng", 0, 5, creating("a"), creating("b"), creating("c")));
        assertThat(registry.backedOffGroups()).isEmpty();

        NodeGroupView broken =
                kamateraGroup(
                        "ng",
                        0,
                        5,
                        failed(
                                "a",
                                ErrorClass.OUT_OF_RESOURCES,
                                "QUOTA",
                                "no more servers in this datacenter"),
                        failed(
                                "b",
                                ErrorClass.OUT_OF_RESOURCES,
                                "QUOTA",
                                "no more servers in this datacenter"),
                        creating("c"));
        ClusterStateUpdate u = loop(broken);
        assertThat(u.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ClusterStateEvent.ScaleUpFailed.class,
                        e -> {
                            assertThat(e.failedCount()).isEqualTo(2);
                            assertThat(e.message())
                                    .isEqualTo(
                                            "Failed adding 2 nodes to group ng due to"
                                                    + " OUT_OF_RESOURCES.QUOTA; source errors: no more"
                                                    + " servers in this datacenter");
                        });
        assertThat(registry.backedOffGroups()).containsKey("ng");
        NodeGroupStatus s = registry.groupStatus("ng").orElseThrow();
        assertThat(s.backoff())
                .hasValueSatisfying(
                        b -> {
                            assertThat(b.errorClass()).isEqualTo(ErrorClass.OUT_OF_RESOURCES);
                            assertThat(b.duration()).isEqualTo(Duration.ofMinutes(5));
                        });
        assertThat(s.scaleUp()).isEqualTo(ScaleUpActivity.BACKOFF);
        // The request shrank to the one machine still booting, which stays upcoming.
        assertThat(registry.scaleUpRequest("ng"))
                .hasValueSatisfying(r -> assertThat(r.increase()).isEqualTo(1));
        assertThat(registry.upcomingNodes()).containsEntry("ng", 1);
        assertThat(s.counts().failed()).isEqualTo(2);

        // The same errors seen again are not new failures: no event, no longer backoff.
        clock.advance(Duration.ofMinutes(1));
        u = loop(broken);
        assertThat(u.events()).isEmpty();
        assertThat(registry.groupStatus("ng").orElseThrow().backoff().orElseThrow().since())
                .isEqualTo(s.backoff().orElseThrow().since());

        // The failed machines are planned for deletion (min size 0 allows it).
        assertThat(registry.cleanupPlan().failed())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.reason()).isEqualTo(InstanceDeletion.Reason.CREATE_ERROR);
                            assertThat(d.instances())
                                    .extracting(i -> i.id())
                                    .containsExactly("fake://a", "fake://b");
                        });
    }

    @Test
    void instanceErrorWithoutAKnownRequestStillBacksOff() {
        // E.g. right after the autoscaler restarted: it never saw the scale-up being made.
        ClusterStateUpdate u =
                loop(
                        kamateraGroup(
                                "ng",
                                0,
                                5,
                                failed(
                                        "a",
                                        ErrorClass.OTHER,
                                        "CMD",
                                        "command 7 ended with error")));
        assertThat(u.events()).hasSize(1);
        assertThat(registry.backedOffGroups()).containsKey("ng");
    }

    @Test
    void afterATimeoutOnlyTheOtherGroupIsOpenForScaleUp() {
        NodeGroupView cheapEmpty = kamateraGroup("cheap", 0, 5);
        NodeGroupView other = kamateraGroup("other", 0, 5);
        clock.advance(LOOP);
        registry.update(ClusterView.of(List.of(cheapEmpty, other), List.of()));
        registry.registerScaleUp("cheap", 1);
        NodeGroupView cheapStuck = kamateraGroup("cheap", 0, 5, creating("s"));
        for (int i = 0; i < 91; i++) {
            clock.advance(LOOP);
            registry.update(ClusterView.of(List.of(cheapStuck, other), List.of()));
        }
        // The planner sees: nothing upcoming in "cheap" (its machine is past the provision time),
        // "cheap"
        // backed off, "other" free; so the pending pods go to "other" in this loop.
        assertThat(registry.upcomingNodes()).isEmpty();
        assertThat(registry.backedOffGroups()).containsOnlyKeys("cheap");
        assertThat(registry.scaleUpBlockedGroups()).containsOnlyKeys("cheap");
        assertThat(registry.cleanupPlan().unregistered())
                .singleElement()
                .satisfies(d -> assertThat(d.groupId()).isEqualTo("cheap"));
    }

    @Test
    void failedScaleUpCallBacksOff() {
        loop(kamateraGroup("ng", 0, 5));
        Backoff b =
                registry.registerFailedScaleUp(
                        "ng", ErrorClass.OTHER, "CLOUD_API", "error on API call");
        assertThat(b.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(registry.backedOffGroups()).containsKey("ng");
    }
}
