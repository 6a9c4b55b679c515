package org.k8sca.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.Test;
import org.k8sca.kube.events.EventObject;
import org.k8sca.kube.events.EventType;
import org.k8sca.kube.events.KubeEventSink;
import org.k8sca.kube.events.RecordedEvent;
import org.k8sca.kube.ops.AutoscalerTaints;
import org.k8sca.kube.ops.KubeNodeObjectDeleter;
import org.k8sca.kube.ops.KubeNodeTainter;
import org.k8sca.kube.ops.KubePodEvictor;
import org.k8sca.kube.status.StatusConfigMapWriter;
import org.k8sca.kube.testing.MockApiServer;
import org.k8sca.kube.view.ClusterView;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs everything the module does against the mock and compares the calls with {@link
 * ApiPermissions}.
 */
class ApiPermissionsTest {

    @Test
    void requestsMadeAreExactlyTheDeclaredPermissions() {
        Set<String> used = new TreeSet<>();
        try (MockApiServer api = new MockApiServer();
                KubernetesClient client = api.client()) {
            client.nodes()
                    .resource(
                            new NodeBuilder()
                                    .withNewMetadata()
                                    .withName("n1")
                                    .endMetadata()
                                    .build())
                    .create();
            client.pods()
                    .inNamespace("a")
                    .resource(
                            new PodBuilder()
                                    .withNewMetadata()
                                    .withNamespace("a")
                                    .withName("p")
                                    .endMetadata()
                                    .withNewSpec()
                                    .withNodeName("n1")
                                    .addNewContainer()
                                    .withName("c")
                                    .withImage("i")
                                    .endContainer()
                                    .endSpec()
                                    .build())
                    .create();
            int setupRequests = api.requests().size();

            ClusterView view = new ClusterView(client);
            try {
                view.start(Duration.ofSeconds(20));
                KubeNodeTainter tainter = new KubeNodeTainter(client);
                tainter.addTaint("n1", AutoscalerTaints.toBeDeleted(java.time.Instant.EPOCH), true);
                tainter.removeTaint("n1", AutoscalerTaints.TO_BE_DELETED, true);
                KubePodEvictor evictor = new KubePodEvictor(client);
                String uid = view.snapshotOf().pods().get(0).pod().uid();
                evictor.evict("a", "p", Duration.ofSeconds(1));
                evictor.stillOnNode("a", "p", uid, "n1");
                org.k8sca.kube.actuation.AutoscalerCordon cordon =
                        new org.k8sca.kube.actuation.AutoscalerCordon(client, tainter);
                org.k8sca.kube.events.EventRecorder recorder =
                        new org.k8sca.kube.events.EventRecorder(
                                new KubeEventSink(client, "host"),
                                java.time.Clock.systemUTC(),
                                false,
                                10);
                org.k8sca.kube.actuation.EventSink events =
                        new org.k8sca.kube.actuation.AutoscalerEventSink(
                                new org.k8sca.kube.events.AutoscalerEvents(
                                        recorder, "kube-system", "cluster-autoscaler-status"));
                org.k8sca.kube.actuation.KubeClusterOperations ops =
                        new org.k8sca.kube.actuation.KubeClusterOperations(
                                client,
                                cordon,
                                evictor,
                                new KubeNodeObjectDeleter(client),
                                view::podsOnNode,
                                events);
                try {
                    ops.taintToBeDeleted("n1", java.time.Instant.EPOCH, true);
                    ops.untaintToBeDeleted("n1", true);
                } catch (org.k8sca.core.scaledown.actuation.ClusterOperationException e) {
                    throw new AssertionError(e);
                }
                new org.k8sca.kube.actuation.KubeNodeMetadata(client, cordon)
                        .setProviderId("n1", "kamatera://x");
                ops.nodeEvent("n1", false, "ScaleDown", "test");
                recorder.close();
                org.k8sca.kube.election.LeaderElection election =
                        new org.k8sca.kube.election.LeaderElection(
                                client,
                                new org.k8sca.kube.election.LeaseSettings(
                                        "kube-system",
                                        "cluster-autoscaler",
                                        "me",
                                        Duration.ofSeconds(3),
                                        Duration.ofSeconds(2),
                                        Duration.ofMillis(200)));
                election.start(() -> {}, () -> {});
                org.k8sca.kube.testing.Eventually.await("leading", election::isLeading);
                org.k8sca.kube.testing.Eventually.await(
                        "renewed",
                        () ->
                                api.requests().stream().filter(r -> r.contains("/leases")).count()
                                        >= 4);
                election.stop();
                new KubeNodeObjectDeleter(client).deleteNode("n1");
                StatusConfigMapWriter status =
                        new StatusConfigMapWriter(
                                client, "kube-system", "cluster-autoscaler-status");
                status.writeDocument("first\n");
                status.writeDocument("second\n");
                status.delete();
                org.k8sca.kube.creates.CreatesConfigMap creates =
                        new org.k8sca.kube.creates.CreatesConfigMap(client, "kube-system");
                creates.save(
                        java.util.List.of(
                                new org.k8sca.kube.creates.SavedCreate(
                                        "s1",
                                        "ng1",
                                        java.time.Instant.EPOCH,
                                        java.util.Optional.empty())));
                creates.save(java.util.List.of());
                creates.load();
                new KubeEventSink(client, "host")
                        .write(
                                new RecordedEvent(
                                        EventObject.node("n1"),
                                        EventType.NORMAL,
                                        "ScaleDown",
                                        "nodes removed by cluster autoscaler",
                                        java.time.Instant.EPOCH));
            } finally {
                view.close();
            }
            for (String line : api.requests().subList(setupRequests, api.requests().size())) {
                used.add(permission(line));
            }
        }

        Set<String> declared = new TreeSet<>();
        for (ApiPermissions.Rule rule : ApiPermissions.RULES) {
            for (String verb : rule.verbs()) {
                declared.add(rule.apiGroup() + "|" + rule.resource() + "|" + verb);
            }
        }
        assertThat(used).isEqualTo(declared);
    }

