package org.k8sca.core.scaleup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The decision for one pending pod.
 *
 * @param podKey {@code namespace/name}
 * @param uid the pod UID
 * @param verdict what was decided
 * @param target the node (FITS_EXISTING_NODE), the node group (FITS_UPCOMING_NODE,
 *     TRIGGERS_SCALE_UP) or empty
 * @param message one line for an event or a log, reading like upstream's, e.g. {@code pod didn't
 *     trigger scale-up: 2 max node group size reached, 1 Insufficient cpu}
 * @param reasonsByGroup for NOT_HELPED and HELPED_LATER: per node group (sorted by id), why it
 *     cannot take the pod; a group that could take it is absent
 */
public record PodOutcome(
        String podKey,
        String uid,
        PodVerdict verdict,
        String target,
        String message,
        Map<String, List<String>> reasonsByGroup) {

    public PodOutcome {
        Objects.requireNonNull(podKey, "podKey");
        Objects.requireNonNull(verdict, "verdict of " + podKey);
        target = target == null ? "" : target;
        message = message == null ? "" : message;
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        if (reasonsByGroup != null) {
            reasonsByGroup.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
        }
        reasonsByGroup = Collections.unmodifiableMap(sorted);
    }

    /**
     * Upstream's aggregated "why not" text: each distinct reason with the number of groups that
     * gave it, sorted, e.g. {@code 2 max node group size reached, 1 Insufficient cpu}.
     */
    public static String aggregate(Map<String, List<String>> reasonsByGroup) {
        Map<String, Integer> counts = new TreeMap<>();
        for (List<String> reasons : reasonsByGroup.values()) {
            for (String r : reasons) {
                counts.merge(r, 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((reason, n) -> parts.add(n + " " + reason));
        Collections.sort(parts);
        return String.join(", ", parts);
    }
}
