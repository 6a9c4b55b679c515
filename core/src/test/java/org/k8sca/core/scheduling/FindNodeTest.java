package org.k8sca.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.snapshot.ClusterSnapshot;

import java.util.List;

/** Searching nodes and aggregating the reasons like the scheduler's FitError. */
class FindNodeTest {

    @Test
    void reasonsAreCountedPerNodeAndSortedAsStrings() {
        ClusterSnapshot s = new ClusterSnapshot();
        Taint gpu = new Taint("dedicated", "gpu", TaintEffect.NO_SCHEDULE);
        s.addNode(node("c1", 1000, 8).build());
        s.addNode(node("c2", 1000, 8).build());
        s.addNode(node("c3", 1000, 1).build());
        s.addNode(node("g1", 8000, 8).taints(List.of(gpu)).build());
        s.addNode(node("g2", 8000, 8).taints(List.of(gpu)).build());
        Placement p = new PredicateChecker(s).findNode(pod("big", 2000, 2048).build());
        assertThat(p.found()).isFalse();
        assertThat(p.failure().nodesByReason())
                .containsEntry("Insufficient cpu", 3)
                .containsEntry("Insufficient memory", 1)
                .containsEntry("node(s) had untolerated taint {dedicated: gpu}", 2);
        assertThat(p.failure().message())
                .isEqualTo(
                        "0/5 nodes are available: 1 Insufficient memory, 2 node(s) had untolerated"
                                + " taint {dedicated: gpu}, 3 Insufficient cpu.");
    }

    @Test
    void countsSortAsTextLikeTheScheduler() {
        SchedulingFailure.Builder b = SchedulingFailure.builder();
        for (int i = 0; i < 10; i++) {
            b.add(PredicateFailure.of(Reasons.NODE_RESOURCES_FIT, "Insufficient cpu"));
        }
        b.add(PredicateFailure.of(Reasons.NODE_UNSCHEDULABLE, Reasons.UNSCHEDULABLE));
        b.add(PredicateFailure.of(Reasons.NODE_UNSCHEDULABLE, Reasons.UNSCHEDULABLE));
        assertThat(b.build(12).message())
                .isEqualTo(
                        "0/12 nodes are available: 10 Insufficient cpu, 2 node(s) were"
                                + " unschedulable.");
    }

    @Test
    void anUnboundImmediateClaimRejectsEveryNodeAtOnce() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 1000, 8).build());
        s.addNode(node("n2", 1000, 8).build());
        Pod p = pod("p", 10, 10).unboundImmediateClaims(true).build();
        PredicateChecker checker = new PredicateChecker(s);
        assertThat(checker.findNode(p).failure().message())
                .isEqualTo(
                        "0/2 nodes are available: pod has unbound immediate"
                                + " PersistentVolumeClaims.");
        assertThat(checker.checkOnNode(p, "n1"))
                .get()
                .extracting(PredicateFailure::plugin)
                .isEqualTo(Reasons.VOLUME_BINDING);
    }

    @Test
    void searchStartsAtTheHintAndWrapsAround() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 1000, 8).build());
        s.addNode(node("n2", 1000, 8).build());
        s.addNode(node("n3", 100, 8).build());
        PredicateChecker checker = new PredicateChecker(s);
        Pod p = pod("p", 500, 10).build();
        assertThat(checker.findNode(p).nodeName()).isEqualTo("n1");
        assertThat(checker.findNode(p, "n2", n -> true).nodeName()).isEqualTo("n2");
        assertThat(checker.findNode(p, "n3", n -> true).nodeName())
                .as("n3 is too small, wraps to n1")
                .isEqualTo("n1");
        assertThat(checker.findNode(p, "gone", n -> true).nodeName())
                .as("unknown hint starts at the first node")
                .isEqualTo("n1");
    }

    @Test
    void theCallersFilterSkipsNodesWithoutAReason() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 1000, 8).build());
        s.addNode(node("n2", 100, 8).build());
        PredicateChecker checker = new PredicateChecker(s);
        Placement p =
                checker.findNode(pod("p", 500, 10).build(), null, n -> !n.name().equals("n1"));
        assertThat(p.found()).isFalse();
        assertThat(p.failure().message()).isEqualTo("0/2 nodes are available: 1 Insufficient cpu.");
    }

    @Test
    void removedNodesAreSkipped() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 1000, 8).build());
        s.addNode(node("n2", 1000, 8).build());
        s.removeNode("n1");
        assertThat(new PredicateChecker(s).findNode(pod("p", 500, 10).build()).nodeName())
                .isEqualTo("n2");
    }

    @Test
    void placementsFillNodesAsTheSnapshotChanges() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 1000, 8).build());
        s.addNode(node("n2", 1000, 8).build());
        PredicateChecker checker = new PredicateChecker(s);
        String last = null;
        List<String> placed = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Pod p = pod("p" + i, 500, 10).build();
            Placement where = checker.findNode(p, last, n -> true);
            s.addPod(p, where.nodeName());
            last = where.nodeName();
            placed.add(last);
        }
        assertThat(placed).containsExactly("n1", "n1", "n2", "n2");
        assertThat(checker.findNode(pod("p5", 500, 10).build()).found()).isFalse();
    }
}
