package org.k8sca.app.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.k8sca.core.clusterstate.NodeCounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The upstream Cluster Autoscaler's metrics, all prefixed {@code cluster_autoscaler_}, with its
 * names, types, label names and label values. Each method sets or adds to one metric; the {@link
 * org.k8sca.app.observe.MetricsObserver} calls them from what each loop reports, and the main loop
 * and cluster operations call the rest directly (phase timings, evictions, resources). Thread-safe.
 *
 * <p>The upstream counter {@code old_unregistered_nodes_removed_count} is exposed with type gauge:
 * the Prometheus Java client insists that counters end in {@code _total}, and keeping upstream's
 * exact name matters more for dashboards than the TYPE line ({@code rate()} works on either).
 * Upstream's {@code skipped_scale_events_count} is not provided: the planners report a scale cut by
 * {@code --cores-total}/{@code --memory-total} only in words, so it could not be fed honestly.
 */
public final class AutoscalerMetrics {

    public static final String PREFIX = "cluster_autoscaler_";

    /** Activities of {@code last_activity}. */
    public enum Activity {
        MAIN("main"),
        MAIN_SUCCESSFUL("mainSuccessful"),
        AUTOSCALING("autoscaling"),
        SCALE_UP("scaleUp"),
        SCALE_DOWN("scaleDown");

        private final String label;

        Activity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Phases of {@code function_duration_seconds}, with upstream's label values. */
    public enum Function {
        MAIN("main"),
        UPDATE_CLUSTER_STATE("updateClusterState"),
        CLOUD_PROVIDER_REFRESH("cloudProviderRefresh"),
        FILTER_OUT_SCHEDULABLE("filterOutSchedulable"),
        SCALE_UP("scaleUp"),
        SCALE_UP_BUILD_POD_EQUIVALENCE_GROUPS("scaleUp:buildPodEquivalenceGroups"),
        SCALE_UP_ESTIMATE("scaleUp:estimate"),
        FIND_UNNEEDED("findUnneeded"),
        SCALE_DOWN("scaleDown"),
        SCALE_DOWN_NODE_DELETION("scaleDown:nodeDeletion"),
        SCALE_DOWN_SOFT_TAINT_UNNEEDED("scaleDown:softTaintUnneeded"),
        LOOP_WAIT("loopWait"),
        POLL("poll"),
        /**
         * Ours: the whole planning pass (cluster state, filtering, scale-up estimation, finding
         * unneeded nodes), which runs as one step here, so upstream's separate labels cannot be
         * timed.
         */
        DECIDE("decide"),
        /**
         * Ours: the time the loop spent telling its observers (status ConfigMap, events, metrics).
         */
        OBSERVERS("observers");

        private final String label;

