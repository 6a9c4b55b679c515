package org.k8sca.core.clusterstate;

import java.util.List;
import java.util.Map;

/**
 * Instances to delete this loop. The two parts share each group's min-size budget (target minus
 * min, unless the matching force flag is set), long-unregistered instances first. The loop deletes
 * {@code unregistered} before its health gate and {@code failed} after it.
 *
 * @param unregistered long-unregistered instances, per group
 * @param failed instances that failed to create, per group
 * @param keptForMinSize group id → how many instances were left alone to stay at min size
 */
public record CleanupPlan(
        List<InstanceDeletion> unregistered,
        List<InstanceDeletion> failed,
        Map<String, Integer> keptForMinSize) {

    public static final CleanupPlan EMPTY = new CleanupPlan(List.of(), List.of(), Map.of());

    public CleanupPlan {
        unregistered = List.copyOf(unregistered);
        failed = List.copyOf(failed);
        keptForMinSize = Map.copyOf(keptForMinSize);
    }

    public boolean isEmpty() {
        return unregistered.isEmpty() && failed.isEmpty();
    }
}
