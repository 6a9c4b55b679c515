package org.k8sca.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.kube.status.StatusConfigMapWriter;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;

/**
 * The observer writing through the real writer into fabric8's CRUD mock API server on 127.0.0.1.
 */
class StatusConfigMapObserverTest {

    private KubernetesMockServer server;
    private KubernetesClient client;
    private StatusConfigMapObserver observer;

    @BeforeEach
    void setUp() throws Exception {
        server =
                new KubernetesMockServer(
                        new Context(),
                        new MockWebServer(),
                        new HashMap<>(),
                        new KubernetesCrudDispatcher(),
                        false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client =
                server.createClient(
                        b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
        StatusConfigMapWriter writer =
                new StatusConfigMapWriter(client, "kube-system", "cluster-autoscaler-status");
        observer =
                new StatusConfigMapObserver(
                        writer,
                        node ->
                                node.startsWith("web-")
                                        ? Optional.of("web")
                                        : node.startsWith("db-")
                                                ? Optional.of("db")
                                                : Optional.empty());
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.destroy();
    }

    private String status() {
        ConfigMap cm =
                client.configMaps()
                        .inNamespace("kube-system")
                        .withName("cluster-autoscaler-status")
                        .get();
        return cm == null ? null : cm.getData().get("status");
    }

    @Test
    void initializingThenRunningWithScaleDownCandidatesPerGroup() {
        observer.writeInitializing(Instant.parse("2026-03-01T09:59:00Z"));
        assertThat(status())
                .isEqualTo("time: 2026-03-01 09:59:00 +0000 UTC\nautoscalerStatus: Initializing\n");

        observer.loopStarted(LoopFixtures.START);
        observer.clusterState(LoopFixtures.status(Health.HEALTHY), LoopFixtures.update());
        observer.scaleDown(LoopFixtures.scaleDownPlan(Optional.empty()));
        observer.loopFinished(LoopFixtures.START, Duration.ofSeconds(2), Optional.empty());

        String s = status();
        assertThat(s)
                .startsWith(
                        "time: 2026-03-01 10:00:02 +0000 UTC\n"
                                + "autoscalerStatus: Running\n"
                                + "clusterWide:\n");
        // web-1 and web-2 (web) and db-1 (db) are unneeded: 3 cluster-wide, 2 in web, 1 in db.
        assertThat(s)
                .contains(
                        """
                          scaleDown:
                            status: CandidatesPresent
                            candidates: 3
                        """);
        assertThat(s)
                .contains(
                        """
                        - name: web
                        """);
        int web = s.indexOf("- name: web");
        int db = s.indexOf("- name: db");
        assertThat(s.substring(web, db))
                .contains(
                        """
                          scaleDown:
                            status: CandidatesPresent
                            candidates: 2
                        """);
        assertThat(s.substring(db))
                .contains(
                        """
                          scaleUp:
                            status: Backoff
                            backoffInfo:
                              errorCode: QUOTA_EXCEEDED
                              errorMessage: no quota
                        """)
                .contains("candidates: 1\n");
    }

    @Test
    void aFailedLoopStillRefreshesTheTime() {
        observer.clusterState(LoopFixtures.status(Health.HEALTHY), LoopFixtures.update());
        observer.loopFinished(LoopFixtures.START, Duration.ofSeconds(1), Optional.empty());
        observer.loopFinished(
                LoopFixtures.START.plusSeconds(10),
                Duration.ofSeconds(1),
                Optional.of(new IllegalStateException("boom")));
        assertThat(status())
                .startsWith("time: 2026-03-01 10:00:11 +0000 UTC\nautoscalerStatus: Running\n")
                .contains("status: NoCandidates");
    }

    @Test
    void deleteOnExitRemovesIt() {
        observer.writeInitializing(LoopFixtures.START);
        observer.delete();
        assertThat(status()).isNull();
    }
}
