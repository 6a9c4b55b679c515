package org.k8sca.kube.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.k8sca.kube.testing.FakeTime;
import org.k8sca.kube.testing.Kubeconfigs;
import org.k8sca.kube.testing.MockApiServer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

class KubeClientsTest {

    @TempDir Path dir;

    private Path kubeconfig(String server) throws Exception {
        return Kubeconfigs.write(dir, server);
    }

    @Test
    void kubeconfigFileIsUsedWithOurRetryLimitAndTimeout() throws Exception {
        KubeClientSettings settings =
                new KubeClientSettings(
                        kubeconfig("http://127.0.0.1:1").toString(),
                        5,
                        10,
                        0,
                        Duration.ofSeconds(7));
        Config config = KubeClients.config(settings);
        assertThat(config.getMasterUrl()).startsWith("http://127.0.0.1:1");
        assertThat(config.getRequestRetryBackoffLimit()).isZero();
        assertThat(config.getRequestTimeout()).isEqualTo(7000);
    }

    @Test
    void theKubernetesFlagReplacesTheKubeconfigServer() throws Exception {
        KubeClientSettings settings =
                KubeClientSettings.DEFAULTS
                        .withKubeconfig(kubeconfig("http://127.0.0.1:1").toString())
                        .withMaster("https://127.0.0.1:6443");
        Config config = KubeClients.config(settings);
        assertThat(config.getMasterUrl()).startsWith("https://127.0.0.1:6443");
        // The rest of the kubeconfig (credentials) still applies.
        assertThat(config.getAutoOAuthToken()).isEqualTo(Kubeconfigs.TOKEN);
    }

    @Test
    void theKubernetesFlagReachesTheApiServer() throws Exception {
        try (MockApiServer api = new MockApiServer();
                KubernetesClient client =
                        KubeClients.create(
                                KubeClientSettings.DEFAULTS
                                        .withKubeconfig(kubeconfig("http://127.0.0.1:1").toString())
                                        .withMaster(api.client().getMasterUrl().toString()))) {
            api.client()
                    .nodes()
                    .resource(
                            new NodeBuilder()
                                    .withNewMetadata()
                                    .withName("n1")
                                    .endMetadata()
                                    .build())
                    .create();
            assertThat(client.nodes().list().getItems())
                    .extracting(n -> n.getMetadata().getName())
                    .containsExactly("n1");
        }
    }

    @Test
    void aKubernetesFlagThatIsNoUrlIsAClearError() {
        assertThatThrownBy(() -> KubeClientSettings.DEFAULTS.withMaster("apiserver:6443"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--kubernetes")
                .hasMessageContaining("apiserver:6443");
    }

    @Test
    void missingKubeconfigIsAClearError() {
        String missing = dir.resolve("nope").toString();
        assertThatThrownBy(
                        () ->
                                KubeClients.config(
                                        KubeClientSettings.DEFAULTS.withKubeconfig(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--kubeconfig")
                .hasMessageContaining(missing);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new KubeClientSettings("", 5, 10, 10, Duration.ofSeconds(1)))
                .hasMessageContaining("retry limit");
        assertThatThrownBy(() -> new KubeClientSettings("", 5, 0, 0, Duration.ofSeconds(1)))
                .hasMessageContaining("--kube-client-burst");
    }

    @Test
    void requestsBeyondTheBurstWaitForTheRateLimiter() throws Exception {
        try (MockApiServer api = new MockApiServer()) {
            FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
            KubeClientSettings settings =
                    new KubeClientSettings(
                            kubeconfig(api.baseUrl()).toString(), 1, 2, 0, Duration.ofSeconds(10));
            try (KubernetesClient client =
                    KubeClients.create(settings, new TokenBucket(1, 2, time, time))) {
                client.nodes()
                        .resource(
                                new NodeBuilder()
                                        .withNewMetadata()
                                        .withName("n1")
                                        .endMetadata()
                                        .build())
                        .create();
                assertThat(client.nodes().withName("n1").get()).isNotNull();
                assertThat(time.sleeps()).isEmpty();

                assertThat(client.nodes().list().getItems()).hasSize(1);
                assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
                assertThat(api.requests()).hasSize(3);
            }
        }
    }
}
