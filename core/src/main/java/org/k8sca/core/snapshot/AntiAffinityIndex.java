package org.k8sca.core.snapshot;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The required anti-affinity terms of bound pods, each with the number of pods that carry it per
 * topology domain of their node. Pods of one Deployment share equal terms, so a new pod checks each
 * distinct term once instead of every pod that has one.
 */
final class AntiAffinityIndex {

    private final Map<PodAffinityTerm, Map<String, Integer>> countsByTerm = new HashMap<>();

    void add(Pod pod, Node node) {
        update(pod, node, 1);
    }

    void remove(Pod pod, Node node) {
        update(pod, node, -1);
    }

    private void update(Pod pod, Node node, int delta) {
        for (PodAffinityTerm term : pod.antiAffinityTerms()) {
            String value = node.labels().get(term.topologyKey());
            if (value == null) {
                // The scheduler ignores a term whose topology key the node lacks.
                continue;
            }
            Map<String, Integer> byValue = countsByTerm.computeIfAbsent(term, t -> new HashMap<>());
            int updated = byValue.getOrDefault(value, 0) + delta;
            if (updated == 0) {
                byValue.remove(value);
                if (byValue.isEmpty()) {
                    countsByTerm.remove(term);
                }
            } else {
                byValue.put(value, updated);
            }
        }
    }

    /** Each distinct term with its pod count per value of the term's topology key. */
    Map<PodAffinityTerm, Map<String, Integer>> countsByTerm() {
        return Collections.unmodifiableMap(countsByTerm);
    }
}
