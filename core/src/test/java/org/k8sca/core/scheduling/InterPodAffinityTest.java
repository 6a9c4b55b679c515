package org.k8sca.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.HOSTNAME;
import static org.k8sca.core.Fixtures.ZONE;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;
import static org.k8sca.core.Fixtures.zonedNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.snapshot.ClusterSnapshot;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Required inter-pod affinity and anti-affinity, including the symmetric check and namespaces. */
class InterPodAffinityTest {

    private ClusterSnapshot snapshot;
    private PredicateChecker checker;

    @BeforeEach
    void cluster() {
        snapshot = new ClusterSnapshot();
        snapshot.addNode(zonedNode("a1", "a", 4000, 8).build());
        snapshot.addNode(zonedNode("a2", "a", 4000, 8).build());
        snapshot.addNode(zonedNode("b1", "b", 4000, 8).build());
        snapshot.addNode(node("nozone", 4000, 8).build());
        checker = new PredicateChecker(snapshot);
    }

    private Optional<String> reason(Pod p, String node) {
        return checker.checkOnNode(p, node)
                .map(
                        f -> {
                            assertThat(f.plugin()).isEqualTo(Reasons.INTER_POD_AFFINITY);
                            return f.reasons().get(0);
                        });
    }

    private static PodAffinityTerm term(String topologyKey, String... labels) {
        return PodAffinityTerm.of(LabelSelector.matchLabels(labels), topologyKey);
    }

    @Test
    void antiAffinityOnHostnameKeepsReplicasApart() {
        PodAffinityTerm apart = term(HOSTNAME, "app", "web");
        snapshot.addPod(
                pod("web-1", 100, 100, "app", "web").antiAffinityTerms(List.of(apart)).build(),
                "a1");
        Pod web2 = pod("web-2", 100, 100, "app", "web").antiAffinityTerms(List.of(apart)).build();

        // The existing replica's own term already rejects a1 (symmetry is checked first).
        assertThat(reason(web2, "a1")).contains(Reasons.EXISTING_ANTI_AFFINITY_MISMATCH);
        assertThat(reason(web2, "a2")).isEmpty();
        assertThat(checker.findNode(web2).nodeName()).isEqualTo("a2");
    }

    @Test
    void incomingAntiAffinityAloneRejects() {
        snapshot.addPod(pod("db-1", 100, 100, "app", "db").build(), "a1");
        Pod web =
                pod("web", 100, 100, "app", "web")
                        .antiAffinityTerms(List.of(term(HOSTNAME, "app", "db")))
                        .build();
        assertThat(reason(web, "a1")).contains(Reasons.ANTI_AFFINITY_MISMATCH);
        assertThat(reason(web, "a2")).isEmpty();
    }

    @Test
    void existingPodsAntiAffinityIsSymmetric() {
        snapshot.addPod(
                pod("web-1", 100, 100, "app", "web")
                        .antiAffinityTerms(List.of(term(ZONE, "app", "db")))
                        .build(),
                "a1");
        Pod db = pod("db", 100, 100, "app", "db").build();
        assertThat(reason(db, "a1")).contains(Reasons.EXISTING_ANTI_AFFINITY_MISMATCH);
        assertThat(reason(db, "a2"))
                .as("same zone as the web pod")
                .contains(Reasons.EXISTING_ANTI_AFFINITY_MISMATCH);
        assertThat(reason(db, "b1")).isEmpty();
        assertThat(reason(db, "nozone")).isEmpty();
    }

    @Test
    void antiAffinityOfAPodOnANodeWithoutTheKeyIsIgnored() {
        snapshot.addPod(
                pod("web-1", 100, 100, "app", "web")
                        .antiAffinityTerms(List.of(term(ZONE, "app", "db")))
                        .build(),
                "nozone");
        Pod db = pod("db", 100, 100, "app", "db").build();
        assertThat(reason(db, "a1")).isEmpty();
        assertThat(reason(db, "nozone")).isEmpty();
    }

    @Test
    void affinityNeedsAMatchingPodInTheSameDomain() {
        snapshot.addPod(pod("cache", 100, 100, "app", "cache").build(), "a1");
        Pod web =
                pod("web", 100, 100, "app", "web")
                        .affinityTerms(List.of(term(ZONE, "app", "cache")))
                        .build();
        assertThat(reason(web, "a2")).isEmpty();
        assertThat(reason(web, "b1")).contains(Reasons.AFFINITY_MISMATCH);
        assertThat(reason(web, "nozone"))
                .as("node lacks the topology key")
                .contains(Reasons.AFFINITY_MISMATCH);
    }

