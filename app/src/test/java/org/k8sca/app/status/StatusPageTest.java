package org.k8sca.app.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.k8sca.app.status.StatusModel.GroupRow;
import org.k8sca.app.status.StatusModel.LoopView;
import org.k8sca.app.status.StatusModel.NodeRow;
import org.k8sca.app.status.StatusModel.PendingPodRow;
import org.k8sca.app.status.StatusModel.ScaleEvent;
import org.k8sca.app.status.StatusModel.ScaleEvent.Kind;
import org.k8sca.app.testing.MutableClock;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.drain.NodeDrain;
import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaledown.unneeded.SoftTaintPlan;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.kube.objects.ClusterObjects;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The observer turns one loop's core results into the model the page renders. */
class StatusPageTest {

    private final MutableClock clock = new MutableClock(StatusFixtures.START);
    private final StatusPage page =
            new StatusPage(
                    clock,
                    StatusPageSettings.DEFAULTS
                            .withScaleDownUnneededTime(Duration.ofMinutes(10))
                            .withGroupOfNode(
                                    node ->
                                            node.startsWith("web-")
                                                    ? Optional.of("web")
                                                    : node.startsWith("db-")
                                                            ? Optional.of("db")
                                                            : Optional.empty()));

    /** Runs one full loop at the clock's time, as AutoscalerLoop tells its observers. */
    private void fullLoop(Optional<String> cooldown) {
        Instant now = clock.instant();
        page.loopStarted(now);
        page.clusterObjects(StatusFixtures.objects());
        page.clusterState(StatusFixtures.status(Health.HEALTHY), StatusFixtures.update());
        page.scaleUp(StatusFixtures.scaleUpResult(), StatusFixtures.executed());
        page.scaleDown(StatusFixtures.scaleDownPlan(cooldown));
        page.deletionsFinished(StatusFixtures.deletions());
        page.pendingNodeDeletions(1);
        clock.advance(Duration.ofMillis(300));
        page.loopFinished(now, Duration.ofMillis(300), Optional.empty());
    }

    private LoopView loop() {
        return page.model().loop().orElseThrow();
    }

    @Test
    void nothingIsPublishedBeforeTheFirstLoopFinishes() {
        page.loopStarted(clock.instant());
        page.clusterObjects(StatusFixtures.objects());
        assertThat(page.model().loop()).isEmpty();
        assertThat(page.render()).contains("No loop has run yet");
    }

    @Test
    void groupsCarryTheRegistryCountsRequestBackoffAndWhatThePlanMadeOfThem() {
        fullLoop(Optional.empty());

        List<GroupRow> groups = loop().groups().orElseThrow().rows();
        assertThat(groups)
                .extracting(
                        GroupRow::id,
                        GroupRow::min,
                        GroupRow::current,
                        GroupRow::target,
                        GroupRow::max,
                        GroupRow::upcoming,
                        GroupRow::warmPool)
                .containsExactly(tuple("web", 1, 2, 4, 10, 2, 3), tuple("db", 0, 1, 1, 4, 0, 0));
        assertThat(groups.get(0).request()).contains(StatusFixtures.WEB_REQUEST);
        assertThat(groups.get(0).lastPlan()).isEqualTo("planned 2->4 (max: 10)");
        assertThat(groups.get(1).backoff()).contains(StatusFixtures.DB_BACKOFF);
        assertThat(groups.get(1).lastPlan()).isEqualTo("skipped: backed off");
    }

    @Test
    void pendingPodsCarryTheVerdictAndTheNotTriggerScaleUpText() {
        fullLoop(Optional.empty());

        List<PendingPodRow> pods = loop().pending().orElseThrow().rows();
        assertThat(pods)
                .extracting(PendingPodRow::pod)
                .containsExactly("default/cart-1", "default/huge");
        assertThat(pods.get(0).verdict()).isEqualTo("triggers scale-up");
        assertThat(pods.get(0).target()).isEqualTo("web");
        PendingPodRow huge = pods.get(1);
        assertThat(huge.verdict()).isEqualTo("no group can take it");
        // The same text as the NotTriggerScaleUp event (EventsObserver aggregates the same way).
        assertThat(huge.message()).isEqualTo("pod didn't trigger scale-up: 2 Insufficient cpu");
        assertThat(huge.reasonsByGroup())
                .containsExactly(
                        Map.entry("db", List.of("Insufficient cpu")),
                        Map.entry("web", List.of("Insufficient cpu")));
        assertThat(loop().pending().orElseThrow().outcome()).startsWith("SCALE_UP: scale-up:");
    }

