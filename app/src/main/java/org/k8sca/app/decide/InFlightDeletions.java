package org.k8sca.app.decide;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The node deletions the actuator has in flight when a pass starts: those nodes are neither
 * scale-down candidates nor destinations, and they use up the parallelism budgets.
 *
 * @param nodes names of the nodes being deleted
 * @param emptyCount how many of them are empty-node deletions
 * @param drainCount how many of them are drains
 * @param perGroup node group id → deletions in flight in that group
 */
public record InFlightDeletions(
        Set<String> nodes, int emptyCount, int drainCount, Map<String, Integer> perGroup) {

    public static final InFlightDeletions NONE = new InFlightDeletions(Set.of(), 0, 0, Map.of());

    public InFlightDeletions {
        nodes = Set.copyOf(Objects.requireNonNull(nodes, "nodes"));
        perGroup = Map.copyOf(Objects.requireNonNull(perGroup, "perGroup"));
        if (emptyCount < 0 || drainCount < 0) {
            throw new IllegalArgumentException(
                    "deletions in flight must not be negative, got empty "
                            + emptyCount
                            + " and drain "
                            + drainCount);
        }
    }
}
