/**
 * The cluster-state registry: what the autoscaler knows, across loops, about each node group's
 * machines and nodes. Updated once per loop from a {@link org.k8sca.core.clusterstate.ClusterView}
 * (the cloud's groups and instances plus the Kubernetes nodes), it classifies nodes (ready,
 * unready, not started, being deleted, stopped), tracks unregistered instances, scale-up requests
 * and their provision timeouts, per-group backoff, cluster and group health, and wrong target
 * sizes.
 *
 * <p>It never calls the cloud itself: it answers with views ({@code upcomingNodes}, {@code
 * backedOffGroups}), status records for the status ConfigMap, and plans (instances to delete,
 * target sizes to lower) that {@link org.k8sca.core.clusterstate.PlanExecutor} carries out through
 * the SPI in one pass. Time comes from an injected {@link java.time.Clock}; nothing here sleeps.
 */
package org.k8sca.core.clusterstate;