    @Test
    void nodesCarryUtilizationUnneededTimesAndReasons() {
        fullLoop(Optional.empty());

        Map<String, NodeRow> nodes =
                loop().nodes().orElseThrow().rows().stream()
                        .collect(java.util.stream.Collectors.toMap(NodeRow::name, n -> n));
        assertThat(nodes).containsOnlyKeys("web-1", "web-2", "db-1");
        NodeRow web2 = nodes.get("web-2");
        assertThat(web2.group()).isEqualTo("web");
        assertThat(web2.utilization()).isEqualTo(0.25);
        assertThat(web2.unneededSince()).contains(StatusFixtures.START.minusSeconds(120));
        assertThat(web2.removableAt())
                .contains(StatusFixtures.START.minusSeconds(120).plus(Duration.ofMinutes(10)));
        assertThat(web2.keptBecause()).isEqualTo("NotUnneededLongEnough");
        assertThat(web2.removing()).isFalse();
        assertThat(nodes.get("web-1").removing()).isTrue();
        assertThat(nodes.get("db-1").ready()).isFalse();
        assertThat(nodes.get("db-1").keptBecause())
                .isEqualTo("BlockedByPod (kube-system/dns: UnmovableKubeSystemPod)");
        assertThat(loop().deletionsInProgress()).isEqualTo(1);
    }

    @Test
    void inCooldownNoNodeIsBeingRemovedAndTheReasonShows() {
        fullLoop(Optional.of("scale-up at 10:00, less than --scale-down-delay-after-add"));

        assertThat(loop().nodes().orElseThrow().rows()).noneMatch(NodeRow::removing);
        assertThat(loop().nodes().orElseThrow().cooldown()).isPresent();
        assertThat(loop().events()).noneMatch(e -> e.kind() == Kind.NODE_REMOVAL_STARTED);
    }

    @Test
    void scaleEventsAreNewestFirstOnTheClocksTime() {
        fullLoop(Optional.empty());

        assertThat(loop().events())
                .extracting(ScaleEvent::kind, ScaleEvent::group, ScaleEvent::message)
                .containsExactly(
                        tuple(
                                Kind.NODE_REMOVAL_FAILED,
                                "web",
                                "removing node web-9 failed: drain timed out"),
                        tuple(Kind.NODE_REMOVED, "web", "empty node web-1 removed: server deleted"),
                        tuple(Kind.NODE_REMOVAL_STARTED, "web", "removing empty node web-1"),
                        tuple(
                                Kind.SCALE_UP,
                                "web",
                                "group web size set to 4 instead of 2 (max: 10)"),
                        tuple(
                                Kind.SCALE_UP_FAILED,
                                "db",
                                StatusFixtures.update().events().get(0).message()));
        assertThat(loop().events()).allMatch(e -> e.time().equals(StatusFixtures.START));
    }

    @Test
    void aDrainNamesThePodsToMove() {
        Pod moved = Pod.builder("shop", "cart-9").uid("u9").build();
        ScaleDownPlan plan =
                new ScaleDownPlan(
                        List.of(NodeExplanation.unneeded("web-2", StatusFixtures.START, 0.3)),
                        List.of(),
                        List.of(
                                new NodeRemoval(
                                        "web-2",
                                        new NodeDrain(
                                                List.of(moved), List.of(), List.of(), null, null),
                                        Map.of("shop/cart-9", "web-3"),
                                        false)),
                        SoftTaintPlan.NONE,
                        Optional.empty(),
                        false);
        page.loopStarted(clock.instant());
        page.clusterObjects(StatusFixtures.objects());
        page.scaleDown(plan);
        page.loopFinished(clock.instant(), Duration.ZERO, Optional.empty());

        assertThat(loop().events())
                .extracting(ScaleEvent::kind, ScaleEvent::group, ScaleEvent::message)
                .containsExactly(
                        tuple(
                                Kind.NODE_REMOVAL_STARTED,
                                "web",
                                "draining node web-2 (1 pod(s) to move)"));
        assertThat(loop().nodes().orElseThrow().rows())
                .filteredOn(n -> n.name().equals("web-2"))
                .singleElement()
                .matches(NodeRow::removing);
    }

