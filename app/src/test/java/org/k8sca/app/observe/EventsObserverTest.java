package org.k8sca.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;
import org.k8sca.kube.events.AutoscalerEvents;
import org.k8sca.kube.events.EventRecorder;
import org.k8sca.kube.events.RecordedEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

class EventsObserverTest {

    private final List<RecordedEvent> written = new CopyOnWriteArrayList<>();
    private final EventRecorder recorder =
            new EventRecorder(
                    written::add, Clock.fixed(LoopFixtures.START, ZoneOffset.UTC), true, 100);
    private final EventsObserver observer =
            new EventsObserver(
                    new AutoscalerEvents(recorder, "kube-system", "cluster-autoscaler-status"), 12);

    @AfterEach
    void close() {
        recorder.close();
    }

    /** Each event as {@code Kind name Type Reason: message}. */
    private List<String> events() throws InterruptedException {
        assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
        return written.stream()
                .map(
                        e ->
                                e.object().kind()
                                        + " "
                                        + e.object().name()
                                        + " "
                                        + e.type().apiName()
                                        + " "
                                        + e.reason()
                                        + ": "
                                        + e.message())
                .toList();
    }

    @Test
    void scaleUpEventsOnTheStatusConfigMapAndOnPods() throws Exception {
        observer.scaleUp(LoopFixtures.scaleUpResult(), LoopFixtures.executed());
        assertThat(events())
                .containsExactly(
                        "ConfigMap cluster-autoscaler-status Normal ScaledUpGroup: Scale-up:"
                                + " setting group web size to 9 instead of 7 (max: 10)",
                        "ConfigMap cluster-autoscaler-status Normal ScaledUpGroup: Scale-up: group"
                                + " web size set to 9 instead of 7 (max: 10)",
                        "ConfigMap cluster-autoscaler-status Normal ScaledUpGroup: Scale-up:"
                                + " setting group db size to 4 instead of 3 (max: 4)",
                        "ConfigMap cluster-autoscaler-status Warning FailedToScaleUpGroup: Scale-up"
                                + " failed for group db: quota exceeded",
                        "Pod cart-1 Normal TriggeredScaleUp: pod triggered scale-up: [{web 7->9"
                                + " (max: 10)}]",
                        "Pod cart-2 Normal TriggeredScaleUp: pod triggered scale-up: [{web 7->9"
                                + " (max: 10)}]",
                        "Pod huge Normal NotTriggerScaleUp: pod didn't trigger scale-up: 2"
                                + " Insufficient memory");
        assertThat(written.get(4).object().namespace()).isEqualTo("shop");
        assertThat(written.get(4).object().uid()).isEqualTo("u1");
    }

    @Test
    void noTriggeredScaleUpWhenEveryResizeFailed() throws Exception {
        observer.scaleUp(LoopFixtures.scaleUpResult(), List.of(LoopFixtures.executed().get(1)));
        assertThat(events()).noneMatch(e -> e.contains("TriggeredScaleUp"));
    }

    @Test
    void maxNodesTotalReached() throws Exception {
        observer.scaleUp(
                new ScaleUpResult(
                        ScaleUpStatus.MAX_NODES_TOTAL_REACHED,
                        "",
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        List.of()),
                List.of());
        assertThat(events())
                .containsExactly(
                        "ConfigMap cluster-autoscaler-status Warning MaxNodesTotalReached: Max"
                                + " total nodes in cluster reached: 12");
    }

    @Test
    void clusterStateEvents() throws Exception {
        observer.clusterState(LoopFixtures.status(Health.UNHEALTHY), LoopFixtures.update());
        assertThat(events())
                .containsExactly(
                        "ConfigMap cluster-autoscaler-status Warning ClusterUnhealthy: Cluster is"
                                + " unhealthy",
                        "ConfigMap cluster-autoscaler-status Warning ScaleUpTimedOut: Nodes added"
                                + " to group web failed to register within 15m",
                        "ConfigMap cluster-autoscaler-status Warning ScaleUpFailed: Failed adding 2"
                                + " nodes to group db due to OUT_OF_RESOURCES.QUOTA_EXCEEDED; source"
                                + " errors: no quota");
    }

    @Test
    void healthyClusterWithoutEventsRecordsNothing() throws Exception {
        observer.clusterState(
                LoopFixtures.status(Health.HEALTHY), new ClusterStateUpdate(List.of(), List.of()));
        assertThat(events()).isEmpty();
    }

    @Test
    void scaleDownStartsAndCompletions() throws Exception {
        observer.scaleDown(LoopFixtures.scaleDownPlan(Optional.empty()));
        observer.deletionsFinished(LoopFixtures.deletions());
        assertThat(events())
                .containsExactly(
                        "ConfigMap cluster-autoscaler-status Normal ScaleDownEmpty: Scale-down:"
                                + " removing empty node \"web-1\"",
                        "ConfigMap cluster-autoscaler-status Normal ScaleDown: Scale-down: removing"
                                + " node web-2, utilization: 0.30, pods to reschedule: shop/cart-9",
                        "ConfigMap cluster-autoscaler-status Normal ScaleDownEmpty: Scale-down:"
                                + " empty node \"web-1\" removed",
                        "ConfigMap cluster-autoscaler-status Normal ScaleDown: Scale-down: node"
                                + " web-2 removed with drain");
    }

    @Test
    void nothingStartsDuringCooldown() throws Exception {
        observer.scaleDown(LoopFixtures.scaleDownPlan(Optional.of("scale-down-delay-after-add")));
        assertThat(events()).isEmpty();
    }
}
