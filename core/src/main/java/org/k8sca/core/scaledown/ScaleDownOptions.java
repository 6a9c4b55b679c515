package org.k8sca.core.scaledown;

import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.scaledown.drain.DrainRuleOptions;

import java.time.Duration;
import java.util.Objects;

/**
 * The scale-down flags, with the upstream Cluster Autoscaler's defaults ({@link #DEFAULTS}). Build
 * changed copies with {@link #toBuilder()}.
 *
 * @param groupDefaults per-group settings before the groups' own overrides: utilization thresholds,
 *     unneeded and unready times, {@code --ignore-daemonsets-utilization}
 * @param ignoreMirrorPodsUtilization {@code --ignore-mirror-pods-utilization} (false)
 * @param scaleDownUnreadyEnabled {@code --scale-down-unready-enabled} (true)
 * @param delayAfterAdd {@code --scale-down-delay-after-add} (10 min)
 * @param delayAfterDelete {@code --scale-down-delay-after-delete} (0)
 * @param delayAfterFailure {@code --scale-down-delay-after-failure} (3 min)
 * @param unremovableNodeRecheckTimeout {@code --unremovable-node-recheck-timeout} (5 min)
 * @param simulationTimeout {@code --scale-down-simulation-timeout} (30 s)
 * @param scanInterval {@code --scan-interval} (10 s), used to bound how many nodes are worth
 *     finding
 * @param maxScaleDownParallelism {@code --max-scale-down-parallelism} (10)
 * @param maxDrainParallelism {@code --max-drain-parallelism} (1)
 * @param drainRules the skip-nodes flags, {@code --min-replica-count} and the system-pod timeout
 * @param daemonSetEvictionForEmptyNodes {@code --daemonset-eviction-for-empty-nodes} (false)
 * @param daemonSetEvictionForOccupiedNodes {@code --daemonset-eviction-for-occupied-nodes} (true)
 * @param maxBulkSoftTaintCount {@code --max-bulk-soft-taint-count} (10; 0 disables soft taints)
 * @param maxBulkSoftTaintTime {@code --max-bulk-soft-taint-time} (3 s)
 * @param nodeDeletionCandidateTtl {@code --node-deletion-candidate-ttl} (0: timers not recovered)
 * @param minCoresTotal the minimum of {@code --cores-total} (0), in cores
 * @param minMemoryGibTotal the minimum of {@code --memory-total} (0), in GiB
 * @param maxGracefulTermination {@code --max-graceful-termination-sec} (600 s)
 * @param maxPodEvictionTime {@code --max-pod-eviction-time} (2 min)
 * @param nodeDeleteDelayAfterTaint {@code --node-delete-delay-after-taint} (5 s)
 * @param cordonNodeBeforeTerminating {@code --cordon-node-before-terminating} (true)
 * @param deleteNodeObjects {@code --delete-node-objects} (ours; true: delete the Node object after
 *     the server, since Kamatera clusters usually run no cloud controller manager)
 * @param nodeDeletionDelayTimeout {@code --node-deletion-delay-timeout} (2 min): how long the
 *     {@code delay-deletion.cluster-autoscaler.kubernetes.io/*} annotations may hold a deletion
 */
