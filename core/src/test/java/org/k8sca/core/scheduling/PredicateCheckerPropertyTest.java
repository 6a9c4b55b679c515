package org.k8sca.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.model.Toleration;
import org.k8sca.core.model.TopologySpreadConstraint;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The checker's inter-pod affinity and topology spread verdicts, which go through the snapshot's
 * indexes and a per-pod cache, compared on random clusters with a naive evaluation that scans every
 * pod for every node, written straight from the scheduler's rules.
 */
class PredicateCheckerPropertyTest {

    private static final String HOST = "kubernetes.io/hostname";
    private static final String ZONE = "topology.kubernetes.io/zone";
    private static final String[] APPS = {"web", "db", "cache"};
    private static final String[] NAMESPACES = {"default", "other"};
    private static final Taint TAINT = new Taint("dedicated", "x", TaintEffect.NO_SCHEDULE);

    /** Base seed of the runs; {@code -Dtest.seed=N} tries other clusters. */
    private static final long BASE_SEED = Long.getLong("test.seed", 77_000L);

    @Test
    void indexedVerdictsEqualNaiveVerdicts() {
        for (int run = 0; run < 150; run++) {
            long seed = BASE_SEED + run;
            try {
                runOnce(new Random(seed), false);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The same comparison while nodes come and go (inside and outside forks, with enough removals
     * that the snapshot compacts its positions), and probes of one shape are checked again after
     * each change: a spread domain cache that missed a node change would give a stale verdict.
     */
    @Test
    void verdictsStayExactWhileNodesChange() {
        for (int run = 0; run < 150; run++) {
            long seed = BASE_SEED + 500_000 + run;
            try {
                runOnce(new Random(seed), true);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private void runOnce(Random rnd, boolean changeNodes) {
        ClusterSnapshot snapshot = new ClusterSnapshot();
        int nodes = 2 + rnd.nextInt(6);
        int nodeSeq = 0;
        for (int i = 0; i < nodes; i++) {
            snapshot.addNode(randomNode(rnd, "n" + nodeSeq++));
        }
        snapshot.setNamespaceLabels("other", Labels.of("team", "x"));
        PredicateChecker checker = new PredicateChecker(snapshot);
        List<Pod> probes = new ArrayList<>();
        int seq = 0;
        int rounds = changeNodes ? 40 : 12;
        for (int round = 0; round < rounds; round++) {
            // Change the cluster a little, sometimes inside a fork that is reverted later.
            boolean forked = rnd.nextBoolean();
            if (forked) {
                snapshot.fork();
            }
            for (int i = rnd.nextInt(4); i > 0; i--) {
                List<NodeInfo> infos = snapshot.nodeInfos();
                snapshot.addPod(
                        randomPod(rnd, "e" + seq++), infos.get(rnd.nextInt(infos.size())).name());
            }
            if (changeNodes && !forked && rnd.nextInt(8) == 0) {
                // Many removals outside a fork: the snapshot compacts its positions.
                for (int i = 0; i < 20; i++) {
                    snapshot.addNode(randomNode(rnd, "n" + nodeSeq++));
                }
                int slotsBefore = snapshot.nodeSlotCount();
                for (int i = 0; i < 20; i++) {
                    List<NodeInfo> infos = snapshot.nodeInfos();
                    snapshot.removeNode(infos.get(rnd.nextInt(infos.size())).name());
                }
                assertThat(snapshot.nodeSlotCount())
                        .as("positions compacted")
                        .isLessThan(slotsBefore);
            }
            if (changeNodes) {
                for (int i = rnd.nextInt(3); i > 0; i--) {
                    snapshot.addNode(randomNode(rnd, "n" + nodeSeq++));
                }
                for (int i = rnd.nextInt(3); i > 0 && snapshot.nodeCount() > 1; i--) {
                    List<NodeInfo> infos = snapshot.nodeInfos();
                    snapshot.removeNode(infos.get(rnd.nextInt(infos.size())).name());
                }
            }
            Pod probe = randomPod(rnd, "probe" + seq++);
            probes.add(probe);
            checkAll(checker, probe, snapshot);
            if (forked) {
                snapshot.revert();
                if (changeNodes) {
                    // Back to the nodes before the fork: earlier probes (same cache keys) must see
                    // them.
                    checkAll(checker, probe, snapshot);
                    checkAll(checker, probes.get(rnd.nextInt(probes.size())), snapshot);
                }
            }
        }
    }

    private static void checkAll(PredicateChecker checker, Pod probe, ClusterSnapshot snapshot) {
        for (NodeInfo info : snapshot.nodeInfos()) {
            Optional<PredicateFailure> actual = checker.checkOnNode(probe, info.name());
            String expected = naive(probe, info.node(), snapshot);
            assertThat(actual.map(f -> f.reasons().get(0)).orElse(null))
                    .as("probe %s on %s", describe(probe), info.name())
                    .isEqualTo(expected);
        }
    }

    /**
     * The first failing reason of the full filter chain, evaluated naively for affinity and spread.
     */
    private static String naive(Pod pod, Node node, ClusterSnapshot snapshot) {
        PredicateFailure simple = firstSimpleFailure(pod, node, snapshot);
        if (simple != null) {
            return simple.reasons().get(0);
        }
        List<Pod> pods = new ArrayList<>(snapshot.pods().values());
        String spread = naiveSpread(pod, node, pods, snapshot);
        if (spread != null) {
            return spread;
        }
        return naiveAffinity(pod, node, pods, snapshot);
    }

    private static PredicateFailure firstSimpleFailure(
            Pod pod, Node node, ClusterSnapshot snapshot) {
        NodeInfo info = snapshot.nodeInfo(node.name());
        PredicateFailure f = NodeFilters.nodeUnschedulable(pod, node);
        if (f == null) {
            f = NodeFilters.nodeName(pod, node);
        }
        if (f == null) {
            f = NodeFilters.taintToleration(pod, node);
        }
        if (f == null) {
            f = NodeFilters.nodeAffinity(pod, node);
        }
        if (f == null) {
            f = NodeFilters.nodePorts(pod, info);
        }
        if (f == null) {
            f = NodeFilters.resourcesFit(pod, info);
        }
        return f;
    }

    private static Node nodeOf(Pod p, ClusterSnapshot s) {
        return s.nodeInfo(p.nodeName()).node();
    }

    private static String naiveSpread(Pod pod, Node node, List<Pod> pods, ClusterSnapshot s) {
        List<TopologySpreadConstraint> hard = new ArrayList<>();
        for (TopologySpreadConstraint c : pod.spreadConstraints()) {
            if (c.doNotSchedule()) {
                hard.add(c);
            }
        }
        for (TopologySpreadConstraint c : hard) {
            Map<String, Integer> counts = new HashMap<>();
            for (NodeInfo info : s.nodeInfos()) {
                if (eligible(pod, info.node(), c, hard)) {
                    counts.putIfAbsent(info.node().labels().get(c.topologyKey()), 0);
                }
            }
            for (Pod e : pods) {
                Node en = nodeOf(e, s);
                if (eligible(pod, en, c, hard)
                        && e.namespace().equals(pod.namespace())
                        && !e.terminating()
                        && c.selector().matches(e.labels())) {
                    counts.merge(en.labels().get(c.topologyKey()), 1, Integer::sum);
                }
            }
            String value = node.labels().get(c.topologyKey());
            if (value == null) {
                return Reasons.SPREAD_MISSING_LABEL;
            }
            int min =
                    counts.size() < c.minDomains()
                            ? 0
                            : counts.values().stream().min(Integer::compare).orElse(0);
            int skew =
                    counts.getOrDefault(value, 0)
                            + (c.selector().matches(pod.labels()) ? 1 : 0)
                            - min;
            if (skew > c.maxSkew()) {
                return Reasons.SPREAD_MISMATCH;
            }
        }
        return null;
    }

    private static boolean eligible(
            Pod pod, Node n, TopologySpreadConstraint c, List<TopologySpreadConstraint> all) {
        for (TopologySpreadConstraint any : all) {
            if (!n.labels().containsKey(any.topologyKey())) {
                return false;
            }
        }
        if (c.honorNodeAffinity() && !NodeFilters.matchesNodeSelectorAndAffinity(pod, n)) {
            return false;
        }
        return !c.honorNodeTaints() || NodeFilters.firstUntoleratedTaint(pod, n) == null;
    }

    private static String naiveAffinity(Pod pod, Node node, List<Pod> pods, ClusterSnapshot s) {
        Labels ownNs = s.namespaceLabels(pod.namespace());
        for (Pod e : pods) {
            Node en = nodeOf(e, s);
            for (PodAffinityTerm t : e.antiAffinityTerms()) {
                String ev = en.labels().get(t.topologyKey());
                if (ev != null
                        && ev.equals(node.labels().get(t.topologyKey()))
                        && t.matches(pod, ownNs)) {
                    return Reasons.EXISTING_ANTI_AFFINITY_MISMATCH;
                }
            }
        }
        List<PodAffinityTerm> terms = pod.affinityTerms();
        if (!terms.isEmpty()) {
            for (PodAffinityTerm t : terms) {
                if (!node.labels().containsKey(t.topologyKey())) {
                    return Reasons.AFFINITY_MISMATCH;
                }
            }
            boolean allTermsSatisfied = true;
            boolean anyCounted = false;
            for (PodAffinityTerm t : terms) {
                boolean satisfied = false;
                for (Pod e : pods) {
                    if (!matchesAll(terms, e, s)) {
                        continue;
                    }
                    Node en = nodeOf(e, s);
                    for (PodAffinityTerm any : terms) {
                        if (en.labels().containsKey(any.topologyKey())) {
                            anyCounted = true;
                        }
                    }
                    if (node.labels()
                            .get(t.topologyKey())
                            .equals(en.labels().get(t.topologyKey()))) {
                        satisfied = true;
                    }
                }
                allTermsSatisfied &= satisfied;
            }
            if (!allTermsSatisfied && (anyCounted || !matchesAll(terms, pod, s))) {
                return Reasons.AFFINITY_MISMATCH;
            }
        }
        for (PodAffinityTerm t : pod.antiAffinityTerms()) {
            String v = node.labels().get(t.topologyKey());
            if (v == null) {
                continue;
            }
            for (Pod e : pods) {
                if (v.equals(nodeOf(e, s).labels().get(t.topologyKey()))
                        && t.matches(e, s.namespaceLabels(e.namespace()))) {
                    return Reasons.ANTI_AFFINITY_MISMATCH;
                }
            }
        }
        return null;
    }

    private static boolean matchesAll(List<PodAffinityTerm> terms, Pod p, ClusterSnapshot s) {
        for (PodAffinityTerm t : terms) {
            if (!t.matches(p, s.namespaceLabels(p.namespace()))) {
                return false;
            }
        }
        return true;
    }

    private static Node randomNode(Random rnd, String name) {
        Map<String, String> labels = new HashMap<>();
        labels.put(HOST, name);
        if (rnd.nextInt(5) > 0) {
            labels.put(ZONE, "z" + rnd.nextInt(3));
        }
        if (rnd.nextBoolean()) {
            labels.put("disk", "ssd");
        }
        Node.Builder b =
                Node.builder(name)
                        .labels(Labels.of(labels))
                        .allocatable(Resources.of(64000, 64L << 30, 0, 110, 0));
        if (rnd.nextInt(5) == 0) {
            b.taints(List.of(TAINT));
        }
        return b.build();
    }

    private static Pod randomPod(Random rnd, String name) {
        String ns = NAMESPACES[rnd.nextInt(4) == 0 ? 1 : 0];
        Map<String, String> labels = new HashMap<>();
        labels.put("app", APPS[rnd.nextInt(APPS.length)]);
        if (rnd.nextBoolean()) {
            labels.put("rev", "r" + rnd.nextInt(2));
        }
        Pod.Builder b =
                Pod.builder(ns, name)
                        .uid(name)
                        .labels(Labels.of(labels))
                        .requests(Resources.of(rnd.nextInt(100), 0, 0, 0, 0))
                        .terminating(rnd.nextInt(10) == 0);
        if (rnd.nextBoolean()) {
            b.tolerations(List.of(Toleration.exists("dedicated", null)));
        }
        if (rnd.nextInt(4) == 0) {
            b.nodeSelector(Labels.of("disk", "ssd"));
        }
        if (rnd.nextInt(3) == 0) {
            b.antiAffinityTerms(List.of(randomTerm(rnd)));
        }
        if (rnd.nextInt(4) == 0) {
            List<PodAffinityTerm> terms = new ArrayList<>();
            terms.add(randomTerm(rnd));
            if (rnd.nextInt(3) == 0) {
                terms.add(randomTerm(rnd));
            }
            b.affinityTerms(terms);
        }
        if (rnd.nextInt(3) == 0) {
            List<TopologySpreadConstraint> cs = new ArrayList<>();
            int n = 1 + rnd.nextInt(2);
            for (int i = 0; i < n; i++) {
                cs.add(
                        new TopologySpreadConstraint(
                                1 + rnd.nextInt(2),
                                rnd.nextBoolean() ? ZONE : HOST,
                                rnd.nextInt(5) > 0,
                                LabelSelector.matchLabels("app", APPS[rnd.nextInt(APPS.length)]),
                                1 + rnd.nextInt(4),
                                rnd.nextInt(3) > 0,
                                rnd.nextBoolean(),
                                rnd.nextBoolean() ? List.of("rev") : List.of()));
            }
            b.spreadConstraints(cs);
        }
        return b.build();
    }

    private static PodAffinityTerm randomTerm(Random rnd) {
        LabelSelector selector = LabelSelector.matchLabels("app", APPS[rnd.nextInt(APPS.length)]);
        String key = rnd.nextBoolean() ? ZONE : HOST;
        switch (rnd.nextInt(4)) {
            case 0:
                return new PodAffinityTerm(selector, key, Set.of("other"), null);
            case 1:
                return new PodAffinityTerm(
                        selector, key, Set.of(), LabelSelector.matchLabels("team", "x"));
            case 2:
                return new PodAffinityTerm(selector, key, Set.of(), LabelSelector.EVERYTHING);
            default:
                return PodAffinityTerm.of(selector, key);
        }
    }

    private static String describe(Pod p) {
        return p.key()
                + " labels="
                + p.labels()
                + " affinity="
                + p.affinityTerms()
                + " anti="
                + p.antiAffinityTerms()
                + " spread="
                + p.spreadConstraints()
                + " selector="
                + p.nodeSelector()
                + " tolerations="
                + p.tolerations();
    }
}
