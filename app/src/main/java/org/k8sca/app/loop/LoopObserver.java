package org.k8sca.app.loop;

import org.k8sca.app.metrics.AutoscalerMetrics.Function;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.kube.objects.ClusterObjects;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Told what every loop saw and decided, in this order within one loop. The status ConfigMap, the
 * Kubernetes events, the Prometheus metrics and the decision log are observers; the loop calls them
 * in turn and an observer that throws is logged and skipped, never stopping the loop. Observers run
 * on the loop thread: they must be quick and must not block on the network for long.
 */
public interface LoopObserver {

    /** A loop starts; {@code now} is the injected clock's time. */
    default void loopStarted(Instant now) {}

    /** The cluster objects this loop plans with (told once the cloud provider refreshed). */
    default void clusterObjects(ClusterObjects objects) {}

    /** The cluster-state registry was updated (health, readiness, scale-up requests, backoff). */
    default void clusterState(ClusterStatus status, ClusterStateUpdate update) {}

    /** Scale-up was planned; {@code executed} holds the resizes attempted (empty when none). */
    default void scaleUp(ScaleUpResult result, List<IncreaseAttempt> executed) {}

    /** Scale-down was planned (unneeded and unremovable nodes, and what starts now). */
    default void scaleDown(ScaleDownPlan plan) {}

    /** Node deletions (drains) that finished since the last call, successful or not. */
    default void deletionsFinished(List<DeletionResult> finished) {}

    /** Long-unregistered machines this loop deleted (told only when it deleted some). */
    default void unregisteredNodesRemoved(int count) {}

    /** One phase of the loop took {@code took} (on the loop's clock); told as each phase ends. */
    default void phaseTimed(Function phase, Duration took) {}

    /** Node deletions still running as the loop ends; told every loop, failed ones included. */
    default void pendingNodeDeletions(int count) {}

    /** The loop ended, after {@code took}; {@code error} is why it stopped early, if it did. */
    default void loopFinished(Instant started, Duration took, Optional<Throwable> error) {}
}
