package org.k8sca.kube.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.kube.testing.FakeTime;
import org.k8sca.kube.testing.MockApiServer;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

class KubeNodeTainterTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private MockApiServer api;
    private KubernetesClient client;
    private FakeTime time;
    private KubeNodeTainter tainter;

    @BeforeEach
    void setUp() {
        api = new MockApiServer();
        client = api.client();
        time = new FakeTime(NOW);
        tainter =
                new KubeNodeTainter(
                        client, time, time, Duration.ofMillis(750), Duration.ofSeconds(5));
        client.nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName("n1")
                                .endMetadata()
                                .withNewSpec()
                                .addNewTaint()
                                .withKey("dedicated")
                                .withValue("db")
                                .withEffect("NoSchedule")
                                .endTaint()
                                .endSpec()
                                .build())
                .create();
    }

    @AfterEach
    void tearDown() {
        client.close();
        api.close();
    }

    private Node n1() {
        return client.nodes().withName("n1").get();
    }

    private static boolean isNodeWrite(io.fabric8.mockwebserver.http.RecordedRequest r) {
        return "PUT".equals(r.getMethod()) && r.getPath().startsWith("/api/v1/nodes/n1");
    }

    @Test
    void addsTaintAndCordonsKeepingOtherTaints() {
        Taint taint = AutoscalerTaints.toBeDeleted(NOW);

        TaintChange change = tainter.addTaint("n1", taint, true);

        assertThat(change.outcome()).isEqualTo(TaintChange.Outcome.APPLIED);
        Node n = n1();
        assertThat(n.getSpec().getUnschedulable()).isTrue();
        assertThat(n.getSpec().getTaints())
                .extracting(t -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
                .containsExactly(
                        "dedicated=db:NoSchedule",
                        "ToBeDeletedByClusterAutoscaler=" + NOW.getEpochSecond() + ":NoSchedule");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void addingAnExistingTaintWritesNothing() {
        tainter.addTaint("n1", AutoscalerTaints.toBeDeleted(NOW), false);
        int writes = countWrites();

        TaintChange again =
                tainter.addTaint("n1", AutoscalerTaints.toBeDeleted(NOW.plusSeconds(60)), false);

        assertThat(again.outcome()).isEqualTo(TaintChange.Outcome.ALREADY_IN_PLACE);
        assertThat(countWrites()).isEqualTo(writes);
        assertThat(n1().getSpec().getTaints())
                .filteredOn(t -> t.getKey().equals(AutoscalerTaints.TO_BE_DELETED))
                .singleElement()
                .satisfies(
                        t ->
                                assertThat(t.getValue())
                                        .isEqualTo(Long.toString(NOW.getEpochSecond())));
    }

    @Test
    void removesTaintAndUncordons() {
        tainter.addTaint("n1", AutoscalerTaints.toBeDeleted(NOW), true);

        TaintChange change = tainter.removeTaint("n1", AutoscalerTaints.TO_BE_DELETED, true);

        assertThat(change.outcome()).isEqualTo(TaintChange.Outcome.APPLIED);
        assertThat(n1().getSpec().getUnschedulable()).isFalse();
        assertThat(n1().getSpec().getTaints())
                .extracting(t -> t.getKey())
                .containsExactly("dedicated");
        assertThat(tainter.removeTaint("n1", AutoscalerTaints.TO_BE_DELETED, true).outcome())
                .isEqualTo(TaintChange.Outcome.ALREADY_IN_PLACE);
    }

    @Test
    void missingNode() {
        assertThat(tainter.addTaint("nope", AutoscalerTaints.toBeDeleted(NOW), true).outcome())
                .isEqualTo(TaintChange.Outcome.NODE_NOT_FOUND);
        assertThat(tainter.removeTaint("nope", AutoscalerTaints.TO_BE_DELETED, true).outcome())
                .isEqualTo(TaintChange.Outcome.NODE_NOT_FOUND);
    }

    @Test
    void conflictingConcurrentUpdateIsRetriedWithoutLosingIt() {
        // Just before our first write lands, someone else changes the node (a label and an
        // annotation).
        api.beforeNext(
                KubeNodeTainterTest::isNodeWrite,
                () ->
                        api.mergePatchDirectly(
                                "/api/v1/nodes/n1",
                                "{\"metadata\":{\"labels\":{\"touched\":\"yes\"},\"annotations\":{\"by\":\"kubectl\"}}}"));

        TaintChange change =
                tainter.addTaint(
                        "n1",
                        new Taint(AutoscalerTaints.TO_BE_DELETED, "1", TaintEffect.NO_SCHEDULE),
                        true);

        assertThat(change.outcome()).isEqualTo(TaintChange.Outcome.APPLIED);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(750));
        assertThat(countWrites()).isEqualTo(2);
        Node n = n1();
        // The first write was refused (409), so the retry started from the node with the other
        // change.
        assertThat(n.getMetadata().getLabels()).containsEntry("touched", "yes");
        assertThat(n.getMetadata().getAnnotations()).containsEntry("by", "kubectl");
        assertThat(n.getSpec().getTaints())
                .extracting(t -> t.getKey())
                .containsExactly("dedicated", AutoscalerTaints.TO_BE_DELETED);
        assertThat(n.getSpec().getUnschedulable()).isTrue();
    }

    @Test
    void conflictsThatNeverEndFailAfterTheRetryTime() {
        AtomicInteger writes = new AtomicInteger();
        api.beforeEach(
                KubeNodeTainterTest::isNodeWrite,
                () ->
                        api.mergePatchDirectly(
                                "/api/v1/nodes/n1",
                                "{\"metadata\":{\"labels\":{\"writer\":\"w"
                                        + writes.incrementAndGet()
                                        + "\"}}}"));

        TaintChange change = tainter.addTaint("n1", AutoscalerTaints.toBeDeleted(NOW), true);

        assertThat(change.outcome()).isEqualTo(TaintChange.Outcome.FAILED);
        assertThat(change.message()).contains("n1", "conflict");
        // Attempts at 0, 0.75, ..., 4.5 s: 7 attempts, 6 waits of 750 ms, none past the 5 s limit.
        assertThat(time.sleeps()).hasSize(6).containsOnly(Duration.ofMillis(750));
        assertThat(countWrites()).isEqualTo(7);
        assertThat(n1().getSpec().getTaints())
                .extracting(t -> t.getKey())
                .containsExactly("dedicated");
    }

    @Test
    void otherErrorsFailAtOnce() {
        api.answer(KubeNodeTainterTest::isNodeWrite, 422, "node is invalid");
        TaintChange change = tainter.addTaint("n1", AutoscalerTaints.toBeDeleted(NOW), true);
        assertThat(change.outcome()).isEqualTo(TaintChange.Outcome.FAILED);
        assertThat(change.message()).contains("node is invalid");
        assertThat(time.sleeps()).isEmpty();
    }

    private int countWrites() {
        return (int)
                api.requests().stream().filter(r -> r.startsWith("PUT /api/v1/nodes/n1")).count();
    }
}
