package org.k8sca.kube.actuation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kube.events.AutoscalerEvents;
import org.k8sca.kube.events.EventObject;
import org.k8sca.kube.events.EventRecorder;
import org.k8sca.kube.events.EventType;
import org.k8sca.kube.events.RecordedEvent;
import org.k8sca.kube.testing.FakeTime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The actuation's events reach the recorder with upstream's objects and are de-duplicated there.
 */
class AutoscalerEventSinkTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-06-01T00:00:00Z"));
    private final List<RecordedEvent> written = new CopyOnWriteArrayList<>();

    @Test
    void nodeAndPodEventsGoToTheirObjectsWithTheirType() throws Exception {
        try (EventRecorder recorder = new EventRecorder(written::add, time, false, 10)) {
            EventSink sink =
                    new AutoscalerEventSink(
                            new AutoscalerEvents(recorder, "kube-system", "status"));

            sink.nodeEvent(
                    "n1", false, "ScaleDown", "marked the node as toBeDeleted/unschedulable");
            sink.podEvent(
                    "shop",
                    "cart-1",
                    "uid-7",
                    true,
                    "ScaleDownFailed",
                    "failed to delete pod for ScaleDown");

            assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(written)
                    .extracting(RecordedEvent::object)
                    .containsExactly(
                            EventObject.node("n1"), EventObject.pod("shop", "cart-1", "uid-7"));
            assertThat(written)
                    .extracting(RecordedEvent::type)
                    .containsExactly(EventType.NORMAL, EventType.WARNING);
            assertThat(written)
                    .extracting(RecordedEvent::reason)
                    .containsExactly("ScaleDown", "ScaleDownFailed");
            assertThat(written.get(0).message())
                    .isEqualTo("marked the node as toBeDeleted/unschedulable");
        }
    }

    @Test
    void aRepeatedNodeEventWithinFiveMinutesIsWrittenOnce() throws Exception {
        try (EventRecorder recorder = new EventRecorder(written::add, time, false, 10)) {
            EventSink sink =
                    new AutoscalerEventSink(
                            new AutoscalerEvents(recorder, "kube-system", "status"));

            sink.nodeEvent(
                    "n1", false, "ScaleDown", "marked the node as toBeDeleted/unschedulable");
            time.advance(Duration.ofMinutes(1));
            sink.nodeEvent("n1", false, "ScaleDown", "nodes removed by cluster autoscaler");
            sink.nodeEvent("n2", false, "ScaleDown", "nodes removed by cluster autoscaler");

            assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(written).extracting(e -> e.object().name()).containsExactly("n1", "n2");
            assertThat(recorder.suppressed()).isEqualTo(1);
        }
    }
}
