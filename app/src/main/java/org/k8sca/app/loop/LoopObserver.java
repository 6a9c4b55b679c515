package org.k8sca.app.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.ScaleUpResult;

/**
 * Told what every loop saw and decided, in this order within one loop. The status ConfigMap, the
 * Kubernetes events, the Prometheus metrics and the decision log are observers; the loop calls
 * them in turn and an observer that throws is logged and skipped, never stopping the loop.
 * Observers run on the loop thread: they must be quick and must not block on the network for long.
 */
public interface LoopObserver {

    /** A loop starts; {@code now} is the injected clock's time. */
    default void loopStarted(Instant now) {}

    /** The cluster-state registry was updated (health, readiness, scale-up requests, backoff). */
    default void clusterState(ClusterStatus status, ClusterStateUpdate update) {}

    /** Scale-up was planned; {@code executed} holds the resizes attempted (empty when none). */
    default void scaleUp(ScaleUpResult result, List<IncreaseAttempt> executed) {}

    /** Scale-down was planned (unneeded and unremovable nodes, and what starts now). */
    default void scaleDown(ScaleDownPlan plan) {}

    /** Node deletions (drains) that finished since the last call, successful or not. */
    default void deletionsFinished(List<DeletionResult> finished) {}

    /** The loop ended, after {@code took}; {@code error} is why it stopped early, if it did. */
    default void loopFinished(Instant started, Duration took, Optional<Throwable> error) {}
}
