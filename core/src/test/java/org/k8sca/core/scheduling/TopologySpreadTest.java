package org.k8sca.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.ZONE;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;
import static org.k8sca.core.Fixtures.zonedNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.model.TopologySpreadConstraint;
import org.k8sca.core.snapshot.ClusterSnapshot;

import java.util.List;
import java.util.Optional;

/** PodTopologySpread with whenUnsatisfiable=DoNotSchedule. */
class TopologySpreadTest {

    private static final LabelSelector WEB = LabelSelector.matchLabels("app", "web");

    private ClusterSnapshot snapshot;
    private PredicateChecker checker;
    private int seq;

    @BeforeEach
    void cluster() {
        snapshot = new ClusterSnapshot();
        snapshot.addNode(zonedNode("a1", "a", 8000, 16).build());
        snapshot.addNode(zonedNode("b1", "b", 8000, 16).build());
        checker = new PredicateChecker(snapshot);
    }

    private void web(String node, int count) {
        for (int i = 0; i < count; i++) {
            snapshot.addPod(pod("web-" + seq++, 10, 10, "app", "web").build(), node);
        }
    }

    private Optional<String> reason(Pod p, String node) {
        return checker.checkOnNode(p, node).map(f -> f.reasons().get(0));
    }

    private static Pod spread(TopologySpreadConstraint c) {
        return pod("new", 10, 10, "app", "web").spreadConstraints(List.of(c)).build();
    }

    private static TopologySpreadConstraint zone(int maxSkew) {
        return TopologySpreadConstraint.doNotSchedule(maxSkew, ZONE, WEB);
    }

    @Test
    void skewAboveMaxIsRejected() {
        web("a1", 2);
        web("b1", 1);
        Pod p = spread(zone(1));
        // a: 2 + 1 - 1 = 2 > 1; b: 1 + 1 - 1 = 1.
        assertThat(reason(p, "a1")).contains(Reasons.SPREAD_MISMATCH);
        assertThat(reason(p, "b1")).isEmpty();
        assertThat(reason(spread(zone(2)), "a1")).isEmpty();
    }

    @Test
    void aNodeWithoutTheKeyIsRejectedWithItsOwnReason() {
        snapshot.addNode(node("plain", 8000, 16).build());
        assertThat(reason(spread(zone(1)), "plain")).contains(Reasons.SPREAD_MISSING_LABEL);
    }

    @Test
    void podsOnNodesWithoutTheKeyDoNotCount() {
        snapshot.addNode(node("plain", 8000, 16).build());
        web("plain", 5);
        web("a1", 1);
        // a: 1 + 1 - 0 = 2 > 1 (b has 0); b: 0 + 1 - 0 = 1.
        assertThat(reason(spread(zone(1)), "a1")).contains(Reasons.SPREAD_MISMATCH);
        assertThat(reason(spread(zone(1)), "b1")).isEmpty();
    }

    @Test
    void minDomainsTreatsTheMinimumAsZeroWhenDomainsAreMissing() {
        web("a1", 1);
        web("b1", 1);
        TopologySpreadConstraint three =
                new TopologySpreadConstraint(1, ZONE, true, WEB, 3, true, false, List.of());
        // Two domains < minDomains 3, so the minimum is 0: 1 + 1 - 0 = 2 > 1 everywhere.
        assertThat(reason(spread(three), "a1")).contains(Reasons.SPREAD_MISMATCH);
        assertThat(reason(spread(three), "b1")).contains(Reasons.SPREAD_MISMATCH);
        TopologySpreadConstraint two =
                new TopologySpreadConstraint(1, ZONE, true, WEB, 2, true, false, List.of());
        assertThat(reason(spread(two), "a1")).isEmpty();
    }