    /** {@code GET /apis/apps/v1/replicasets?watch=true} → {@code apps|replicasets|watch}. */
    static String permission(String requestLine) {
        String[] parts = requestLine.split(" ", 2);
        String method = parts[0];
        String path = parts[1];
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        String[] seg = path.substring(1).split("/");
        String group;
        int i;
        if (seg[0].equals("api")) {
            group = "";
            i = 2;
        } else {
            group = seg[1];
            i = 3;
        }
        // Namespaced paths: namespaces/{ns}/{resource}...; the namespaces resource itself has no
        // more.
        if (seg.length > i + 2 && seg[i].equals("namespaces")) {
            i += 2;
        }
        String resource = seg[i];
        boolean named = seg.length > i + 1;
        if (seg.length > i + 2) {
            resource += "/" + seg[i + 2];
        }
        String verb =
                switch (method) {
                    case "GET" -> query.contains("watch=true") ? "watch" : named ? "get" : "list";
                    case "POST" -> "create";
                    case "PUT" -> "update";
                    case "PATCH" -> "patch";
                    case "DELETE" -> "delete";
                    default -> method;
                };
        return group + "|" + resource + "|" + verb;
    }

    @Test
    void requestLinesMapToPermissions() {
        assertThat(permission("GET /api/v1/pods?resourceVersion=0")).isEqualTo("|pods|list");
        assertThat(permission("GET /api/v1/namespaces?watch=true&x=1"))
                .isEqualTo("|namespaces|watch");
        assertThat(permission("GET /api/v1/namespaces/kube-system/configmaps?fieldSelector=x"))
                .isEqualTo("|configmaps|list");
        assertThat(permission("POST /api/v1/namespaces/a/pods/p/eviction"))
                .isEqualTo("|pods/eviction|create");
        assertThat(permission("PUT /api/v1/nodes/n1")).isEqualTo("|nodes|update");
        assertThat(permission("GET /apis/storage.k8s.io/v1/storageclasses"))
                .isEqualTo("storage.k8s.io|storageclasses|list");
    }
}
