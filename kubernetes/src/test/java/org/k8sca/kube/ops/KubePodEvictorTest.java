package org.k8sca.kube.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kube.testing.MockApiServer;

import java.time.Duration;
import java.util.Map;

class KubePodEvictorTest {

    private MockApiServer api;
    private KubernetesClient client;
    private KubePodEvictor evictor;

    @BeforeEach
    void setUp() {
        api = new MockApiServer();
        client = api.client();
        evictor = new KubePodEvictor(client);
        client.pods()
                .inNamespace("shop")
                .resource(
                        new PodBuilder()
                                .withNewMetadata()
                                .withNamespace("shop")
                                .withName("web-1")
                                .withLabels(Map.of("app", "web"))
                                .endMetadata()
                                .withNewSpec()
                                .withNodeName("n1")
                                .addNewContainer()
                                .withName("a")
                                .withImage("i")
                                .endContainer()
                                .endSpec()
                                .build())
                .create();
    }

    @AfterEach
    void tearDown() {
        client.close();
        api.close();
    }

    private void budget(int disruptionsAllowed) {
        client.policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace("shop")
                .resource(
                        new PodDisruptionBudgetBuilder()
                                .withNewMetadata()
                                .withNamespace("shop")
                                .withName("web")
                                .endMetadata()
                                .withNewSpec()
                                .withMinAvailable(new IntOrString(1))
                                .withNewSelector()
                                .withMatchLabels(Map.of("app", "web"))
                                .endSelector()
                                .endSpec()
                                .withNewStatus()
                                .withDisruptionsAllowed(disruptionsAllowed)
                                .endStatus()
                                .build())
                .create();
    }

    @Test
    void evictionDeletesThePod() {
        EvictionResult result = evictor.evict("shop", "web-1", Duration.ofSeconds(30));

        assertThat(result.outcome()).isEqualTo(EvictionResult.Outcome.EVICTED);
        assertThat(client.pods().inNamespace("shop").withName("web-1").get()).isNull();
        assertThat(api.requests()).contains("POST /api/v1/namespaces/shop/pods/web-1/eviction");
    }

    @Test
    void budgetThatAllowsNoDisruptionRefusesWith429Once() {
        api.setPdbAware(true);
        budget(0);

        EvictionResult result = evictor.evict("shop", "web-1", Duration.ofSeconds(30));

        assertThat(result.outcome()).isEqualTo(EvictionResult.Outcome.BLOCKED_BY_PDB);
        assertThat(result.succeeded()).isFalse();
        assertThat(client.pods().inNamespace("shop").withName("web-1").get()).isNotNull();
        // One attempt only: fabric8's own 429 retries are off, the caller owns the retry policy.
        assertThat(api.requests()).filteredOn(r -> r.contains("/eviction")).hasSize(1);
    }

    @Test
    void budgetWithRoomAllowsTheEviction() {
        api.setPdbAware(true);
        budget(1);
        assertThat(evictor.evict("shop", "web-1", Duration.ofSeconds(30)).outcome())
                .isEqualTo(EvictionResult.Outcome.EVICTED);
    }

    @Test
    void missingPodIsGone() {
        EvictionResult result = evictor.evict("shop", "nope", Duration.ofSeconds(30));
        assertThat(result.outcome()).isEqualTo(EvictionResult.Outcome.POD_GONE);
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void serverErrorsAreFailures() {
        api.answer(r -> r.getPath().endsWith("/eviction"), 500, "etcd is sad");
        EvictionResult result = evictor.evict("shop", "web-1", Duration.ofSeconds(30));
        assertThat(result.outcome()).isEqualTo(EvictionResult.Outcome.FAILED);
        assertThat(result.message()).contains("shop/web-1", "etcd is sad");
    }

    @Test
    void stillOnNodeUntilGoneRecreatedOrMoved() {
        String uid =
                client.pods().inNamespace("shop").withName("web-1").get().getMetadata().getUid();
        assertThat(evictor.stillOnNode("shop", "web-1", uid, "n1")).isTrue();
        assertThat(evictor.stillOnNode("shop", "web-1", uid, "n2")).isFalse();
        assertThat(evictor.stillOnNode("shop", "web-1", "another-uid", "n1")).isFalse();
        evictor.evict("shop", "web-1", Duration.ZERO);
        assertThat(evictor.stillOnNode("shop", "web-1", uid, "n1")).isFalse();
    }

    @Test
    void nodeObjectsAreDeleted() {
        client.nodes()
                .resource(
                        new io.fabric8.kubernetes.api.model.NodeBuilder()
                                .withNewMetadata()
                                .withName("n1")
                                .endMetadata()
                                .build())
                .create();
        KubeNodeObjectDeleter deleter = new KubeNodeObjectDeleter(client);

        assertThat(deleter.deleteNode("n1").outcome()).isEqualTo(NodeDeletion.Outcome.DELETED);
        assertThat(client.nodes().withName("n1").get()).isNull();
        assertThat(deleter.deleteNode("n1").outcome()).isEqualTo(NodeDeletion.Outcome.NOT_FOUND);

        api.answer(r -> "DELETE".equals(r.getMethod()), 500, "no");
        assertThat(deleter.deleteNode("n2").outcome()).isEqualTo(NodeDeletion.Outcome.FAILED);
    }
}
