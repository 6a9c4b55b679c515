package org.k8sca.bench.latency;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.kamatera.sim.KamateraSimulator;
import org.k8sca.kamatera.sim.model.ServerSetup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills the mock API server and the simulator with a cluster: {@code nodes} Ready nodes of group
 * {@code ng1} (4 CPU / 16 GiB), each with its running server and {@code podsPerNode} bound pods of
 * ReplicaSets of 100 pods (one node in five lightly used, so scale-down has candidates to
 * simulate); and {@code probeGroups} empty groups {@code p00}, {@code p01}, ... whose template
 * carries the label {@code probe=<group>}: trial k's pod selects group k, so no trial's pod fits a
 * node an earlier trial asked for.
 */
final class LatencyCluster {

    static final String CLUSTER = "lat";
    static final String CLIENT_ID = "latency-id";
    static final String SECRET = "latency-secret";
    static final String NAMESPACE = "kube-system";
    private static final int PODS_PER_WORKLOAD = 100;

    private LatencyCluster() {}

    static String probeGroup(int k) {
        return String.format(Locale.ROOT, "p%02d", k);
    }

    static String nodeName(int i) {
        return String.format(Locale.ROOT, "ng1-%05d", i);
    }

    static String cloudConfig(String simulatorUrl, int nodes, int probeGroups) {
        StringBuilder ini =
                new StringBuilder(
                        """
                        [global]
                        kamatera-api-client-id=%s
                        kamatera-api-secret=%s
                        kamatera-api-url=%s
                        cluster-name=%s
                        default-datacenter=EU
                        default-image=ubuntu_server_24.04_64-bit
                        default-cpu=2B
                        default-ram=4096
                        default-disk=size=20
                        default-network=name=wan,ip=auto
                        default-script-base64=%s
                        [nodegroup "ng1"]
                        name-prefix=ng1
                        min-size=0
                        max-size=%d
                        cpu=4B
                        ram=16384
                        """
                                .formatted(
                                        CLIENT_ID,
                                        SECRET,
                                        simulatorUrl,
                                        CLUSTER,
                                        Base64.getEncoder()
                                                .encodeToString(
                                                        "#!/bin/sh\n"
                                                                .getBytes(StandardCharsets.UTF_8)),
                                        nodes + 100));
        for (int k = 0; k < probeGroups; k++) {
            String g = probeGroup(k);
            ini.append("[nodegroup \"")
                    .append(g)
                    .append("\"]\nname-prefix=")
                    .append(g)
                    .append("\nmin-size=0\nmax-size=5\ntemplate-label=probe=")
                    .append(g)
                    .append('\n');
        }
        return ini.toString();
    }