    @Test
    void theFirstPodOfASelfAffineGroupMayStartAnywhere() {
        Pod first =
                pod("web-1", 100, 100, "app", "web")
                        .affinityTerms(List.of(term(ZONE, "app", "web")))
                        .build();
        assertThat(reason(first, "b1")).isEmpty();
        assertThat(reason(first, "nozone"))
                .as("still needs the topology key")
                .contains(Reasons.AFFINITY_MISMATCH);

        Pod notSelf =
                pod("x", 100, 100, "app", "other")
                        .affinityTerms(List.of(term(ZONE, "app", "web")))
                        .build();
        assertThat(reason(notSelf, "b1")).contains(Reasons.AFFINITY_MISMATCH);

        snapshot.addPod(pod("web-0", 100, 100, "app", "web").build(), "b1");
        assertThat(reason(first, "a1"))
                .as("once one exists, it must be joined")
                .contains(Reasons.AFFINITY_MISMATCH);
        assertThat(reason(first, "b1")).isEmpty();
    }

    @Test
    void aPodMustMatchAllAffinityTermsToCount() {
        snapshot.addPod(pod("cache", 100, 100, "app", "cache").build(), "a1");
        snapshot.addPod(pod("queue", 100, 100, "app", "queue").build(), "a1");
        Pod web =
                pod("web", 100, 100, "app", "web")
                        .affinityTerms(
                                List.of(term(ZONE, "app", "cache"), term(ZONE, "app", "queue")))
                        .build();
        // No single pod matches both terms, and other pods match the terms, so no node is allowed.
        assertThat(reason(web, "a1")).contains(Reasons.AFFINITY_MISMATCH);
    }

    @Test
    void termsOnlySeeTheirNamespacesByDefault() {
        snapshot.addPod(
                Pod.builder("other", "db").uid("other-db").labels(Labels.of("app", "db")).build(),
                "a1");
        Pod web =
                pod("web", 100, 100)
                        .antiAffinityTerms(List.of(term(HOSTNAME, "app", "db")))
                        .build();
        assertThat(reason(web, "a1")).as("db is in another namespace").isEmpty();

        Pod listed =
                pod("web", 100, 100)
                        .antiAffinityTerms(
                                List.of(
                                        new PodAffinityTerm(
                                                LabelSelector.matchLabels("app", "db"),
                                                HOSTNAME,
                                                Set.of("other"),
                                                null)))
                        .build();
        assertThat(reason(listed, "a1")).contains(Reasons.ANTI_AFFINITY_MISMATCH);
    }

    @Test
    void namespaceSelectorUsesNamespaceLabels() {
        snapshot.addPod(
                Pod.builder("team-x", "db").uid("x-db").labels(Labels.of("app", "db")).build(),
                "a1");
        Pod web =
                pod("web", 100, 100)
                        .antiAffinityTerms(
                                List.of(
                                        new PodAffinityTerm(
                                                LabelSelector.matchLabels("app", "db"),
                                                HOSTNAME,
                                                Set.of(),
                                                LabelSelector.matchLabels("team", "x"))))
                        .build();
        assertThat(reason(web, "a1")).as("namespace not labelled yet").isEmpty();
        snapshot.setNamespaceLabels("team-x", Labels.of("team", "x"));
        assertThat(reason(web, "a1")).contains(Reasons.ANTI_AFFINITY_MISMATCH);

        Pod all =
                pod("web", 100, 100)
                        .antiAffinityTerms(
                                List.of(
                                        new PodAffinityTerm(
                                                LabelSelector.matchLabels("app", "db"),
                                                HOSTNAME,
                                                Set.of(),
                                                LabelSelector.EVERYTHING)))
                        .build();
        assertThat(reason(all, "a1"))
                .as("{} selects every namespace")
                .contains(Reasons.ANTI_AFFINITY_MISMATCH);
    }

    @Test
    void existingTermsUseTheirOwnPodsNamespace() {
        snapshot.addPod(
                Pod.builder("other", "web")
                        .uid("o-web")
                        .labels(Labels.of("app", "web"))
                        .antiAffinityTerms(List.of(term(HOSTNAME, "app", "db")))
                        .build(),
                "a1");
        Pod db = pod("db", 100, 100, "app", "db").build();
        assertThat(reason(db, "a1"))
                .as("the term means namespace 'other', db is in 'default'")
                .isEmpty();
    }

    @Test
    void checkingAPodThatIsBoundInTheSnapshotIsRefused() {
        Pod p = snapshot.addPod(pod("web", 100, 100).build(), "a1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checker.checkOnNode(p, "a2"))
                .hasMessageContaining("default/web")
                .hasMessageContaining("remove it");
    }
}
