package org.k8sca.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

import org.junit.jupiter.api.Test;
import org.k8sca.app.simulate.Snapshot;
import org.k8sca.app.simulate.SnapshotReader;
import org.k8sca.app.simulate.SnapshotServer;

import java.time.Instant;
import java.util.List;

class LiveSnapshotTest {
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    private static Pod pod(String ns, String name) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .addToAnnotations(LiveSnapshot.LAST_APPLIED, "{\"env\":\"s3cr3t\"}")
                .addToAnnotations("keep", "me")
                .endMetadata()
                .withNewSpec()
                .addNewInitContainer()
                .withName("init")
                .withImage("i")
                .addNewEnv()
                .withName("TOKEN")
                .withValue("s3cr3t")
                .endEnv()
                .endInitContainer()
                .addNewContainer()
                .withName("c")
                .withImage("i")
                .addNewEnv()
                .withName("FROM_SECRET")
                .withNewValueFrom()
                .withNewSecretKeyRef("k", "db", false)
                .endValueFrom()
                .endEnv()
                .endContainer()
                .endSpec()
                .build();
    }

    @Test
    void writesAListInKindOrderWithoutSecretsThatTheReaderReadsBack() throws Exception {
        List<HasMetadata> objects =
                List.of(
                        pod("shop", "b"),
                        pod("app", "a"),
                        new PodDisruptionBudgetBuilder()
                                .withNewMetadata()
                                .withName("pdb")
                                .withNamespace("shop")
                                .endMetadata()
                                .withNewSpec()
                                .withNewMinAvailable(1)
                                .endSpec()
                                .build(),
                        new NodeBuilder().withNewMetadata().withName("n1").endMetadata().build());
        String json =
                LiveSnapshot.json(
                        T,
                        objects,
                        List.of(
                                new SnapshotServer(
                                        "ng1-a", "on", List.of("k8sca-c1", "k8scang-ng1"))));

        assertThat(json)
                .doesNotContain("s3cr3t")
                .doesNotContain(LiveSnapshot.LAST_APPLIED)
                .contains("\"keep\" : \"me\"", "\"secretKeyRef\"");
        // Node first, then pods by namespace and name, then the budget.
        assertThat(json.indexOf("\"n1\"")).isLessThan(json.indexOf("\"app\""));
        assertThat(json.indexOf("\"app\"")).isLessThan(json.indexOf("\"shop\""));
        assertThat(json.indexOf("\"b\"")).isLessThan(json.indexOf("\"pdb\""));

        Snapshot back = new SnapshotReader("kube-system").parse(json, "snapshot");
        assertThat(back.time()).contains(T);
        assertThat(back.servers())
                .containsExactly(
                        new SnapshotServer("ng1-a", "on", List.of("k8sca-c1", "k8scang-ng1")));
        assertThat(back.cluster().nodes()).extracting(n -> n.name()).containsExactly("n1");
        assertThat(back.cluster().pods()).hasSize(2);
        assertThat(back.cluster().disruptionBudgets()).hasSize(1);
        assertThat(back.ignoredKinds()).isEmpty();
    }
}
