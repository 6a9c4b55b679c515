package org.k8sca.core.scaledown.selection;

import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaledown.simulation.NodeRemoval;

import java.util.List;
import java.util.Map;

/**
 * The nodes to delete now, and why the other unneeded nodes wait.
 *
 * @param empty nodes with nothing to reschedule, deleted without a drain
 * @param drain nodes to drain, risky ones (PDB-limited) last
 * @param kept unneeded nodes that may not go yet, with the reason and a sentence of detail
 * @param deferred unneeded nodes that qualify but did not fit in the parallelism budget
 */
public record Selection(
        List<NodeRemoval> empty,
        List<NodeRemoval> drain,
        Map<String, Kept> kept,
        List<String> deferred) {

    /** A reason to keep an unneeded node for now. */
    public record Kept(UnremovableReason reason, String detail) {}

    public Selection {
        empty = List.copyOf(empty);
        drain = List.copyOf(drain);
        kept = Map.copyOf(kept);
        deferred = List.copyOf(deferred);
    }
}
