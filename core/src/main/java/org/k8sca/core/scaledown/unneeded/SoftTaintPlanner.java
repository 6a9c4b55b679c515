package org.k8sca.core.scaledown.unneeded;

import org.k8sca.core.model.Node;
import org.k8sca.core.scaledown.taints.ScaleDownTaints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans the soft taints. Untainting comes first, since a node that is needed again should be usable
 * soon; both share the per-loop budget {@code --max-bulk-soft-taint-count} (0 disables soft
 * tainting). The taint's value is the time the node became unneeded, which is what restart recovery
 * reads back. The time budget ({@code --max-bulk-soft-taint-time}) is for whoever applies the plan.
 */
public final class SoftTaintPlanner {

    private SoftTaintPlanner() {}

    /**
     * @param nodes all nodes of the cluster
     * @param timers the unneeded timers after this loop's update
     * @param maxCount {@code --max-bulk-soft-taint-count}
     */
    public static SoftTaintPlan plan(Collection<Node> nodes, UnneededTimers timers, int maxCount) {
        if (maxCount <= 0) {
            return SoftTaintPlan.NONE;
        }
        List<Node> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparing(Node::name));
        int budget = maxCount;
        List<String> untaint = new ArrayList<>();
        for (Node node : sorted) {
            if (budget > 0
                    && ScaleDownTaints.has(node, ScaleDownTaints.DELETION_CANDIDATE)
                    && !timers.contains(node.name())) {
                untaint.add(node.name());
                budget--;
            }
        }
        Map<String, Instant> taint = new LinkedHashMap<>();
        for (Node node : sorted) {
            Optional<Instant> since = timers.since(node.name());
            if (budget > 0
                    && since.isPresent()
                    && !ScaleDownTaints.has(node, ScaleDownTaints.DELETION_CANDIDATE)) {
                taint.put(node.name(), since.get());
                budget--;
            }
        }
        return new SoftTaintPlan(taint, untaint);
    }
}
