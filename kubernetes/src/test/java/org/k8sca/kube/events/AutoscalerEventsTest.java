package org.k8sca.kube.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.Test;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.kube.testing.FakeTime;
import org.k8sca.kube.testing.MockApiServer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Events written through the real sink to the mock API server, read back as Event objects. */
class AutoscalerEventsTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-02-03T04:05:06.789Z"));

    @Test
    void writesUpstreamEventsOnTheRightObjects() throws Exception {
        try (MockApiServer api = new MockApiServer();
                KubernetesClient client = api.client();
                EventRecorder recorder =
                        new EventRecorder(
                                new KubeEventSink(client, "ca-pod-1"), time, false, 100)) {
            AutoscalerEvents events =
                    new AutoscalerEvents(recorder, "kube-system", "cluster-autoscaler-status");
            GroupIncrease web = new GroupIncrease("web", 3, 5, 10);

            events.scalingUpGroup(web);
            events.scaledUpGroup(web);
            events.triggeredScaleUp(
                    "shop/cart-1", "uid-cart", List.of(web, new GroupIncrease("db", 1, 2, 4)));
            events.notTriggerScaleUp(
                    "shop/big-1", "uid-big", "pod didn't trigger scale-up: 2 Insufficient memory");
            events.nodeMarkedForDeletion("node-7");
            events.nodeScaleDownFailed("node-8", "failed to drain and delete node: timeout");
            events.podEvent(
                    "shop",
                    "cart-3",
                    "uid-c3",
                    false,
                    "ScaleDown",
                    "deleting pod for node scale down");
            assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(recorder.failed()).isZero();

            List<Event> status = client.v1().events().inNamespace("kube-system").list().getItems();
            assertThat(status)
                    .extracting(Event::getMessage)
                    .containsExactlyInAnyOrder(
                            "Scale-up: setting group web size to 5 instead of 3 (max: 10)",
                            "Scale-up: group web size set to 5 instead of 3 (max: 10)");
            Event first = status.get(0);
            assertThat(first.getReason()).isEqualTo("ScaledUpGroup");
            assertThat(first.getType()).isEqualTo("Normal");
            assertThat(first.getInvolvedObject().getKind()).isEqualTo("ConfigMap");
            assertThat(first.getInvolvedObject().getName()).isEqualTo("cluster-autoscaler-status");
            assertThat(first.getSource().getComponent()).isEqualTo("cluster-autoscaler");
            assertThat(first.getSource().getHost()).isEqualTo("ca-pod-1");
            assertThat(first.getFirstTimestamp()).isEqualTo("2026-02-03T04:05:06Z");
            assertThat(first.getCount()).isEqualTo(1);
            assertThat(first.getMetadata().getName()).startsWith("cluster-autoscaler-status.");

            List<Event> shop = client.v1().events().inNamespace("shop").list().getItems();
            assertThat(shop).hasSize(3);
            assertThat(shop)
                    .filteredOn(e -> e.getReason().equals("ScaleDown"))
                    .singleElement()
                    .satisfies(
                            e -> assertThat(e.getInvolvedObject().getName()).isEqualTo("cart-3"));
            Event triggered =
                    shop.stream()
                            .filter(e -> e.getReason().equals("TriggeredScaleUp"))
                            .findFirst()
                            .orElseThrow();
            assertThat(triggered.getMessage())
                    .isEqualTo("pod triggered scale-up: [{web 3->5 (max: 10)} {db 1->2 (max: 4)}]");
            assertThat(triggered.getInvolvedObject().getKind()).isEqualTo("Pod");
            assertThat(triggered.getInvolvedObject().getName()).isEqualTo("cart-1");
            assertThat(triggered.getInvolvedObject().getUid()).isEqualTo("uid-cart");
            Event notTriggered =
                    shop.stream()
                            .filter(e -> e.getReason().equals("NotTriggerScaleUp"))
                            .findFirst()
                            .orElseThrow();
            assertThat(notTriggered.getMessage())
                    .isEqualTo("pod didn't trigger scale-up: 2 Insufficient memory");

            // Nodes are cluster-scoped: their events go to the default namespace.
            List<Event> nodes = client.v1().events().inNamespace("default").list().getItems();
            assertThat(nodes)
                    .extracting(
                            Event::getReason, Event::getType, e -> e.getInvolvedObject().getName())
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("ScaleDown", "Normal", "node-7"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "ScaleDownFailed", "Warning", "node-8"));
        }
    }

    @Test
    void aRepeatedPodEventIsWrittenOnceWithinFiveMinutesThenAgain() throws Exception {
        try (MockApiServer api = new MockApiServer();
                KubernetesClient client = api.client();
                EventRecorder recorder =
                        new EventRecorder(new KubeEventSink(client, ""), time, false, 100)) {
            AutoscalerEvents events =
                    new AutoscalerEvents(recorder, "kube-system", "cluster-autoscaler-status");
            events.notTriggerScaleUp(
                    "shop/big-1", "u", "pod didn't trigger scale-up: 1 Insufficient cpu");
            time.advance(Duration.ofMinutes(1));
            events.notTriggerScaleUp(
                    "shop/big-1", "u", "pod didn't trigger scale-up: 1 Insufficient cpu");
            time.advance(Duration.ofMinutes(4));
            events.notTriggerScaleUp(
                    "shop/big-1", "u", "pod didn't trigger scale-up: 1 Insufficient cpu");
            assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(client.v1().events().inNamespace("shop").list().getItems())
                    .extracting(Event::getFirstTimestamp)
                    .containsExactlyInAnyOrder("2026-02-03T04:05:06Z", "2026-02-03T04:10:06Z");
        }
    }

    @Test
    void podKeysMustNameANamespace() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventObject.podByKey("nons", "u"))
                .hasMessageContaining("nons");
    }
}
