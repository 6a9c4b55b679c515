package org.k8sca.core.scaledown.simulation;

import java.util.List;

/**
 * The outcome of one simulation pass.
 *
 * @param removable nodes that can all be removed together, in the order they were found
 * @param unremovable nodes with a pod that blocks or fits nowhere
 * @param notEvaluated candidates skipped because the time budget or the node limit ran out
 * @param timedOut whether the time budget ran out
 */
public record SimulationResult(
        List<NodeRemoval> removable,
        List<Unremovable> unremovable,
        List<String> notEvaluated,
        boolean timedOut) {

    public SimulationResult {
        removable = List.copyOf(removable);
        unremovable = List.copyOf(unremovable);
        notEvaluated = List.copyOf(notEvaluated);
    }
}