public record ScaleDownOptions(
        NodeGroupOptions groupDefaults,
        boolean ignoreMirrorPodsUtilization,
        boolean scaleDownUnreadyEnabled,
        Duration delayAfterAdd,
        Duration delayAfterDelete,
        Duration delayAfterFailure,
        Duration unremovableNodeRecheckTimeout,
        Duration simulationTimeout,
        Duration scanInterval,
        int maxScaleDownParallelism,
        int maxDrainParallelism,
        DrainRuleOptions drainRules,
        boolean daemonSetEvictionForEmptyNodes,
        boolean daemonSetEvictionForOccupiedNodes,
        int maxBulkSoftTaintCount,
        Duration maxBulkSoftTaintTime,
        Duration nodeDeletionCandidateTtl,
        long minCoresTotal,
        long minMemoryGibTotal,
        Duration maxGracefulTermination,
        Duration maxPodEvictionTime,
        Duration nodeDeleteDelayAfterTaint,
        boolean cordonNodeBeforeTerminating,
        boolean deleteNodeObjects,
        Duration nodeDeletionDelayTimeout) {

    public static final ScaleDownOptions DEFAULTS =
            new ScaleDownOptions(
                    NodeGroupOptions.UPSTREAM_DEFAULTS,
                    false,
                    true,
                    Duration.ofMinutes(10),
                    Duration.ZERO,
                    Duration.ofMinutes(3),
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(10),
                    10,
                    1,
                    DrainRuleOptions.UPSTREAM_DEFAULTS,
                    false,
                    true,
                    10,
                    Duration.ofSeconds(3),
                    Duration.ZERO,
                    0,
                    0,
                    Duration.ofSeconds(600),
                    Duration.ofMinutes(2),
                    Duration.ofSeconds(5),
                    true,
                    true,
                    Duration.ofMinutes(2));

    public ScaleDownOptions {
        Objects.requireNonNull(groupDefaults, "groupDefaults");
        Objects.requireNonNull(drainRules, "drainRules");
        nonNegative("--scale-down-delay-after-add", delayAfterAdd);
        nonNegative("--scale-down-delay-after-delete", delayAfterDelete);
        nonNegative("--scale-down-delay-after-failure", delayAfterFailure);
        nonNegative("--unremovable-node-recheck-timeout", unremovableNodeRecheckTimeout);
        nonNegative("--scale-down-simulation-timeout", simulationTimeout);
        nonNegative("--max-bulk-soft-taint-time", maxBulkSoftTaintTime);
        nonNegative("--node-deletion-candidate-ttl", nodeDeletionCandidateTtl);
        nonNegative("--max-graceful-termination-sec", maxGracefulTermination);
        nonNegative("--max-pod-eviction-time", maxPodEvictionTime);
        nonNegative("--node-delete-delay-after-taint", nodeDeleteDelayAfterTaint);
        nonNegative("--node-deletion-delay-timeout", nodeDeletionDelayTimeout);
        Objects.requireNonNull(scanInterval, "--scan-interval");
        if (scanInterval.isZero() || scanInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "--scan-interval must be positive, got " + scanInterval);
        }
        if (maxScaleDownParallelism < 1) {
            throw new IllegalArgumentException(
                    "--max-scale-down-parallelism must be at least 1, got "
                            + maxScaleDownParallelism);
        }
        if (maxDrainParallelism < 1) {
            throw new IllegalArgumentException(
                    "--max-drain-parallelism must be at least 1, got " + maxDrainParallelism);
        }
        if (maxBulkSoftTaintCount < 0) {
            throw new IllegalArgumentException(
                    "--max-bulk-soft-taint-count must not be negative, got "
                            + maxBulkSoftTaintCount);
        }
        if (minCoresTotal < 0 || minMemoryGibTotal < 0) {
            throw new IllegalArgumentException(
                    "--cores-total and --memory-total minimums must not be negative");
        }
    }

    private static void nonNegative(String flag, Duration d) {
        Objects.requireNonNull(d, flag);
        if (d.isNegative()) {
            throw new IllegalArgumentException(flag + " must not be negative, got " + d);
        }
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a few flags of a copy; unset ones keep their value. */
    public static final class Builder {
        private NodeGroupOptions groupDefaults;
        private boolean ignoreMirrorPodsUtilization;
        private boolean scaleDownUnreadyEnabled;
        private Duration delayAfterAdd;
        private Duration delayAfterDelete;
        private Duration delayAfterFailure;
        private Duration unremovableNodeRecheckTimeout;
        private Duration simulationTimeout;
        private Duration scanInterval;
        private int maxScaleDownParallelism;
        private int maxDrainParallelism;
        private DrainRuleOptions drainRules;
        private boolean daemonSetEvictionForEmptyNodes;
        private boolean daemonSetEvictionForOccupiedNodes;
        private int maxBulkSoftTaintCount;
        private Duration maxBulkSoftTaintTime;
        private Duration nodeDeletionCandidateTtl;
        private long minCoresTotal;
        private long minMemoryGibTotal;
        private Duration maxGracefulTermination;
        private Duration maxPodEvictionTime;
        private Duration nodeDeleteDelayAfterTaint;
        private boolean cordonNodeBeforeTerminating;
        private boolean deleteNodeObjects;
        private Duration nodeDeletionDelayTimeout;

        private Builder(ScaleDownOptions o) {
            groupDefaults = o.groupDefaults;
            ignoreMirrorPodsUtilization = o.ignoreMirrorPodsUtilization;
            scaleDownUnreadyEnabled = o.scaleDownUnreadyEnabled;
            delayAfterAdd = o.delayAfterAdd;
            delayAfterDelete = o.delayAfterDelete;
            delayAfterFailure = o.delayAfterFailure;
            unremovableNodeRecheckTimeout = o.unremovableNodeRecheckTimeout;
            simulationTimeout = o.simulationTimeout;
            scanInterval = o.scanInterval;
            maxScaleDownParallelism = o.maxScaleDownParallelism;
            maxDrainParallelism = o.maxDrainParallelism;
            drainRules = o.drainRules;
            daemonSetEvictionForEmptyNodes = o.daemonSetEvictionForEmptyNodes;
            daemonSetEvictionForOccupiedNodes = o.daemonSetEvictionForOccupiedNodes;
            maxBulkSoftTaintCount = o.maxBulkSoftTaintCount;
            maxBulkSoftTaintTime = o.maxBulkSoftTaintTime;
            nodeDeletionCandidateTtl = o.nodeDeletionCandidateTtl;
            minCoresTotal = o.minCoresTotal;
            minMemoryGibTotal = o.minMemoryGibTotal;
            maxGracefulTermination = o.maxGracefulTermination;
            maxPodEvictionTime = o.maxPodEvictionTime;
            nodeDeleteDelayAfterTaint = o.nodeDeleteDelayAfterTaint;
            cordonNodeBeforeTerminating = o.cordonNodeBeforeTerminating;
            deleteNodeObjects = o.deleteNodeObjects;
            nodeDeletionDelayTimeout = o.nodeDeletionDelayTimeout;
        }

        public Builder groupDefaults(NodeGroupOptions v) {
            groupDefaults = v;
            return this;
        }

        public Builder ignoreMirrorPodsUtilization(boolean v) {
            ignoreMirrorPodsUtilization = v;
            return this;
        }

        public Builder scaleDownUnreadyEnabled(boolean v) {
            scaleDownUnreadyEnabled = v;
            return this;
        }

        public Builder delayAfterAdd(Duration v) {
            delayAfterAdd = v;
            return this;
        }

        public Builder delayAfterDelete(Duration v) {
            delayAfterDelete = v;
            return this;
        }

        public Builder delayAfterFailure(Duration v) {
            delayAfterFailure = v;
            return this;
        }

        public Builder unremovableNodeRecheckTimeout(Duration v) {
            unremovableNodeRecheckTimeout = v;
            return this;
        }

        public Builder simulationTimeout(Duration v) {
            simulationTimeout = v;
            return this;
        }

        public Builder scanInterval(Duration v) {
            scanInterval = v;
            return this;
        }

        public Builder maxScaleDownParallelism(int v) {
            maxScaleDownParallelism = v;
            return this;
        }

        public Builder maxDrainParallelism(int v) {
            maxDrainParallelism = v;
            return this;
        }

        public Builder drainRules(DrainRuleOptions v) {
            drainRules = v;
            return this;
        }

        public Builder daemonSetEvictionForEmptyNodes(boolean v) {
            daemonSetEvictionForEmptyNodes = v;
            return this;
        }

        public Builder daemonSetEvictionForOccupiedNodes(boolean v) {
            daemonSetEvictionForOccupiedNodes = v;
            return this;
        }

        public Builder maxBulkSoftTaintCount(int v) {
            maxBulkSoftTaintCount = v;
            return this;
        }

        public Builder maxBulkSoftTaintTime(Duration v) {
            maxBulkSoftTaintTime = v;
            return this;
        }

        public Builder nodeDeletionCandidateTtl(Duration v) {
            nodeDeletionCandidateTtl = v;
            return this;
        }

        public Builder minCoresTotal(long v) {
            minCoresTotal = v;
            return this;
        }

        public Builder minMemoryGibTotal(long v) {
            minMemoryGibTotal = v;
            return this;
        }

        public Builder maxGracefulTermination(Duration v) {
            maxGracefulTermination = v;
            return this;
        }

        public Builder maxPodEvictionTime(Duration v) {
            maxPodEvictionTime = v;
            return this;
        }

        public Builder nodeDeleteDelayAfterTaint(Duration v) {
            nodeDeleteDelayAfterTaint = v;
            return this;
        }

        public Builder cordonNodeBeforeTerminating(boolean v) {
            cordonNodeBeforeTerminating = v;
            return this;
        }

        public Builder deleteNodeObjects(boolean v) {
            deleteNodeObjects = v;
            return this;
        }

        public Builder nodeDeletionDelayTimeout(Duration v) {
            nodeDeletionDelayTimeout = v;
            return this;
        }

        public ScaleDownOptions build() {
            return new ScaleDownOptions(
                    groupDefaults,
                    ignoreMirrorPodsUtilization,
                    scaleDownUnreadyEnabled,
                    delayAfterAdd,
                    delayAfterDelete,
                    delayAfterFailure,
                    unremovableNodeRecheckTimeout,
                    simulationTimeout,
                    scanInterval,
                    maxScaleDownParallelism,
                    maxDrainParallelism,
                    drainRules,
                    daemonSetEvictionForEmptyNodes,
                    daemonSetEvictionForOccupiedNodes,
                    maxBulkSoftTaintCount,
                    maxBulkSoftTaintTime,
                    nodeDeletionCandidateTtl,
                    minCoresTotal,
                    minMemoryGibTotal,
                    maxGracefulTermination,
                    maxPodEvictionTime,
                    nodeDeleteDelayAfterTaint,
                    cordonNodeBeforeTerminating,
                    deleteNodeObjects,
                    nodeDeletionDelayTimeout);
        }
    }
}
