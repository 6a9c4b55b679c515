package org.k8sca.kube.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kube.testing.FakeTime;
import org.k8sca.kube.testing.MockApiServer;

import java.time.Duration;
import java.time.Instant;

class StatusConfigMapWriterTest {

    private static final String PATH =
            "/api/v1/namespaces/kube-system/configmaps/cluster-autoscaler-status";

    private MockApiServer api;
    private KubernetesClient client;
    private FakeTime time;
    private StatusConfigMapWriter writer;

    @BeforeEach
    void setUp() {
        api = new MockApiServer();
        client = api.client();
        time = new FakeTime(Instant.parse("2026-05-06T07:08:09.5Z"));
        writer =
                new StatusConfigMapWriter(
                        client,
                        "kube-system",
                        StatusConfigMapWriter.DEFAULT_NAME,
                        time,
                        time,
                        3,
                        Duration.ofMillis(200));
    }

    @AfterEach
    void tearDown() {
        client.close();
        api.close();
    }

    private ConfigMap read() {
        return client.configMaps()
                .inNamespace("kube-system")
                .withName("cluster-autoscaler-status")
                .get();
    }

    @Test
    void createsThenUpdatesWithTheDocumentAndLastUpdated() {
        writer.write(StatusReport.initializing(time.instant()));
        ConfigMap first = read();
        assertThat(first.getData()).containsOnlyKeys("status");
        assertThat(first.getData().get("status"))
                .isEqualTo(
                        "time: 2026-05-06 07:08:09.5 +0000 UTC\n"
                                + "autoscalerStatus: Initializing\n");
        assertThat(first.getMetadata().getAnnotations())
                .containsEntry(
                        StatusConfigMapWriter.LAST_UPDATED_ANNOTATION,
                        "2026-05-06 07:08:09.5 +0000 UTC");

        time.advance(Duration.ofSeconds(10));
        writer.write(StatusFixtures.report());
        ConfigMap second = read();
        assertThat(second.getData().get("status"))
                .isEqualTo(StatusYaml.render(StatusFixtures.report()))
                .contains("autoscalerStatus: Running", "- name: web", "- name: gpu");
        assertThat(second.getMetadata().getAnnotations())
                .containsEntry(
                        StatusConfigMapWriter.LAST_UPDATED_ANNOTATION,
                        "2026-05-06 07:08:19.5 +0000 UTC");
        assertThat(api.requests())
                .anyMatch(r -> r.startsWith("POST /api/v1/namespaces/kube-system/configmaps"))
                .anyMatch(r -> r.startsWith("PUT " + PATH));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void keepsOtherKeysAndAnnotationsOfAnExistingConfigMap() {
        client.configMaps()
                .inNamespace("kube-system")
                .resource(
                        new ConfigMapBuilder()
                                .withNewMetadata()
                                .withNamespace("kube-system")
                                .withName("cluster-autoscaler-status")
                                .addToAnnotations("owner", "ops")
                                .endMetadata()
                                .addToData("note", "hello")
                                .build())
                .create();

        writer.writeDocument("time: x\n");

        ConfigMap cm = read();
        assertThat(cm.getData())
                .containsEntry("note", "hello")
                .containsEntry("status", "time: x\n");
        assertThat(cm.getMetadata().getAnnotations())
                .containsEntry("owner", "ops")
                .containsKey(StatusConfigMapWriter.LAST_UPDATED_ANNOTATION);
    }

    @Test
    void aConflictingWriteIsRetriedAndWins() {
        writer.writeDocument("first\n");
        // Just before our update lands, someone else changes the ConfigMap: our write gets 409.
        api.beforeNext(
                StatusConfigMapWriterTest::isUpdate,
                () ->
                        api.mergePatchDirectly(
                                PATH, "{\"metadata\":{\"labels\":{\"touched\":\"yes\"}}}"));

        writer.writeDocument("second\n");

        ConfigMap cm = read();
        assertThat(cm.getData().get("status")).isEqualTo("second\n");
        assertThat(cm.getMetadata().getLabels()).containsEntry("touched", "yes");
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200));
        assertThat(api.requests().stream().filter(r -> r.startsWith("PUT " + PATH)).count())
                .isEqualTo(2);
    }

    @Test
    void persistentConflictsFailAfterTheAttempts() {
        writer.writeDocument("first\n");
        int[] n = {0};
        api.beforeEach(
                StatusConfigMapWriterTest::isUpdate,
                () ->
                        api.mergePatchDirectly(
                                PATH, "{\"metadata\":{\"labels\":{\"w\":\"w" + (++n[0]) + "\"}}}"));

        assertThatThrownBy(() -> writer.writeDocument("second\n"))
                .isInstanceOf(StatusWriteException.class)
                .hasMessageContaining("kube-system/cluster-autoscaler-status")
                .hasMessageContaining("3 attempts");
        assertThat(time.sleeps()).hasSize(2);
        assertThat(read().getData().get("status")).isEqualTo("first\n");
    }

    @Test
    void otherErrorsFailAtOnceNamingTheConfigMap() {
        api.answer(
                r -> r.getPath().startsWith("/api/v1/namespaces/kube-system/configmaps"),
                403,
                "forbidden here");
        assertThatThrownBy(() -> writer.writeDocument("x\n"))
                .isInstanceOf(StatusWriteException.class)
                .hasMessageContaining("kube-system/cluster-autoscaler-status")
                .hasMessageContaining("forbidden here");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void deleteRemovesItAndToleratesAMissingOne() {
        writer.writeDocument("x\n");
        writer.delete();
        assertThat(read()).isNull();
        writer.delete();
    }

    @Test
    void customNameAndNamespace() {
        StatusConfigMapWriter other =
                new StatusConfigMapWriter(
                        client, "autoscaling", "my-status", time, time, 1, Duration.ZERO);
        other.writeDocument("x\n");
        assertThat(
                        client.configMaps()
                                .inNamespace("autoscaling")
                                .withName("my-status")
                                .get()
                                .getData())
                .containsEntry("status", "x\n");
        assertThatThrownBy(
                        () ->
                                new StatusConfigMapWriter(
                                        client, " ", "n", time, time, 1, Duration.ZERO))
                .hasMessageContaining("namespace");
    }

    private static boolean isUpdate(RecordedRequest r) {
        return "PUT".equals(r.getMethod()) && r.getPath().startsWith(PATH);
    }
}
