package org.k8sca.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.Requirement;
import org.k8sca.core.model.HostPort;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.resources.Resources;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Random sequences of add/remove/fork/revert/commit, compared after every step with a naive model
 * that keeps plain maps and copies itself on fork. Every aggregate and index of the snapshot must
 * equal what a recomputation from scratch gives.
 */
class ClusterSnapshotPropertyTest {

    private static final String[] APPS = {"web", "db", "cache"};
    private static final String[] NAMESPACES = {"default", "other"};
    private static final String[] ZONES = {"a", "b", "c"};
    private static final List<LabelSelector> PROBES =
            List.of(
                    LabelSelector.matchLabels("app", "web"),
                    LabelSelector.of(null, List.of(Requirement.in("app", "db", "cache"))),
                    LabelSelector.of(null, List.of(Requirement.exists("tier"))),
                    LabelSelector.of(null, List.of(Requirement.notIn("app", "web"))),
                    LabelSelector.of(
                            Map.of("app", "web"), List.of(Requirement.doesNotExist("tier"))),
                    LabelSelector.EVERYTHING,
                    LabelSelector.NOTHING);

    /** The naive model: plain collections, copied whole on fork. */
    private static final class Model {
        final LinkedHashMap<String, Node> nodes = new LinkedHashMap<>();
        final LinkedHashMap<String, Pod> pods = new LinkedHashMap<>();
        final Map<String, Labels> namespaceLabels = new HashMap<>();

        Model copy() {
            Model m = new Model();
            m.nodes.putAll(nodes);
            m.pods.putAll(pods);
            m.namespaceLabels.putAll(namespaceLabels);
            return m;
        }
    }

    private long knownChanges;