    @Test
    void aFailedResizeIsAFailureEvent() {
        page.loopStarted(clock.instant());
        page.scaleUp(
                StatusFixtures.scaleUpResult(),
                List.of(
                        new IncreaseAttempt(
                                StatusFixtures.WEB_UP,
                                IncreaseAttempt.Outcome.FAILED,
                                "quota exceeded")));
        page.loopFinished(clock.instant(), Duration.ZERO, Optional.empty());

        ScaleEvent e = loop().events().get(0);
        assertThat(e.kind()).isEqualTo(Kind.SCALE_UP_FAILED);
        assertThat(e.kind().failure()).isTrue();
        assertThat(e.message()).endsWith("quota exceeded");
    }

    @Test
    void eventsAndHistoryAreBounded() {
        StatusPage small =
                new StatusPage(
                        clock,
                        StatusPageSettings.DEFAULTS.withEventCapacity(3).withHistorySamples(4));
        for (int i = 0; i < 10; i++) {
            Instant now = clock.instant();
            small.loopStarted(now);
            small.unregisteredNodesRemoved(i + 1);
            small.loopFinished(now, Duration.ZERO, Optional.empty());
            clock.advance(Duration.ofSeconds(10));
        }
        LoopView view = small.model().loop().orElseThrow();
        assertThat(view.events())
                .extracting(ScaleEvent::message)
                .containsExactly(
                        "deleted 10 machine(s) that never registered as nodes in time",
                        "deleted 9 machine(s) that never registered as nodes in time",
                        "deleted 8 machine(s) that never registered as nodes in time");
        assertThat(view.history()).hasSize(4);
        assertThat(view.history().get(3).time()).isEqualTo(StatusFixtures.START.plusSeconds(90));
        assertThat(view.history().get(0).time()).isEqualTo(StatusFixtures.START.plusSeconds(60));
    }

    @Test
    void historySamplesNodesPendingPodsAndUpcomingNodes() {
        fullLoop(Optional.empty());

        StatusModel.HistorySample sample = loop().history().get(0);
        assertThat(sample.time()).isEqualTo(StatusFixtures.START);
        assertThat(sample.nodes()).isEqualTo(3);
        assertThat(sample.pendingPods()).isEqualTo(2);
        assertThat(sample.upcomingNodes()).isEqualTo(2);
    }

    @Test
    void aLoopThatStopsEarlyKeepsEarlierSectionsAndSaysWhy() {
        fullLoop(Optional.empty());
        clock.advance(Duration.ofSeconds(10));
        Instant second = clock.instant();
        page.loopStarted(second);
        page.loopFinished(
                second,
                Duration.ofMillis(5),
                Optional.of(new IllegalStateException("cloud provider refresh failed")));

        LoopView view = loop();
        assertThat(view.started()).isEqualTo(second);
        assertThat(view.error()).contains("IllegalStateException: cloud provider refresh failed");
        assertThat(view.groups().orElseThrow().asOf()).isEqualTo(StatusFixtures.START);
        assertThat(view.nodes().orElseThrow().rows()).hasSize(3);
        assertThat(view.history()).hasSize(2);
    }

    @Test
    void withoutAScaleUpPlanThePendingPodsComeFromTheViewUnplanned() {
        Instant now = clock.instant();
        page.loopStarted(now);
        ClusterObjects objects = StatusFixtures.objects();
        page.clusterObjects(objects);
        page.clusterState(StatusFixtures.status(Health.UNHEALTHY), StatusFixtures.update());
        page.loopFinished(now, Duration.ZERO, Optional.empty());

        assertThat(loop().pending().orElseThrow().planned()).isFalse();
        assertThat(loop().pending().orElseThrow().rows())
                .extracting(PendingPodRow::pod)
                .containsExactly("default/cart-1", "default/huge");
        assertThat(loop().nodes().orElseThrow().planned()).isFalse();
        assertThat(loop().nodes().orElseThrow().rows())
                .allMatch(n -> Double.isNaN(n.utilization()));
        assertThat(loop().groups().orElseThrow().health()).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void theModelIsTakenOnTheInjectedClock() {
        fullLoop(Optional.empty());
        clock.advance(Duration.ofHours(2));
        assertThat(page.model().now()).isEqualTo(clock.instant());
        assertThat(page.render()).contains(StatusPageRenderer.time(clock.instant()));
    }
}
