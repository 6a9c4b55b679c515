package org.k8sca.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;

import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Invariants of the report over random small clusters (seeded; the seed is in every failure
 * message): each pending pod is listed at most once, lists are sorted, each node is listed at most
 * once, and the unneeded nodes of a group never take it below its minimum size.
 */
class SimulationPropertyTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String[] CPUS = {"100m", "300m", "700m", "1", "1500m", "3"};

    private static String config(int minA, int minB) {
        return """
        [global]
        kamatera-api-client-id = placeholder
        kamatera-api-secret = placeholder
        cluster-name = c1
        default-max-size = 6
        default-datacenter = IL
        default-image = ubuntu
        default-cpu = 2B
        default-ram = 4096
        default-disk = size=50
        default-network = name=wan,ip=auto
        default-script-base64 = IyEvYmluL2Jhc2gKZWNobyBoaQo=
        [nodegroup "ga"]
        min-size = %d
        [nodegroup "gb"]
        min-size = %d
        """
                .formatted(minA, minB);
    }

    @Test
    void reportInvariantsHoldForRandomClusters() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 25; round++) {
            int minA = random.nextInt(3);
            int minB = random.nextInt(3);
            CloudConfig config =
                    CloudConfigLoader.parse(config(minA, minB), "cloud-config.ini", Map.of());
            Map<String, String> groupOfNode = new LinkedHashMap<>();
            List<Object> items = new ArrayList<>();
            List<Object> servers = new ArrayList<>();
            items.add(
                    Map.of(
                            "apiVersion",
                            "apps/v1",
                            "kind",
                            "ReplicaSet",
                            "metadata",
                            Map.of("namespace", "w", "name", "rs", "uid", "rs-uid"),
                            "spec",
                            Map.of("replicas", 50)));
            int nodes = 1 + random.nextInt(6);
            for (int n = 0; n < nodes; n++) {
                String group = random.nextBoolean() ? "ga" : "gb";
                String name = group + "-n" + n;
                groupOfNode.put(name, group);
                items.add(node(name));
                servers.add(
                        Map.of(
                                "name",
                                name,
                                "power",
                                "on",
                                "tags",
                                List.of("k8sca-c1", "k8scang-" + group)));
                int pods = random.nextInt(3);
                for (int p = 0; p < pods; p++) {
                    items.add(pod(name + "-p" + p, CPUS[random.nextInt(CPUS.length)], name));
                }
            }
            int pending = random.nextInt(4);
            for (int p = 0; p < pending; p++) {
                items.add(pod("pending-" + p, CPUS[random.nextInt(CPUS.length)], null));
            }
            String text =
                    JSON.writeValueAsString(
                            Map.of(
                                    "kubernetes",
                                    Map.of("apiVersion", "v1", "kind", "List", "items", items),
                                    "kamatera",
                                    Map.of("servers", servers)));
            String context = "seed " + seed + ", round " + round + ", snapshot " + text;

            Snapshot snapshot = new SnapshotReader("kube-system").parse(text, "random.json");
            SimulationReport report =
                    Simulation.run(config, snapshot, DecisionSettings.DEFAULTS, NOW);

            List<String> listedPods = new ArrayList<>();
            report.scaleUp().nodeGroups().forEach(g -> listedPods.addAll(g.pods()));
            report.scaleUp().podsRemainUnschedulable().forEach(p -> listedPods.add(p.pod()));
            assertThat(listedPods).as(context).doesNotHaveDuplicates();
            assertThat(report.scaleUp().podsRemainUnschedulable())
                    .extracting(SimulationReport.UnhelpedPod::pod)
                    .as(context)
                    .isSorted();

            List<String> unneeded =
                    report.scaleDown().unneeded().stream()
                            .map(SimulationReport.UnneededNode::node)
                            .toList();
            List<String> unremovable =
                    report.scaleDown().unremovable().stream()
                            .map(SimulationReport.UnremovableNode::node)
                            .toList();
            assertThat(unneeded).as(context).isSorted();
            assertThat(unremovable).as(context).isSorted();
            Set<String> both = new HashSet<>(unneeded);
            both.retainAll(unremovable);
            assertThat(both).as(context).isEmpty();

            if (report.scaleUp().nodeGroups().isEmpty()) {
                // Without a scale-up the selection ran, so the minimum sizes hold after every
                // removal.
                Map<String, Integer> size = new HashMap<>();
                groupOfNode.values().forEach(g -> size.merge(g, 1, Integer::sum));
                Map<String, Integer> removed = new HashMap<>();
                report.scaleDown()
                        .unneeded()
                        .forEach(n -> removed.merge(n.nodeGroup(), 1, Integer::sum));
                assertThat(size.getOrDefault("ga", 0) - removed.getOrDefault("ga", 0))
                        .as(context)
                        .isGreaterThanOrEqualTo(Math.min(minA, size.getOrDefault("ga", 0)));
                assertThat(size.getOrDefault("gb", 0) - removed.getOrDefault("gb", 0))
                        .as(context)
                        .isGreaterThanOrEqualTo(Math.min(minB, size.getOrDefault("gb", 0)));
            }
        }
    }

    private static Map<String, Object> node(String name) {
        Map<String, String> resources = Map.of("cpu", "2", "memory", "4Gi", "pods", "110");
        return Map.of(
                "apiVersion",
                "v1",
                "kind",
                "Node",
                "metadata",
                Map.of("name", name, "creationTimestamp", "2026-11-24T08:00:00Z"),
                "spec",
                Map.of("providerID", "kamatera://" + name),
                "status",
                Map.of(
                        "capacity",
                        resources,
                        "allocatable",
                        resources,
                        "conditions",
                        List.of(
                                Map.of(
                                        "type",
                                        "Ready",
                                        "status",
                                        "True",
                                        "lastTransitionTime",
                                        "2026-11-24T08:01:00Z"))));
    }

    private static Map<String, Object> pod(String name, String cpu, String nodeName) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put(
                "containers",
                List.of(
                        Map.of(
                                "name",
                                "app",
                                "image",
                                "img",
                                "resources",
                                Map.of("requests", Map.of("cpu", cpu, "memory", "128Mi")))));
        Map<String, Object> status;
        if (nodeName != null) {
            spec.put("nodeName", nodeName);
            status = Map.of("phase", "Running");
        } else {
            status =
                    Map.of(
                            "phase",
                            "Pending",
                            "conditions",
                            List.of(
                                    Map.of(
                                            "type",
                                            "PodScheduled",
                                            "status",
                                            "False",
                                            "reason",
                                            "Unschedulable",
                                            "lastTransitionTime",
                                            "2026-11-24T09:50:00Z")));
        }
        return Map.of(
                "apiVersion",
                "v1",
                "kind",
                "Pod",
                "metadata",
                Map.of(
                        "namespace",
                        "w",
                        "name",
                        name,
                        "uid",
                        "uid-" + name,
                        "creationTimestamp",
                        "2026-11-24T09:00:00Z",
                        "ownerReferences",
                        List.of(
                                Map.of(
                                        "apiVersion",
                                        "apps/v1",
                                        "kind",
                                        "ReplicaSet",
                                        "name",
                                        "rs",
                                        "uid",
                                        "rs-uid",
                                        "controller",
                                        true))),
                "spec",
                spec,
                "status",
                status);
    }
}