    /**
     * Creates the servers, nodes, ReplicaSets and pods (in parallel: tens of thousands of calls).
     */
    static void fill(
            KubernetesClient client,
            KamateraSimulator sim,
            int nodes,
            int podsPerNode,
            Instant createdAt)
            throws Exception {
        for (int i = 0; i < nodes; i++) {
            sim.addServer(
                    ServerSetup.named(nodeName(i))
                            .power("on")
                            .cpu("4B")
                            .ramMb(16384)
                            .tags("k8sca-" + CLUSTER, "k8scang-ng1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                int n = i;
                done.add(pool.submit(() -> createNode(client, nodeName(n), createdAt)));
            }
            await(done);
            int pods = nodes * podsPerNode;
            int workloads = (pods + PODS_PER_WORKLOAD - 1) / PODS_PER_WORKLOAD;
            List<String> uids = new ArrayList<>();
            for (int w = 0; w < workloads; w++) {
                uids.add(createReplicaSet(client, w, createdAt));
            }
            for (int i = 0; i < nodes; i++) {
                // One node in five is lightly used: a scale-down candidate every loop simulates.
                boolean light = i % 5 == 0;
                for (int j = 0; j < podsPerNode; j++) {
                    int podIndex = i * podsPerNode + j;
                    int w = podIndex / PODS_PER_WORKLOAD;
                    String node = nodeName(i);
                    done.add(
                            pool.submit(
                                    () ->
                                            createPod(
                                                    client,
                                                    w,
                                                    uids.get(w),
                                                    podIndex,
                                                    node,
                                                    light,
                                                    createdAt)));
                }
            }
            await(done);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(List<Future<?>> futures) throws Exception {
        for (Future<?> f : futures) {
            f.get();
        }
        futures.clear();
    }

    private static void createNode(KubernetesClient client, String name, Instant at) {
        Map<String, Quantity> capacity =
                Map.of(
                        "cpu", new Quantity("4"),
                        "memory", new Quantity("16Gi"),
                        "pods", new Quantity("110"));
        client.nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName(name)
                                .withCreationTimestamp(at.toString())
                                .withLabels(
                                        Map.of(
                                                "kubernetes.io/hostname",
                                                name,
                                                "kubernetes.io/os",
                                                "linux"))
                                .endMetadata()
                                .withNewSpec()
                                .withProviderID("kamatera://" + name)
                                .endSpec()
                                .withNewStatus()
                                .withCapacity(capacity)
                                .withAllocatable(capacity)
                                .withConditions(
                                        new NodeConditionBuilder()
                                                .withType("Ready")
                                                .withStatus("True")
                                                .withReason("KubeletReady")
                                                .withLastTransitionTime(at.toString())
                                                .withLastHeartbeatTime(at.toString())
                                                .build())
                                .endStatus()
                                .build())
                .create();
    }

    private static String namespace(int workload) {
        return "team-" + (workload % 10);
    }

    private static String createReplicaSet(KubernetesClient client, int w, Instant at) {
        return client.apps()
                .replicaSets()
                .inNamespace(namespace(w))
                .resource(
                        new ReplicaSetBuilder()
                                .withNewMetadata()
                                .withName("app-" + w)
                                .withNamespace(namespace(w))
                                .withCreationTimestamp(at.toString())
                                .endMetadata()
                                .withNewSpec()
                                .withReplicas(PODS_PER_WORKLOAD)
                                .withNewSelector()
                                .withMatchLabels(Map.of("app", "app-" + w))
                                .endSelector()
                                .withNewTemplate()
                                .withNewMetadata()
                                .withLabels(Map.of("app", "app-" + w))
                                .endMetadata()
                                .withNewSpec()
                                .addNewContainer()
                                .withName("main")
                                .withImage("app")
                                .endContainer()
                                .endSpec()
                                .endTemplate()
                                .endSpec()
                                .build())
                .create()
                .getMetadata()
                .getUid();
    }

    private static void createPod(
            KubernetesClient client,
            int w,
            String uid,
            int index,
            String node,
            boolean light,
            Instant at) {
        client.pods()
                .inNamespace(namespace(w))
                .resource(
                        new PodBuilder()
                                .withNewMetadata()
                                .withName("app-" + w + "-" + index)
                                .withNamespace(namespace(w))
                                .withCreationTimestamp(at.toString())
                                .withLabels(Map.of("app", "app-" + w))
                                .addNewOwnerReference()
                                .withApiVersion("apps/v1")
                                .withKind("ReplicaSet")
                                .withName("app-" + w)
                                .withUid(uid)
                                .withController(true)
                                .endOwnerReference()
                                .endMetadata()
                                .withNewSpec()
                                .withNodeName(node)
                                .addNewContainer()
                                .withName("main")
                                .withImage("app")
                                .withNewResources()
                                .addToRequests("cpu", new Quantity(light ? "20m" : "80m"))
                                .addToRequests("memory", new Quantity(light ? "64Mi" : "300Mi"))
                                .endResources()
                                .endContainer()
                                .endSpec()
                                .withNewStatus()
                                .withPhase("Running")
                                .endStatus()
                                .build())
                .create();
    }
}
