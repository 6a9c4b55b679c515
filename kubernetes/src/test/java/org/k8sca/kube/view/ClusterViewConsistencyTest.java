package org.k8sca.kube.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.Test;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.testing.Eventually;
import org.k8sca.kube.testing.MockApiServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Random sequences of writes to the API server; afterwards the view must agree with the server on
 * every pod, its node, and the node index. Seeded: {@code -Dtest.seed=N} explores other seeds.
 */
class ClusterViewConsistencyTest {

    @Test
    void viewConvergesToTheServerState() {
        long seed = Long.getLong("test.seed", 20261124L);
        Random random = new Random(seed);
        try (MockApiServer api = new MockApiServer();
                KubernetesClient client = api.client()) {
            for (String n : List.of("n1", "n2", "n3")) {
                client.nodes()
                        .resource(
                                new NodeBuilder()
                                        .withNewMetadata()
                                        .withName(n)
                                        .endMetadata()
                                        .build())
                        .create();
            }
            ClusterView view = new ClusterView(client);
            try {
                view.start(Duration.ofSeconds(20));
                List<String> names = new ArrayList<>();
                for (int step = 0; step < 60; step++) {
                    int action = random.nextInt(10);
                    String ns = random.nextBoolean() ? "a" : "b";
                    if (action < 5 || names.isEmpty()) {
                        String name = ns + "-p" + step;
                        String node = random.nextInt(4) == 0 ? null : "n" + (1 + random.nextInt(3));
                        client.pods()
                                .inNamespace(ns)
                                .resource(
                                        new PodBuilder()
                                                .withNewMetadata()
                                                .withNamespace(ns)
                                                .withName(name)
                                                .endMetadata()
                                                .withNewSpec()
                                                .withNodeName(node)
                                                .addNewContainer()
                                                .withName("c")
                                                .withImage("i")
                                                .endContainer()
                                                .endSpec()
                                                .build())
                                .create();
                        names.add(ns + "/" + name);
                    } else if (action < 8) {
                        String key = names.get(random.nextInt(names.size()));
                        String[] parts = key.split("/");
                        String node = "n" + (1 + random.nextInt(3));
                        client.pods()
                                .inNamespace(parts[0])
                                .withName(parts[1])
                                .edit(
                                        p ->
                                                new PodBuilder(p)
                                                        .editSpec()
                                                        .withNodeName(node)
                                                        .endSpec()
                                                        .build());
                    } else {
                        String key = names.remove(random.nextInt(names.size()));
                        String[] parts = key.split("/");
                        client.pods().inNamespace(parts[0]).withName(parts[1]).delete();
                    }
                }

                Map<String, String> expected = new TreeMap<>();
                for (Pod p : client.pods().inAnyNamespace().list().getItems()) {
                    String node = p.getSpec().getNodeName();
                    expected.put(
                            p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(),
                            node == null ? "" : node);
                }
                Eventually.await(
                        "view agrees with the server (seed " + seed + ")",
                        () -> viewPods(view).equals(expected));
                for (String node : List.of("n1", "n2", "n3")) {
                    TreeSet<String> onNode = new TreeSet<>();
                    expected.forEach(
                            (k, v) -> {
                                if (v.equals(node)) {
                                    onNode.add(k);
                                }
                            });
                    TreeSet<String> indexed = new TreeSet<>();
                    view.podsOnNode(node).forEach(p -> indexed.add(p.key()));
                    assertThat(indexed).as("pods on %s (seed %d)", node, seed).isEqualTo(onNode);
                }
            } finally {
                view.close();
            }
        }
    }

    private static Map<String, String> viewPods(ClusterView view) {
        Map<String, String> out = new TreeMap<>();
        for (ObservedPod p : view.snapshotOf().pods()) {
            out.put(p.key(), p.pod().nodeName());
        }
        return out;
    }
}
