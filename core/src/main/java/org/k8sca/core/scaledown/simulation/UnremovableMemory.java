package org.k8sca.core.scaledown.simulation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Nodes the simulation found unremovable, remembered until a recheck time so that the expensive
 * simulation does not retry them every loop. Mutable; lives across loops in the planner.
 */
public final class UnremovableMemory {

    /** A remembered result and when to simulate the node again. */
    public record Entry(Unremovable result, Instant recheckAt) {}

    private final Map<String, Entry> byNode = new HashMap<>();

    public void remember(Unremovable result, Instant recheckAt) {
        byNode.put(result.nodeName(), new Entry(result, recheckAt));
    }

    /** The remembered result for {@code node} if its recheck time has not come yet. */
    public Optional<Entry> recent(String node, Instant now) {
        Entry e = byNode.get(node);
        return e != null && now.isBefore(e.recheckAt()) ? Optional.of(e) : Optional.empty();
    }

    /** Drops entries whose recheck time has passed and entries of nodes that are gone. */
    public void prune(Instant now, java.util.Set<String> existingNodes) {
        byNode.entrySet()
                .removeIf(
                        e ->
                                !now.isBefore(e.getValue().recheckAt())
                                        || !existingNodes.contains(e.getKey()));
    }

    public void clear() {
        byNode.clear();
    }
}
