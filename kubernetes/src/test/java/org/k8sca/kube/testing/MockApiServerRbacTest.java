package org.k8sca.kube.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The mock's RBAC mode: what it refuses, how, and that it parses requests as Kubernetes does. */
class MockApiServerRbacTest {

    @Test
    void requestsParseIntoTheAuthorizerAttributes() {
        assertThat(ApiRequest.parse("GET", "/api/v1/nodes?resourceVersion=0"))
                .isEqualTo(new ApiRequest("list", "", "nodes", "", ""));
        assertThat(ApiRequest.parse("GET", "/api/v1/nodes?watch=true&resourceVersion=5"))
                .isEqualTo(new ApiRequest("watch", "", "nodes", "", ""));
        assertThat(ApiRequest.parse("GET", "/api/v1/nodes/n1"))
                .isEqualTo(new ApiRequest("get", "", "nodes", "", "n1"));
        assertThat(ApiRequest.parse("PATCH", "/api/v1/nodes/n1"))
                .isEqualTo(new ApiRequest("patch", "", "nodes", "", "n1"));
        assertThat(ApiRequest.parse("DELETE", "/api/v1/nodes/n1").verb()).isEqualTo("delete");
        assertThat(ApiRequest.parse("POST", "/api/v1/namespaces/a/pods/p/eviction"))
                .isEqualTo(new ApiRequest("create", "", "pods/eviction", "a", "p"));
        assertThat(
                        ApiRequest.parse(
                                "GET",
                                "/api/v1/namespaces/kube-system/configmaps?fieldSelector=metadata.name%3Dx&watch=true"))
                .isEqualTo(new ApiRequest("watch", "", "configmaps", "kube-system", "x"));
        assertThat(
                        ApiRequest.parse(
                                "PUT",
                                "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/cluster-autoscaler"))
                .isEqualTo(
                        new ApiRequest(
                                "update",
                                "coordination.k8s.io",
                                "leases",
                                "kube-system",
                                "cluster-autoscaler"));
        assertThat(ApiRequest.parse("GET", "/api/v1/namespaces/kube-system"))
                .isEqualTo(new ApiRequest("get", "", "namespaces", "", "kube-system"));
    }

    @Test
    void namedRulesNeedTheNameAndNamespacedRulesTheirNamespace() {
        RbacRule named =
                RbacRule.namespaced("kube-system", "", "configmaps", "get", "update").named("s");
        assertThat(named.allows(new ApiRequest("get", "", "configmaps", "kube-system", "s")))
                .isTrue();
        assertThat(named.allows(new ApiRequest("get", "", "configmaps", "kube-system", "other")))
                .isFalse();
        assertThat(named.allows(new ApiRequest("get", "", "configmaps", "default", "s"))).isFalse();
        assertThat(named.allows(new ApiRequest("delete", "", "configmaps", "kube-system", "s")))
                .isFalse();
        // A create carries no name, so a rule limited to names cannot allow it.
        assertThat(
                        RbacRule.namespaced("kube-system", "", "configmaps", "create")
                                .named("s")
                                .allows(
                                        new ApiRequest(
                                                "create", "", "configmaps", "kube-system", "")))
                .isFalse();
        assertThat(
                        RbacRule.cluster("", "nodes", "get")
                                .allows(new ApiRequest("get", "", "nodes", "", "n1")))
                .isTrue();
    }

    @Test
    void refusesWhatNoRuleAllowsWithAForbiddenStatusAndLetsTheAdminThrough() {
        try (MockApiServer api = new MockApiServer();
                KubernetesClient admin = api.adminClient();
                KubernetesClient client = api.client()) {
            api.enforceRbac(UpstreamRbac.RULES);
            admin.nodes()
                    .resource(
                            new NodeBuilder()
                                    .withNewMetadata()
                                    .withName("n1")
                                    .endMetadata()
                                    .build())
                    .create();

            assertThat(client.nodes().withName("n1").get()).isNotNull();
            assertThatThrownBy(() -> client.nodes().withName("n1").delete())
                    .isInstanceOfSatisfying(
                            KubernetesClientException.class,
                            e -> {
                                assertThat(e.getCode()).isEqualTo(403);
                                assertThat(e.getStatus().getReason()).isEqualTo("Forbidden");
                                assertThat(e.getMessage())
                                        .contains(
                                                "nodes \"n1\" is forbidden",
                                                "cannot delete resource \"nodes\"");
                            });
            assertThatThrownBy(
                            () ->
                                    client.configMaps()
                                            .inNamespace("kube-system")
                                            .withName("someone-elses")
                                            .get())
                    .isInstanceOf(KubernetesClientException.class)
                    .hasMessageContaining("cannot get resource \"configmaps\"");
            client.configMaps()
                    .inNamespace("kube-system")
                    .resource(
                            new ConfigMapBuilder()
                                    .withNewMetadata()
                                    .withName("cluster-autoscaler-status")
                                    .endMetadata()
                                    .build())
                    .create();

            assertThat(admin.nodes().withName("n1").get()).as("not deleted").isNotNull();
            admin.nodes().withName("n1").delete();
            assertThat(api.forbidden())
                    .isEqualTo(
                            List.of(
                                    "DELETE /api/v1/nodes/n1",
                                    "GET /api/v1/namespaces/kube-system/configmaps/someone-elses"));
        }
    }
}
