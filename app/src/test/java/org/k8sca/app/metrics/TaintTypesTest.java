package org.k8sca.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;

import java.util.List;

class TaintTypesTest {

    @Test
    void knownKeysKeepTheirNameAndFamiliesGoByPrefix() {
        assertThat(TaintTypes.typeOf("DeletionCandidateOfClusterAutoscaler"))
                .isEqualTo("DeletionCandidateOfClusterAutoscaler");
        assertThat(TaintTypes.typeOf("node.kubernetes.io/not-ready"))
                .isEqualTo("node.kubernetes.io/not-ready");
        assertThat(TaintTypes.typeOf("startup-taint.cluster-autoscaler.kubernetes.io/cni"))
                .isEqualTo("startup-taint");
        assertThat(TaintTypes.typeOf("ignore-taint.cluster-autoscaler.kubernetes.io/gpu"))
                .isEqualTo("startup-taint");
        assertThat(TaintTypes.typeOf("status-taint.cluster-autoscaler.kubernetes.io/x"))
                .isEqualTo("status-taint");
        assertThat(TaintTypes.typeOf("node.kubernetes.io/something-new")).isEqualTo("other");
        assertThat(TaintTypes.typeOf("startup-taint"))
                .as("a prefix needs its domain")
                .isEqualTo("other");
    }

    @Test
    void countsEveryTypeWithZerosIncluded() {
        Node n =
                Node.builder("n")
                        .taints(
                                List.of(
                                        new Taint(
                                                "node.kubernetes.io/unreachable",
                                                "",
                                                TaintEffect.NO_EXECUTE),
                                        new Taint(
                                                "node.kubernetes.io/unreachable",
                                                "",
                                                TaintEffect.NO_SCHEDULE),
                                        new Taint("dedicated", "db", TaintEffect.NO_SCHEDULE)))
                        .build();

        var counts = TaintTypes.count(List.of(n, Node.builder("clean").build()));

        assertThat(counts)
                .containsEntry("node.kubernetes.io/unreachable", 2)
                .containsEntry("other", 1)
                .containsEntry("ToBeDeletedByClusterAutoscaler", 0)
                .containsEntry("startup-taint", 0)
                .hasSize(TaintTypes.KNOWN_KEYS.size() + 3);
    }
}
