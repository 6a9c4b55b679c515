package org.k8sca.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Instant;
import java.util.List;

class SnapshotReaderTest {
    private final SnapshotReader reader = new SnapshotReader("kube-system");

    private static String list(String... items) {
        return "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": ["
                + String.join(",", items)
                + "]}";
    }

    private static final String PENDING_POD =
            """
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"namespace": "shop", "name": "web-1"},
             "spec": {"containers": [{"name": "app", "image": "img",
                                       "resources": {"requests": {"cpu": "250m"}}}]},
             "status": {"phase": "Pending", "conditions": [{"type": "PodScheduled", "status": "False",
                        "reason": "Unschedulable", "lastTransitionTime": "2026-11-24T09:00:00Z"}]}}\
            """;

    @Test
    void readsTimeObjectsAndServers() throws Exception {
        Snapshot s =
                reader.parse(
                        """
                        {"time": "2026-11-24T12:00:00+02:00",
                         "kubernetes": %s,
                         "kamatera": {"servers": [{"name": "ng1-a", "power": "off", "tags": ["k8sca-c1"]},
                                                  {"name": "ng1-b", "power": "on"}]}}
                        """
                                .formatted(list(PENDING_POD)),
                        "s.json");

        assertThat(s.time()).contains(Instant.parse("2026-11-24T10:00:00Z"));
        ObservedPod pod = s.cluster().pods().get(0);
        assertThat(pod.key()).isEqualTo("shop/web-1");
        assertThat(pod.state()).isEqualTo(SchedulingState.UNSCHEDULABLE);
        assertThat(pod.pod().requests().milliCpu()).isEqualTo(250);
        assertThat(s.servers())
                .containsExactly(
                        new SnapshotServer("ng1-a", "off", List.of("k8sca-c1")),
                        new SnapshotServer("ng1-b", "on", List.of()));
    }

    @Test
    void withoutTimeOrServersTheSnapshotStillReads() throws Exception {
        Snapshot s = reader.parse("{\"kubernetes\": " + list() + "}", "s.json");

        assertThat(s.time()).isEmpty();
        assertThat(s.servers()).isEmpty();
        assertThat(s.cluster().nodes()).isEmpty();
    }

    @Test
    void kindsTheAutoscalerDoesNotReadAreSkippedAndListedOnce() throws Exception {
        String service =
                "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"a\"}}";
        String crd =
                "{\"apiVersion\": \"example.com/v1\", \"kind\": \"Widget\", \"metadata\":"
                        + " {\"name\": \"w\"}, \"spec\": {\"anything\": [1, 2]}}";

        Snapshot s =
                reader.parse("{\"kubernetes\": " + list(service, crd, service) + "}", "s.json");

        assertThat(s.ignoredKinds()).containsExactly("Service", "Widget");
    }

    @Test
    void everyProblemNamesTheFileAndThePlace() {
        assertProblem("[1, 2]", "s.json: expected a JSON object");
        assertProblem(
                "{\"time\": \"yesterday\", \"kubernetes\": " + list() + "}",
                "s.json: time: \"yesterday\"");
        assertProblem("{}", "s.json: kubernetes: missing");
        assertProblem(
                "{\"kubernetes\": {\"kind\": \"Pod\"}}", "s.json: kubernetes: expected kind List");
        assertProblem(
                "{\"kubernetes\": {\"kind\": \"List\", \"items\": {}}}",
                "s.json: kubernetes.items: expected an array");
        assertProblem(
                "{\"kubernetes\": " + list("{\"apiVersion\": \"v1\"}") + "}",
                "kubernetes.items[0]: has no kind");
        assertProblem(
                "{\"kubernetes\": "
                        + list(
                                PENDING_POD,
                                "{\"apiVersion\": \"policy/v1beta1\", \"kind\":"
                                        + " \"PodDisruptionBudget\", \"metadata\": {\"name\": \"p\","
                                        + " \"namespace\": \"shop\"}}")
                        + "}",
                "kubernetes.items[1] (PodDisruptionBudget shop/p): apiVersion policy/v1beta1 is not"
                        + " supported; expected policy/v1");
        assertProblem(
                "{\"kubernetes\": "
                        + list("{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {}}")
                        + "}",
                "kubernetes.items[0] (Node ): metadata.name is missing");
        assertProblem(
                "{\"kubernetes\": "
                        + list(
                                "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\":"
                                        + " {\"name\": \"n\"}, \"spec\": {\"taints\": \"not-a-list\"}}")
                        + "}",
                "kubernetes.items[0] (Node n): ");
        assertProblem(
                "{\"kubernetes\": "
                        + list()
                        + ", \"kamatera\": {\"servers\": [{\"power\": \"on\"}]}}",
                "s.json: kamatera.servers[0].name: expected a non-empty string");
        assertProblem(
                "{\"kubernetes\": "
                        + list()
                        + ", \"kamatera\": {\"servers\": [{\"name\": \"a\", \"power\": \"on\","
                        + " \"tags\": [1]}]}}",
                "s.json: kamatera.servers[0].tags[0]: expected a string");
    }

    private void assertProblem(String json, String expected) {
        assertThatThrownBy(() -> reader.parse(json, "s.json"))
                .as(json)
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessageContaining(expected);
    }
}
