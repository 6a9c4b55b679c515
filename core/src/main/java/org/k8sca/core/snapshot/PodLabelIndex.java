package org.k8sca.core.snapshot;

import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.Operator;
import org.k8sca.core.labels.Requirement;
import org.k8sca.core.model.Pod;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bound pods by label: key → value → pods. Lets a selector find its candidate pods through its most
 * selective {@code In} or {@code Exists} requirement instead of scanning every pod.
 */
final class PodLabelIndex {

    private final Map<String, Map<String, Map<String, Pod>>> byKeyAndValue = new HashMap<>();
    private final Map<String, Pod> all;

    /**
     * @param all every bound pod by UID, maintained by the snapshot
     */
    PodLabelIndex(Map<String, Pod> all) {
        this.all = all;
    }

    void add(Pod pod) {
        Labels labels = pod.labels();
        for (int i = 0; i < labels.size(); i++) {
            byKeyAndValue
                    .computeIfAbsent(labels.keyAt(i), k -> new HashMap<>())
                    .computeIfAbsent(labels.valueAt(i), v -> new HashMap<>())
                    .put(pod.uid(), pod);
        }
    }

    void remove(Pod pod) {
        Labels labels = pod.labels();
        for (int i = 0; i < labels.size(); i++) {
            Map<String, Map<String, Pod>> byValue = byKeyAndValue.get(labels.keyAt(i));
            Map<String, Pod> pods = byValue.get(labels.valueAt(i));
            pods.remove(pod.uid());
            if (pods.isEmpty()) {
                byValue.remove(labels.valueAt(i));
                if (byValue.isEmpty()) {
                    byKeyAndValue.remove(labels.keyAt(i));
                }
            }
        }
    }

    /**
     * Groups of pods that together hold every bound pod {@code selector} may match (and possibly
     * more; callers still check the selector). Each pod appears in at most one group.
     */
    List<Collection<Pod>> candidates(LabelSelector selector) {
        if (selector.isNothing()) {
            return List.of();
        }
        List<Collection<Pod>> best = null;
        long bestSize = Long.MAX_VALUE;
        for (Requirement r : selector.requirements()) {
            if (r.operator() != Operator.IN && r.operator() != Operator.EXISTS) {
                continue;
            }
            Map<String, Map<String, Pod>> byValue = byKeyAndValue.get(r.key());
            if (byValue == null) {
                return List.of();
            }
            List<Collection<Pod>> groups = new ArrayList<>();
            long size = 0;
            if (r.operator() == Operator.IN) {
                for (String value : r.values()) {
                    Map<String, Pod> pods = byValue.get(value);
                    if (pods != null) {
                        groups.add(pods.values());
                        size += pods.size();
                    }
                }
            } else {
                for (Map<String, Pod> pods : byValue.values()) {
                    groups.add(pods.values());
                    size += pods.size();
                }
            }
            if (size < bestSize) {
                best = groups;
                bestSize = size;
            }
        }
        return best != null ? best : List.of(all.values());
    }

    /** For tests: the number of pods indexed under {@code key=value}. */
    int count(String key, String value) {
        Map<String, Map<String, Pod>> byValue = byKeyAndValue.get(key);
        Map<String, Pod> pods = byValue == null ? null : byValue.get(value);
        return pods == null ? 0 : pods.size();
    }
}
