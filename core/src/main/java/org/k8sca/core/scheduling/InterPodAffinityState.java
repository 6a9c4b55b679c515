package org.k8sca.core.scheduling;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;
import org.k8sca.core.snapshot.TopologyCounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * InterPodAffinity for one pod against one snapshot state: counts computed once (the scheduler's
 * PreFilter) through the snapshot's indexes, then checked per node in O(terms).
 */
final class InterPodAffinityState {

    private static final PredicateFailure EXISTING_ANTI =
            PredicateFailure.of(
                    Reasons.INTER_POD_AFFINITY, Reasons.EXISTING_ANTI_AFFINITY_MISMATCH);
    private static final PredicateFailure AFFINITY =
            PredicateFailure.of(Reasons.INTER_POD_AFFINITY, Reasons.AFFINITY_MISMATCH);
    private static final PredicateFailure ANTI =
            PredicateFailure.of(Reasons.INTER_POD_AFFINITY, Reasons.ANTI_AFFINITY_MISMATCH);

    /** Domains where an existing pod's anti-affinity term rejects the incoming pod. */
    private final TopologyCounts existingAntiAffinity = new TopologyCounts();

    /** Domains holding existing pods that match all of the incoming pod's affinity terms. */
    private final TopologyCounts affinity = new TopologyCounts();

    /** Domains holding existing pods that match one of the incoming pod's anti-affinity terms. */
    private final TopologyCounts antiAffinity = new TopologyCounts();

    private final Pod pod;
    private final boolean podMatchesOwnAffinity;
    // existingAntiAffinity flattened into arrays, so the per-node check allocates nothing.
    private String[] existingAntiKeys = new String[0];
    private List<Map<String, Integer>> existingAntiCounts = List.of();

    private InterPodAffinityState(Pod pod, boolean podMatchesOwnAffinity) {
        this.pod = pod;
        this.podMatchesOwnAffinity = podMatchesOwnAffinity;
    }

    static InterPodAffinityState compute(Pod pod, ClusterSnapshot snapshot) {
        Labels ownNamespaceLabels = snapshot.namespaceLabels(pod.namespace());
        boolean matchesOwn = matchesAll(pod.affinityTerms(), pod, ownNamespaceLabels);
        InterPodAffinityState state = new InterPodAffinityState(pod, matchesOwn);

        for (Map.Entry<PodAffinityTerm, Map<String, Integer>> e :
                snapshot.existingAntiAffinity().entrySet()) {
            PodAffinityTerm term = e.getKey();
            if (term.matches(pod, ownNamespaceLabels)) {
                for (Map.Entry<String, Integer> domain : e.getValue().entrySet()) {
                    state.existingAntiAffinity.add(
                            term.topologyKey(), domain.getKey(), domain.getValue());
                }
            }
        }
        state.existingAntiKeys = state.existingAntiAffinity.asMap().keySet().toArray(new String[0]);
        state.existingAntiCounts = new ArrayList<>();
        for (String key : state.existingAntiKeys) {
            state.existingAntiCounts.add(state.existingAntiAffinity.byValue(key));
        }
        List<PodAffinityTerm> affinityTerms = pod.affinityTerms();
        if (!affinityTerms.isEmpty()) {
            for (Collection<Pod> group : snapshot.candidatePods(affinityTerms.get(0).selector())) {
                for (Pod existing : group) {
                    if (!matchesAll(
                            affinityTerms,
                            existing,
                            snapshot.namespaceLabels(existing.namespace()))) {
                        continue;
                    }
                    Node node = snapshot.nodeInfo(existing.nodeName()).node();
                    for (PodAffinityTerm term : affinityTerms) {
                        addDomain(state.affinity, node, term.topologyKey());
                    }
                }
            }
        }
        for (PodAffinityTerm term : pod.antiAffinityTerms()) {
            for (Collection<Pod> group : snapshot.candidatePods(term.selector())) {
                for (Pod existing : group) {
                    if (!term.matches(existing, snapshot.namespaceLabels(existing.namespace()))) {
                        continue;
                    }
                    addDomain(
                            state.antiAffinity,
                            snapshot.nodeInfo(existing.nodeName()).node(),
                            term.topologyKey());
                }
            }
        }
        return state;
    }

    private static void addDomain(TopologyCounts counts, Node node, String topologyKey) {
        String value = node.labels().get(topologyKey);
        if (value != null) {
            counts.add(topologyKey, value, 1);
        }
    }

    private static boolean matchesAll(
            List<PodAffinityTerm> terms, Pod candidate, Labels namespaceLabels) {
        for (int i = 0; i < terms.size(); i++) {
            if (!terms.get(i).matches(candidate, namespaceLabels)) {
                return false;
            }
        }
        return true;
    }

    /** The scheduler's order: existing pods' anti-affinity, then affinity, then anti-affinity. */
    PredicateFailure filter(NodeInfo nodeInfo) {
        Labels nodeLabels = nodeInfo.node().labels();
        for (int i = 0; i < existingAntiKeys.length; i++) {
            String value = nodeLabels.get(existingAntiKeys[i]);
            if (value != null && existingAntiCounts.get(i).getOrDefault(value, 0) > 0) {
                return EXISTING_ANTI;
            }
        }
        if (!satisfiesAffinity(nodeLabels)) {
            return AFFINITY;
        }
        List<PodAffinityTerm> antiTerms = pod.antiAffinityTerms();
        for (int i = 0; i < antiTerms.size(); i++) {
            String key = antiTerms.get(i).topologyKey();
            String value = nodeLabels.get(key);
            if (value != null && antiAffinity.get(key, value) > 0) {
                return ANTI;
            }
        }
        return null;
    }

    private boolean satisfiesAffinity(Labels nodeLabels) {
        List<PodAffinityTerm> terms = pod.affinityTerms();
        if (terms.isEmpty()) {
            return true;
        }
        boolean podsExist = true;
        for (int i = 0; i < terms.size(); i++) {
            String key = terms.get(i).topologyKey();
            String value = nodeLabels.get(key);
            if (value == null) {
                // The node must have every topology key the terms use.
                return false;
            }
            if (affinity.get(key, value) <= 0) {
                podsExist = false;
            }
        }
        if (podsExist) {
            return true;
        }
        // The first pod of a group whose affinity points at itself: allowed when no pod anywhere
        // matches the terms and the pod matches them itself, so such groups can start.
        return affinity.isEmpty() && podMatchesOwnAffinity;
    }
}