    @Test
    void nodeAffinityPolicyDecidesWhetherExcludedNodesAreDomains() {
        snapshot = new ClusterSnapshot();
        snapshot.addNode(
                zonedNode("a1", "a", 8000, 16).labels(Labels.of(ZONE, "a", "disk", "ssd")).build());
        snapshot.addNode(
                zonedNode("b1", "b", 8000, 16).labels(Labels.of(ZONE, "b", "disk", "ssd")).build());
        snapshot.addNode(
                zonedNode("c1", "c", 8000, 16).labels(Labels.of(ZONE, "c", "disk", "hdd")).build());
        checker = new PredicateChecker(snapshot);
        web("a1", 1);
        web("b1", 1);
        TopologySpreadConstraint honor =
                new TopologySpreadConstraint(1, ZONE, true, WEB, 1, true, false, List.of());
        TopologySpreadConstraint ignore =
                new TopologySpreadConstraint(1, ZONE, true, WEB, 1, false, false, List.of());
        Pod honoring =
                pod("new", 10, 10, "app", "web")
                        .nodeSelector(Labels.of("disk", "ssd"))
                        .spreadConstraints(List.of(honor))
                        .build();
        Pod ignoring =
                pod("new", 10, 10, "app", "web")
                        .nodeSelector(Labels.of("disk", "ssd"))
                        .spreadConstraints(List.of(ignore))
                        .build();
        // Honor: domains a, b (min 1): 1 + 1 - 1 = 1. Ignore: zone c (0) counts: 1 + 1 - 0 = 2.
        assertThat(reason(honoring, "a1")).isEmpty();
        assertThat(reason(ignoring, "a1")).contains(Reasons.SPREAD_MISMATCH);
    }

    @Test
    void nodeTaintsPolicyHonorSkipsTaintedNodes() {
        snapshot.addNode(
                zonedNode("c1", "c", 8000, 16)
                        .taints(List.of(new Taint("x", "y", TaintEffect.NO_SCHEDULE)))
                        .build());
        web("a1", 1);
        web("b1", 1);
        TopologySpreadConstraint honor =
                new TopologySpreadConstraint(1, ZONE, true, WEB, 1, true, true, List.of());
        TopologySpreadConstraint ignore =
                new TopologySpreadConstraint(1, ZONE, true, WEB, 1, true, false, List.of());
        assertThat(reason(spread(honor), "a1")).isEmpty();
        assertThat(reason(spread(ignore), "a1")).contains(Reasons.SPREAD_MISMATCH);
    }

    @Test
    void aPodOutsideItsOwnSelectorDoesNotAddItself() {
        web("a1", 1);
        Pod other =
                pod("other", 10, 10, "app", "other").spreadConstraints(List.of(zone(1))).build();
        // a: 1 + 0 - 0 = 1 ≤ 1.
        assertThat(reason(other, "a1")).isEmpty();
        web("a1", 1);
        assertThat(reason(other, "a1")).contains(Reasons.SPREAD_MISMATCH);
    }

    @Test
    void matchLabelKeysCountOnlyTheSameRevision() {
        snapshot.addPod(
                pod("old-1", 10, 10, "app", "web", "pod-template-hash", "old").build(), "a1");
        snapshot.addPod(
                pod("old-2", 10, 10, "app", "web", "pod-template-hash", "old").build(), "a1");
        TopologySpreadConstraint byRevision =
                new TopologySpreadConstraint(
                        1, ZONE, true, WEB, 1, true, false, List.of("pod-template-hash"));
        Pod fresh =
                pod("new", 10, 10, "app", "web", "pod-template-hash", "new")
                        .spreadConstraints(List.of(byRevision))
                        .build();
        assertThat(reason(fresh, "a1")).isEmpty();
        assertThat(reason(spread(zone(1)), "a1"))
                .as("without matchLabelKeys the old pods count")
                .contains(Reasons.SPREAD_MISMATCH);
    }

    @Test
    void terminatingPodsAndOtherNamespacesDoNotCount() {
        snapshot.addPod(pod("dying", 10, 10, "app", "web").terminating(true).build(), "a1");
        snapshot.addPod(Pod.builder("other", "web").labels(Labels.of("app", "web")).build(), "a1");
        assertThat(reason(spread(zone(1)), "a1")).isEmpty();
    }

    @Test
    void scheduleAnywayDoesNotFilter() {
        web("a1", 5);
        TopologySpreadConstraint soft =
                new TopologySpreadConstraint(1, ZONE, false, WEB, 1, true, false, List.of());
        assertThat(reason(spread(soft), "a1")).isEmpty();
    }

    @Test
    void findNodeFollowsTheSpreadAsPodsArePlaced() {
        Pod template = spread(zone(1));
        List<String> placed = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Pod p = template.withIdentity("new-" + i, "new-" + i);
            Placement where = checker.findNode(p);
            assertThat(where.found()).isTrue();
            snapshot.addPod(p, where.nodeName());
            placed.add(where.nodeName());
        }
        assertThat(placed).containsExactly("a1", "b1", "a1", "b1");
    }
}
