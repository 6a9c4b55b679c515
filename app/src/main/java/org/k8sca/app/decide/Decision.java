package org.k8sca.app.decide;

import org.k8sca.core.clusterstate.CleanupPlan;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.clusterstate.TargetSizeCorrection;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.template.GroupTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one planning pass decided; nothing of it has been carried out.
 *
 * <p>The order of execution is upstream's (spec autoscaler-core.md §1.3): {@code
 * stateUpdate.reverts()} and {@code cleanup.unregistered()} always; then, only when {@code
 * healthy}, {@code cleanup.failed()}; then {@code wrongSize} (and nothing else when it is not
 * empty); then the scale-up and the scale-down.
 *
 * @param at the clock's time when the pass started
 * @param status the cluster-state registry's status after this pass's update (status ConfigMap)
 * @param stateUpdate events of the update (scale-ups completed, timed out or failed) and the target
 *     reverts of timed-out scale-ups
 * @param cleanup long-unregistered and failed instances to delete
 * @param wrongSize target corrections of groups stuck above their real size
 * @param healthy whether the cluster passed the health gate
 * @param unhealthyReason why it did not, or empty
 * @param stopReason why the pass planned no scale-up nor scale-down (unhealthy cluster, target
 *     corrections pending), or empty when it planned both
 * @param templates each node group's template as this pass saw it
 * @param scaleUp the scale-up plan, or empty when the pass stopped before it
 * @param scaleDown the scale-down plan, or empty when the pass stopped before it or scale-down is
 *     disabled
 * @param minSizeIncreases with {@code --enforce-node-group-min-size}: groups below their min size
 *     (not in backoff, not unhealthy, not grown by {@code scaleUp}) raised to it; carried out after
 *     the scale-up
 */
public record Decision(
        Instant at,
        ClusterStatus status,
        ClusterStateUpdate stateUpdate,
        CleanupPlan cleanup,
        List<TargetSizeCorrection> wrongSize,
        boolean healthy,
        Optional<String> unhealthyReason,
        Optional<String> stopReason,
        Map<String, GroupTemplate> templates,
        Optional<ScaleUpResult> scaleUp,
        Optional<ScaleDownPlan> scaleDown,
        List<GroupIncrease> minSizeIncreases) {

    public Decision {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stateUpdate, "stateUpdate");
        Objects.requireNonNull(cleanup, "cleanup");
        wrongSize = List.copyOf(wrongSize);
        Objects.requireNonNull(unhealthyReason, "unhealthyReason");
        Objects.requireNonNull(stopReason, "stopReason");
        templates = Map.copyOf(templates);
        Objects.requireNonNull(scaleUp, "scaleUp");
        Objects.requireNonNull(scaleDown, "scaleDown");
        minSizeIncreases = List.copyOf(minSizeIncreases);
    }
}
