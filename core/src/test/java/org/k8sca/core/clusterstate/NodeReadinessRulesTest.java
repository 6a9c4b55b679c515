package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.clusterstate.Views.T0;
import static org.k8sca.core.clusterstate.Views.node;
import static org.k8sca.core.clusterstate.Views.taint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

class NodeReadinessRulesTest {

    private final NodeReadinessRules rules =
            new NodeReadinessRules(
                    Set.of("node.cilium.io/agent-not-ready"), List.of("example.com/booting-"));

    @ParameterizedTest(name = "ready={0}, taint={1} -> {2}")
    @CsvSource({
        "true,  ,                                                        true",
        "false, ,                                                        false",
        "true,  node.kubernetes.io/not-ready,                            false",
        "true,  node.kubernetes.io/disk-pressure,                        false",
        "true,  node.kubernetes.io/network-unavailable,                  false",
        "true,  node.kubernetes.io/memory-pressure,                      true",
        "true,  startup-taint.cluster-autoscaler.kubernetes.io/cni,      false",
        "true,  ignore-taint.cluster-autoscaler.kubernetes.io/gpu,       false",
        "true,  status-taint.cluster-autoscaler.kubernetes.io/x,         true",
        "true,  node.cilium.io/agent-not-ready,                          false",
        "true,  node.cilium.io/agent-not-ready-other,                    true",
        "true,  example.com/booting-storage,                             false",
        "true,  example.com/booted,                                      true",
        "true,  ToBeDeletedByClusterAutoscaler,                          true",
    })
    void readiness(boolean readyCondition, String taintKey, boolean expected) {
        var b = node("n", readyCondition, T0);
        if (taintKey != null) {
            b.taints(List.of(taint(taintKey)));
        }
        assertThat(rules.isReady(b.build())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "ToBeDeletedByClusterAutoscaler, true",
        "DeletionCandidateOfClusterAutoscaler, false"
    })
    void toBeDeletedTaint(String key, boolean expected) {
        assertThat(
                        NodeReadinessRules.hasToBeDeletedTaint(
                                node("n", true, T0).taints(List.of(taint(key))).build()))
                .isEqualTo(expected);
    }
}