        Function(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Values of {@code errors_total{type}}. */
    public enum ErrorType {
        CLOUD_PROVIDER_ERROR("cloudProviderError"),
        API_CALL_ERROR("apiCallError"),
        INTERNAL_ERROR("internalError"),
        TRANSIENT_ERROR("transientError"),
        CONFIGURATION_ERROR("configurationError"),
        NODE_GROUP_DOES_NOT_EXIST_ERROR("nodeGroupDoesNotExistError");

        private final String label;

        ErrorType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code function_duration_seconds} buckets: 150 exponential buckets from 0.1 s to 1800 s. */
    public static final double[] FUNCTION_DURATION_BUCKETS = exponentialRange(0.1, 1800, 150);

    private final PrometheusRegistry registry;

    private final Gauge clusterSafeToAutoscale;
    private final Gauge nodesCount;
    private final Gauge nodeGroupsCount;
    private final Gauge unschedulablePodsCount;
    private final Gauge maxNodesCount;
    private final Gauge clusterCpuCurrentCores;
    private final Gauge clusterMemoryCurrentBytes;
    private final Gauge cpuLimitsCores;
    private final Gauge memoryLimitsBytes;
    private final Gauge nodeGroupMinCount;
    private final Gauge nodeGroupMaxCount;
    private final Gauge nodeGroupTargetCount;
    private final Gauge nodeGroupHealthiness;
    private final Gauge nodeGroupBackoffStatus;
    private final Gauge lastActivity;
    private final Histogram functionDuration;
    private final Summary functionDurationQuantile;
    private final Gauge pendingNodeDeletions;
    private final Counter errors;
    private final Counter scaledUpNodes;
    private final Counter failedScaleUps;
    private final Counter failedNodeCreations;
    private final Counter scaledDownNodes;
    private final Counter evictedPods;
    private final Gauge unneededNodesCount;
    private final Gauge unremovableNodesCount;
    private final Gauge scaleDownInCooldown;
    private final Gauge oldUnregisteredNodesRemoved;
    private final Gauge overflowingControllersCount;
    private final Gauge nodeTaintsCount;

    public AutoscalerMetrics(PrometheusRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        clusterSafeToAutoscale =
                gauge(
                        "cluster_safe_to_autoscale",
                        "Whether or not cluster is healthy enough for autoscaling. 1 if it is, 0"
                                + " otherwise.");
        nodesCount = gauge("nodes_count", "Number of nodes in cluster.", "state");
        nodeGroupsCount =
                gauge(
                        "node_groups_count",
                        "Number of node groups managed by CA.",
                        "node_group_type");
        unschedulablePodsCount =
                gauge(
                        "unschedulable_pods_count",
                        "Number of unschedulable pods in the cluster.",
                        "type");
        maxNodesCount = gauge("max_nodes_count", "Maximum number of nodes in all node groups");
        clusterCpuCurrentCores =
                gauge(
                        "cluster_cpu_current_cores",
                        "Current number of cores in the cluster, minus deleting nodes.");
        clusterMemoryCurrentBytes =
                gauge(
                        "cluster_memory_current_bytes",
                        "Current number of bytes of memory in the cluster, minus deleting nodes.");
        cpuLimitsCores =
                gauge(
                        "cpu_limits_cores",
                        "Minimum and maximum number of cores in the cluster.",
                        "direction");
        memoryLimitsBytes =
                gauge(
                        "memory_limits_bytes",
                        "Minimum and maximum number of bytes of memory in cluster.",
                        "direction");
        nodeGroupMinCount =
                gauge(
                        "node_group_min_count",
                        "Minimum number of nodes in the node group",
                        "node_group");
        nodeGroupMaxCount =
                gauge(
                        "node_group_max_count",
                        "Maximum number of nodes in the node group",
                        "node_group");
        nodeGroupTargetCount =
                gauge(
                        "node_group_target_count",
                        "Target number of nodes in the node group by CA.",
                        "node_group");
        nodeGroupHealthiness =
                gauge(
                        "node_group_healthiness",
                        "Whether or not node group is healthy enough for autoscaling. 1 if it is, 0"
                                + " otherwise.",
                        "node_group");
        nodeGroupBackoffStatus =
                gauge(
                        "node_group_backoff_status",
                        "Whether or not node group is backoff for not autoscaling. 1 if it is, 0"
                                + " otherwise.",
                        "node_group",
                        "reason");
        lastActivity =
                gauge("last_activity", "Last time certain part of CA logic executed.", "activity");
        functionDuration =
                Histogram.builder()
                        .name(PREFIX + "function_duration_seconds")
                        .help("Time taken by various parts of CA main loop.")
                        .labelNames("function")
                        .classicOnly()
                        .classicUpperBounds(FUNCTION_DURATION_BUCKETS)
                        .register(registry);
        functionDurationQuantile =
                Summary.builder()
                        .name(PREFIX + "function_duration_quantile_seconds")
                        .help("Quantiles of time taken by various parts of CA main loop.")
                        .labelNames("function")
                        .quantile(0.5, 0.05)
                        .quantile(0.9, 0.01)
                        .quantile(0.99, 0.001)
                        .maxAgeSeconds(3600)
                        .register(registry);
        pendingNodeDeletions =
                gauge(
                        "pending_node_deletions",
                        "Number of nodes that haven't been removed or aborted after finished"
                                + " scale-down phase.");
        errors = counter("errors_total", "The number of CA loops failed due to an error.", "type");
        scaledUpNodes =
                counter(
                        "scaled_up_nodes_total",
                        "Number of nodes added by CA.",
                        "gpu_resource_name",
                        "gpu_name",
                        "dra_drivers");
        failedScaleUps =
                counter(
                        "failed_scale_ups_total",
                        "Number of times scale-up operation has failed.",
                        "reason",
                        "gpu_resource_name",
                        "gpu_name",
                        "dra_drivers");
        failedNodeCreations =
                counter(
                        "failed_node_creations_total",
                        "Number of nodes that Cluster Autoscaler failed to create.",
                        "reason");
        scaledDownNodes =
                counter(
                        "scaled_down_nodes_total",
                        "Number of nodes removed by CA.",
                        "reason",
                        "gpu_resource_name",
                        "gpu_name",
                        "dra_drivers");
        evictedPods =
                counter("evicted_pods_total", "Number of pods evicted by CA", "eviction_result");
        unneededNodesCount =
                gauge(
                        "unneeded_nodes_count",
                        "Number of nodes currently considered unneeded by CA.");
        unremovableNodesCount =
                gauge(
                        "unremovable_nodes_count",
                        "Number of nodes currently considered unremovable by CA.",
                        "reason");
        scaleDownInCooldown =
                gauge(
                        "scale_down_in_cooldown",
                        "Whether or not the scale down is in cooldown. 1 if its, 0 otherwise.");
        oldUnregisteredNodesRemoved =
                gauge(
                        "old_unregistered_nodes_removed_count",
                        "Number of unregistered nodes removed by CA.");
        overflowingControllersCount =
                gauge(
                        "overflowing_controllers_count",
                        "Number of controllers that own a large set of heterogenous pods,"
                                + " preventing CA from treating these pods as equivalent.");
        nodeTaintsCount =
                gauge(
                        "node_taints_count",
                        "Number of taints per type used in the cluster.",
                        "type");
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    // --- Cluster state ---

    public void clusterSafeToAutoscale(boolean safe) {
        clusterSafeToAutoscale.set(safe ? 1 : 0);
    }

    /** {@code nodes_count{state}}; warm-pool nodes powered off count as {@code suspended}. */
    public void nodesCount(NodeCounts c) {
        nodesCount.labelValues("ready").set(c.ready());
        nodesCount.labelValues("unready").set(c.unready());
        nodesCount.labelValues("notStarted").set(c.notStarted());
        nodesCount.labelValues("suspended").set(c.stopped());
        nodesCount.labelValues("longUnregistered").set(c.longUnregistered());
        nodesCount.labelValues("unregistered").set(c.unregistered());
    }

    /** {@code node_groups_count}: we never auto-provision groups, so that count stays 0. */
    public void nodeGroupsCount(int autoscaled) {
        nodeGroupsCount.labelValues("autoscaled").set(autoscaled);
        nodeGroupsCount.labelValues("autoprovisioned").set(0);
    }

    public void unschedulablePodsCount(int unschedulable, int schedulerUnprocessed) {
        unschedulablePodsCount.labelValues("unschedulable").set(unschedulable);
        unschedulablePodsCount.labelValues("scheduler_unprocessed").set(schedulerUnprocessed);
    }

    public void maxNodesCount(long max) {
        maxNodesCount.set(max);
    }

    /** Cluster totals, excluding nodes being deleted. */
    public void clusterResources(double cores, double memoryBytes) {
        clusterCpuCurrentCores.set(cores);
        clusterMemoryCurrentBytes.set(memoryBytes);
    }

    /** {@code --cores-total} and {@code --memory-total}, memory in bytes. */
    public void resourceLimits(
            double minCores, double maxCores, double minMemoryBytes, double maxMemoryBytes) {
        cpuLimitsCores.labelValues("minimum").set(minCores);
        cpuLimitsCores.labelValues("maximum").set(maxCores);
        memoryLimitsBytes.labelValues("minimum").set(minMemoryBytes);
        memoryLimitsBytes.labelValues("maximum").set(maxMemoryBytes);
    }

    /** The per-group gauges ({@code --emit-per-nodegroup-metrics}). */
    public void nodeGroup(String group, int min, int max, int target, boolean healthy) {
        nodeGroupMinCount.labelValues(group).set(min);
        nodeGroupMaxCount.labelValues(group).set(max);
        nodeGroupTargetCount.labelValues(group).set(target);
        nodeGroupHealthiness.labelValues(group).set(healthy ? 1 : 0);
    }

    /**
     * {@code node_group_backoff_status{node_group, reason}}: 1 while backed off for that reason,
     * else 0.
     */
    public void nodeGroupBackoff(String group, String reason, boolean backedOff) {
        nodeGroupBackoffStatus.labelValues(group, reason).set(backedOff ? 1 : 0);
    }

    /** Drops every per-group series of a group that no longer exists. */
    public void removeNodeGroup(String group) {
        nodeGroupMinCount.remove(group);
        nodeGroupMaxCount.remove(group);
        nodeGroupTargetCount.remove(group);
        nodeGroupHealthiness.remove(group);
        nodeGroupBackoffStatus.removeIf(labels -> labels.get(0).equals(group));
    }

    // --- Loop ---

    public void lastActivity(Activity activity, Instant at) {
        lastActivity.labelValues(activity.label()).set(at.getEpochSecond() + at.getNano() / 1e9);
    }

    public void functionDuration(Function function, Duration took) {
        double seconds = took.toNanos() / 1e9;
        functionDuration.labelValues(function.label()).observe(seconds);
        functionDurationQuantile.labelValues(function.label()).observe(seconds);
    }

    public void error(ErrorType type) {
        errors.labelValues(type.label()).inc();
    }

    // --- Scale-up ---

    public void scaledUpNodes(int nodes) {
        scaledUpNodes.labelValues("", "", "").inc(nodes);
    }

    /** One failed scale-up operation, e.g. reason {@code cloudProviderError} or {@code timeout}. */
    public void failedScaleUp(String reason) {
        failedScaleUps.labelValues(reason, "", "", "").inc();
    }

    public void failedNodeCreations(String reason, int nodes) {
        failedNodeCreations.labelValues(reason).inc(nodes);
    }

    public void overflowingControllers(int count) {
        overflowingControllersCount.set(count);
    }

    // --- Scale-down ---

    /** {@code reason}: {@code empty}, {@code underutilized} or {@code unready}. */
    public void scaledDownNode(String reason) {
        scaledDownNodes.labelValues(reason, "", "", "").inc();
    }

    public void evictedPod(boolean succeeded) {
        evictedPods.labelValues(succeeded ? "succeeded" : "failed").inc();
    }

    public void unneededNodes(int count) {
        unneededNodesCount.set(count);
    }

    /** Sets {@code unremovable_nodes_count{reason}}; call with every reason, 0 included. */
    public void unremovableNodes(String reason, int count) {
        unremovableNodesCount.labelValues(reason).set(count);
    }

    public void scaleDownInCooldown(boolean inCooldown) {
        scaleDownInCooldown.set(inCooldown ? 1 : 0);
    }

    public void pendingNodeDeletions(int count) {
        pendingNodeDeletions.set(count);
    }

    public void oldUnregisteredNodesRemoved(int count) {
        oldUnregisteredNodesRemoved.inc(count);
    }

    /**
     * {@code type}: a known taint key, {@code startup-taint}, {@code status-taint} or {@code
     * other}.
     */
    public void nodeTaints(String type, int count) {
        nodeTaintsCount.labelValues(type).set(count);
    }

    private Gauge gauge(String name, String help, String... labels) {
        return Gauge.builder().name(PREFIX + name).help(help).labelNames(labels).register(registry);
    }

    private Counter counter(String name, String help, String... labels) {
        return Counter.builder()
                .name(PREFIX + name)
                .help(help)
                .labelNames(labels)
                .register(registry);
    }

    /**
     * Go's {@code ExponentialBucketsRange}: {@code count} bounds from {@code min} to {@code max}.
     */
    static double[] exponentialRange(double min, double max, int count) {
        double factor = Math.pow(max / min, 1.0 / (count - 1));
        double[] bounds = new double[count];
        for (int i = 0; i < count; i++) {
            bounds[i] = min * Math.pow(factor, i);
        }
        bounds[count - 1] = max; // exact, whatever the rounding of the powers
        return bounds;
    }
}
