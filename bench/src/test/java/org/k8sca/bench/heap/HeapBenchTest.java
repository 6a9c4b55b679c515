package org.k8sca.bench.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;

import org.junit.jupiter.api.Test;
import org.k8sca.bench.cluster.ClusterGenerator;
import org.k8sca.bench.cluster.ClusterSpec;
import org.k8sca.bench.cluster.GeneratedCluster;
import org.k8sca.bench.loop.LoopCluster;
import org.k8sca.core.snapshot.NodeInfo;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

class HeapBenchTest {

    @Test
    void theHarnessRunsOneLoopOnASmallClusterWithoutErrors() {
        HeapBench.HeapResult r = HeapBench.measure(20, () -> 0L);

        assertThat(r.outcome().error()).isEmpty();
        assertThat(r.creates()).as("the pending pods made the loop scale up").isPositive();
        // At 20 nodes the 2 % warm pool rounds to none.
        assertThat(r.objects().get("Node")).isEqualTo(20);
        assertThat(r.pendingPods()).isEqualTo(HeapBench.PENDING);
        assertThat(r.objects().get("Pod")).isEqualTo(r.boundPods() + r.pendingPods());
        assertThat(r.objects())
                .containsKeys(
                        "Namespace",
                        "DaemonSet",
                        "PodDisruptionBudget",
                        "ReplicaSet",
                        "StorageClass");
        assertThat(HeapBench.line(r)).startsWith("heap 20 nodes: nodes=20");
    }

    @Test
    void theTranslatedViewIsTheGeneratedCluster() {
        GeneratedCluster g = ClusterGenerator.generate(ClusterSpec.of(20, 30, 50));
        InformerCaches caches = new InformerCaches();
        Fabric8Cluster.write(g, "kamatera://", caches::put);

        ClusterObjects objects = TranslatedView.of(caches).objects();

        int bound = g.snapshot().nodeInfos().stream().mapToInt(i -> i.pods().size()).sum();
        assertThat(objects.nodes()).hasSize(g.snapshot().nodeInfos().size());
        assertThat(objects.podsIn(SchedulingState.BOUND)).hasSize(bound);
        assertThat(objects.podsIn(SchedulingState.UNSCHEDULABLE)).hasSize(g.pending().size());
        assertThat(objects.disruptionBudgets()).hasSize(g.pdbs().size());
        assertThat(objects.daemonSets()).hasSize(g.daemonSets().size());
        assertThat(objects.nodes())
                .allSatisfy(n -> assertThat(n.providerId()).isEqualTo("kamatera://" + n.name()));

        // Every pod keeps its node, requests, labels, anti-affinity, spread and bound volumes.
        Map<String, org.k8sca.core.model.Pod> generated =
                g.snapshot().nodeInfos().stream()
                        .flatMap(i -> i.pods().stream())
                        .collect(Collectors.toMap(p -> p.namespace() + "/" + p.name(), p -> p));
        for (ObservedPod o : objects.podsIn(SchedulingState.BOUND)) {
            org.k8sca.core.model.Pod want = generated.get(o.key());
            org.k8sca.core.model.Pod got = o.pod();
            assertThat(got.nodeName()).as(o.key()).isEqualTo(want.nodeName());
            assertThat(got.requests()).as(o.key()).isEqualTo(want.requests());
            assertThat(got.labels().asMap())
                    .as(o.key())
                    .containsAllEntriesOf(want.labels().asMap());
            assertThat(got.antiAffinityTerms()).as(o.key()).isEqualTo(want.antiAffinityTerms());
            assertThat(got.spreadConstraints().size())
                    .as(o.key())
                    .isEqualTo(want.spreadConstraints().size());
            assertThat(got.boundVolumes().size()).as(o.key()).isEqualTo(want.boundVolumes().size());
            assertThat(got.owner() == null).as(o.key()).isEqualTo(want.owner() == null);
        }
        // Every controller that owns a pod is known, so drain checks find it.
        Set<String> owners =
                objects.pods().stream()
                        .map(p -> p.pod().owner())
                        .filter(o -> o != null && !o.kind().equals("DaemonSet"))
                        .map(o -> o.uid())
                        .collect(Collectors.toSet());
        assertThat(objects.workloadsByUid().keySet()).containsAll(owners);
    }

    @Test
    void theCachesIndexPodsByNodeAndDropManagedFields() {
        GeneratedCluster g = ClusterGenerator.generate(ClusterSpec.of(10, 30, 0));
        InformerCaches caches = new InformerCaches();
        Fabric8Cluster.write(
                g,
                LoopCluster.cloudConfig(g).providerIdPrefix(),
                o -> {
                    o.getMetadata()
                            .setManagedFields(
                                    java.util.List.of(
                                            new io.fabric8.kubernetes.api.model
                                                    .ManagedFieldsEntry()));
                    caches.put(o);
                });

        NodeInfo first = g.snapshot().nodeInfos().get(0);
        assertThat(caches.podsOnNode(first.node().name()))
                .map(o -> o.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(
                        first.pods().stream().map(p -> p.name()).toList());
        assertThat(caches.all())
                .allSatisfy(o -> assertThat(o.getMetadata().getManagedFields()).isNull());
        Map<String, HasMetadata> pods =
                caches.all().stream()
                        .filter(o -> o instanceof Pod)
                        .collect(
                                Collectors.toMap(
                                        o -> o.getMetadata().getName(), Function.identity()));
        assertThat(pods)
                .hasSize(g.snapshot().nodeInfos().stream().mapToInt(i -> i.pods().size()).sum());
    }
}