    @Test
    void snapshotEqualsANaiveRecomputationAfterEveryStep() {
        long baseSeed = Long.getLong("test.seed", 20261124L);
        for (int run = 0; run < 40; run++) {
            long seed = baseSeed + run;
            try {
                runOnce(new Random(seed), 250);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
        // The snapshot may answer "unknown" (compaction), but not always, or the check above is
        // empty.
        assertThat(knownChanges).as("answers of nodeSlotsChangedSince checked").isGreaterThan(1000);
    }

    private void runOnce(Random rnd, int steps) {
        ClusterSnapshot snapshot = new ClusterSnapshot();
        Model model = new Model();
        ArrayDeque<Model> saved = new ArrayDeque<>();
        int nodeSeq = 0;
        int podSeq = 0;
        Map<Long, List<NodeInfo>> layoutByNodeSetVersion = new HashMap<>();
        for (int step = 0; step < steps; step++) {
            layoutByNodeSetVersion.putIfAbsent(snapshot.nodeSetVersion(), layout(snapshot));
            int op = rnd.nextInt(100);
            String did;
            List<NodeInfo> layoutBefore = layout(snapshot);
            long nodeSetVersionBefore = snapshot.nodeSetVersion();
            if (op < 14 || model.nodes.isEmpty()) {
                Node n = randomNode(rnd, "n" + nodeSeq++);
                snapshot.addNode(n);
                model.nodes.put(n.name(), n);
                did = "addNode " + n.name();
            } else if (op < 19) {
                String name = pick(rnd, model.nodes.keySet());
                snapshot.removeNode(name);
                model.nodes.remove(name);
                model.pods.values().removeIf(p -> p.nodeName().equals(name));
                did = "removeNode " + name;
            } else if (op < 55) {
                String node = pick(rnd, model.nodes.keySet());
                Pod p = randomPod(rnd, "p" + podSeq++);
                Pod bound = snapshot.addPod(p, node);
                model.pods.put(p.uid(), p.withNodeName(node));
                assertThat(bound).isEqualTo(p.withNodeName(node));
                did = "addPod " + p.uid() + " to " + node;
            } else if (op < 70) {
                if (model.pods.isEmpty()) {
                    continue;
                }
                String uid = pick(rnd, model.pods.keySet());
                snapshot.removePod(uid);
                model.pods.remove(uid);
                did = "removePod " + uid;
            } else if (op < 80) {
                snapshot.fork();
                saved.push(model.copy());
                did = "fork";
            } else if (op < 88) {
                if (saved.isEmpty()) {
                    continue;
                }
                snapshot.revert();
                model = saved.pop();
                did = "revert";
            } else if (op < 95) {
                if (saved.isEmpty()) {
                    continue;
                }
                snapshot.commit();
                saved.pop();
                did = "commit";
            } else {
                String ns = NAMESPACES[rnd.nextInt(NAMESPACES.length)];
                Labels l = Labels.of("team", rnd.nextBoolean() ? "x" : "y");
                snapshot.setNamespaceLabels(ns, l);
                model.namespaceLabels.put(ns, l);
                did = "setNamespaceLabels " + ns;
            }
            try {
                compare(snapshot, model);
                assertThat(snapshot.forkDepth()).isEqualTo(saved.size());
                // Caches of node-only data (spread domains) rely on this version: it must move
                // whenever
                // a position holds another node, and stay put on pod-only changes.
                if (!layout(snapshot).equals(layoutBefore)) {
                    assertThat(snapshot.nodeSetVersion())
                            .as("node set version after a node change")
                            .isNotEqualTo(nodeSetVersionBefore);
                }
                if (did.startsWith("addPod")
                        || did.startsWith("removePod")
                        || did.startsWith("setNamespaceLabels")) {
                    assertThat(snapshot.nodeSetVersion())
                            .as("node set version after a pod change")
                            .isEqualTo(nodeSetVersionBefore);
                }
                // Every position that holds another node than at an earlier version is named as
                // changed.
                for (Map.Entry<Long, List<NodeInfo>> earlier : layoutByNodeSetVersion.entrySet()) {
                    int[] changed = snapshot.nodeSlotsChangedSince(earlier.getKey());
                    if (changed == null) {
                        continue;
                    }
                    knownChanges++;
                    Set<Integer> named = new HashSet<>();
                    for (int slot : changed) {
                        named.add(slot);
                    }
                    List<NodeInfo> now = layout(snapshot);
                    for (int i = 0; i < Math.max(now.size(), earlier.getValue().size()); i++) {
                        NodeInfo then =
                                i < earlier.getValue().size() ? earlier.getValue().get(i) : null;
                        NodeInfo current = i < now.size() ? now.get(i) : null;
                        if (then != current) {
                            assertThat(named)
                                    .as(
                                            "positions changed since node set version "
                                                    + earlier.getKey())
                                    .contains(i);
                        }
                    }
                }
            } catch (AssertionError e) {
                throw new AssertionError(
                        "after step " + step + " (" + did + "): " + e.getMessage(), e);
            }
        }
    }

    /** The node at every position (null for removed ones); NodeInfo compares by identity. */
    private static List<NodeInfo> layout(ClusterSnapshot snapshot) {
        List<NodeInfo> out = new ArrayList<>();
        for (int i = 0; i < snapshot.nodeSlotCount(); i++) {
            out.add(snapshot.nodeAt(i));
        }
        return out;
    }

    private static void compare(ClusterSnapshot snapshot, Model model) {
        List<String> names = new ArrayList<>();
        for (NodeInfo n : snapshot.nodeInfos()) {
            names.add(n.name());
        }
        assertThat(names).as("nodes in order").containsExactlyElementsOf(model.nodes.keySet());
        assertThat(snapshot.nodeCount()).isEqualTo(model.nodes.size());
        assertThat(snapshot.pods().keySet()).as("pods").isEqualTo(model.pods.keySet());

        for (Node node : model.nodes.values()) {
            NodeInfo info = snapshot.nodeInfo(node.name());
            Resources requested = Resources.ZERO;
            Set<String> uids = new HashSet<>();
            List<String> ports = new ArrayList<>();
            for (Pod p : model.pods.values()) {
                if (p.nodeName().equals(node.name())) {
                    requested = requested.plus(p.requests());
                    uids.add(p.uid());
                    p.hostPorts().forEach(h -> ports.add(h.toString()));
                }
            }
            assertThat(info.node()).isSameAs(node);
            assertThat(info.requested()).as("requested on " + node.name()).isEqualTo(requested);
            Set<String> actualUids = new HashSet<>();
            info.pods().forEach(p -> actualUids.add(p.uid()));
            assertThat(actualUids).as("pods on " + node.name()).isEqualTo(uids);
            List<String> actualPorts = new ArrayList<>();
            info.usedHostPorts().forEach(h -> actualPorts.add(h.toString()));
            assertThat(actualPorts)
                    .as("host ports on " + node.name())
                    .containsExactlyInAnyOrderElementsOf(ports);
            assertThat(snapshot.nodeAt(snapshot.slotOf(node.name()))).isSameAs(info);
        }

        // The anti-affinity index, recomputed from scratch.
        Map<PodAffinityTerm, Map<String, Integer>> anti = new HashMap<>();
        for (Pod p : model.pods.values()) {
            Node node = model.nodes.get(p.nodeName());
            for (PodAffinityTerm t : p.antiAffinityTerms()) {
                String value = node.labels().get(t.topologyKey());
                if (value != null) {
                    anti.computeIfAbsent(t, k -> new TreeMap<>()).merge(value, 1, Integer::sum);
                }
            }
        }
        assertThat(snapshot.existingAntiAffinity()).as("anti-affinity index").isEqualTo(anti);

        // The label index finds exactly the matching pods.
        for (LabelSelector selector : PROBES) {
            Set<String> expected = new HashSet<>();
            for (Pod p : model.pods.values()) {
                if (selector.matches(p.labels())) {
                    expected.add(p.uid());
                }
            }
            Set<String> found = new HashSet<>();
            Set<String> seen = new HashSet<>();
            for (Collection<Pod> group : snapshot.candidatePods(selector)) {
                for (Pod p : group) {
                    assertThat(model.pods).as("candidate is a live pod").containsKey(p.uid());
                    assertThat(seen.add(p.uid())).as("candidate listed once: " + p.uid()).isTrue();
                    if (selector.matches(p.labels())) {
                        found.add(p.uid());
                    }
                }
            }
            assertThat(found).as("pods matching " + selector).isEqualTo(expected);
        }

        for (String ns : NAMESPACES) {
            assertThat(snapshot.namespaceLabels(ns))
                    .isEqualTo(model.namespaceLabels.getOrDefault(ns, Labels.EMPTY));
        }
    }

    private static Node randomNode(Random rnd, String name) {
        Map<String, String> labels = new HashMap<>();
        labels.put("kubernetes.io/hostname", name);
        if (rnd.nextInt(4) > 0) {
            labels.put("topology.kubernetes.io/zone", ZONES[rnd.nextInt(ZONES.length)]);
        }
        return Node.builder(name)
                .labels(Labels.of(labels))
                .allocatable(Resources.of(4000, 8L << 30, 0, 110, 0))
                .build();
    }

    private static Pod randomPod(Random rnd, String name) {
        Map<String, String> labels = new HashMap<>();
        labels.put("app", APPS[rnd.nextInt(APPS.length)]);
        if (rnd.nextBoolean()) {
            labels.put("tier", rnd.nextBoolean() ? "front" : "back");
        }
        Pod.Builder b =
                Pod.builder(NAMESPACES[rnd.nextInt(NAMESPACES.length)], name)
                        .uid(name)
                        .labels(Labels.of(labels))
                        .requests(
                                Resources.builder()
                                        .milliCpu(rnd.nextInt(500))
                                        .memoryBytes(rnd.nextInt(1 << 20))
                                        .set("example.com/dev", rnd.nextInt(3))
                                        .build());
        if (rnd.nextInt(3) == 0) {
            b.hostPorts(List.of(HostPort.tcp(80 + rnd.nextInt(3))));
        }
        if (rnd.nextInt(3) == 0) {
            String key =
                    rnd.nextBoolean() ? "kubernetes.io/hostname" : "topology.kubernetes.io/zone";
            b.antiAffinityTerms(
                    List.of(
                            PodAffinityTerm.of(
                                    LabelSelector.matchLabels(
                                            "app", APPS[rnd.nextInt(APPS.length)]),
                                    key)));
        }
        return b.build();
    }

    private static String pick(Random rnd, Collection<String> from) {
        List<String> list = new ArrayList<>(from);
        return list.get(rnd.nextInt(list.size()));
    }
}
