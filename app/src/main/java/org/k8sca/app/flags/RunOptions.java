package org.k8sca.app.flags;

import org.k8sca.app.logging.LogFormat;

import java.time.Duration;
import java.util.List;

/**
 * The effective configuration of {@code run}, after parsing and validating the upstream-compatible
 * flags: immutable, with every value typed (durations as {@link Duration}, {@code <min>:<max>} as
 * {@link MinMax}). Grouped by the part of the autoscaler that reads it. Built by {@link RunFlags}.
 *
 * @param cloudProvider {@code --cloud-provider}; always {@code kamatera}
 * @param cloudConfig {@code --cloud-config}; empty when not given
 */
public record RunOptions(
        String cloudProvider,
        String cloudConfig,
        Kubernetes kubernetes,
        LeaderElection leaderElection,
        Loop loop,
        Limits limits,
        ScaleUp scaleUp,
        ScaleDown scaleDown,
        Logging logging) {

    /**
     * How to reach the Kubernetes API and where to serve metrics and health.
     *
     * @param kubeconfig {@code --kubeconfig}
     * @param kubernetesMaster {@code --kubernetes}
     * @param namespace {@code --namespace}
     * @param kubeClientQps {@code --kube-client-qps}
     * @param kubeClientBurst {@code --kube-client-burst}
     * @param userAgent {@code --user-agent}
     * @param address {@code --address}
     */
    public record Kubernetes(
            String kubeconfig,
            String kubernetesMaster,
            String namespace,
            double kubeClientQps,
            int kubeClientBurst,
            String userAgent,
            String address) {}

    /**
     * Leader election on a Lease, so that only one replica acts.
     *
     * @param enabled {@code --leader-elect}
     * @param leaseDuration {@code --leader-elect-lease-duration}
     * @param renewDeadline {@code --leader-elect-renew-deadline}
     * @param retryPeriod {@code --leader-elect-retry-period}
     * @param resourceLock {@code --leader-elect-resource-lock}
     * @param resourceName {@code --leader-elect-resource-name}
     * @param resourceNamespace {@code --leader-elect-resource-namespace}, or {@code --namespace}
     *     when that is empty
     */
    public record LeaderElection(
            boolean enabled,
            Duration leaseDuration,
            Duration renewDeadline,
            Duration retryPeriod,
            String resourceLock,
            String resourceName,
            String resourceNamespace) {}

    /**
     * The main loop, its status outputs and the health check.
     *
     * @param scanInterval {@code --scan-interval}
     * @param frequentLoopsEnabled {@code --frequent-loops-enabled}
     * @param maxInactivity {@code --max-inactivity}
     * @param maxFailingTime {@code --max-failing-time}
     * @param maxStartupTime {@code --max-startup-time}, raised to at least {@code maxInactivity}
     *     and {@code maxFailingTime} as upstream does
     * @param writeStatusConfigmap {@code --write-status-configmap}
     * @param statusConfigMapName {@code --status-config-map-name}
     * @param recordDuplicatedEvents {@code --record-duplicated-events}
     * @param emitPerNodegroupMetrics {@code --emit-per-nodegroup-metrics}
     * @param debuggingSnapshotEnabled {@code --debugging-snapshot-enabled}
     */
    public record Loop(
            Duration scanInterval,
            boolean frequentLoopsEnabled,
            Duration maxInactivity,
            Duration maxFailingTime,
            Duration maxStartupTime,
            boolean writeStatusConfigmap,
            String statusConfigMapName,
            boolean recordDuplicatedEvents,
            boolean emitPerNodegroupMetrics,
            boolean debuggingSnapshotEnabled) {}

    /**
     * Cluster-wide limits; {@code memoryTotalGib} is in GiB, as the flag is.
     *
     * @param maxNodesTotal {@code --max-nodes-total}
     * @param coresTotal {@code --cores-total}
     * @param memoryTotalGib {@code --memory-total}, in GiB
     */
    public record Limits(int maxNodesTotal, MinMax coresTotal, MinMax memoryTotalGib) {}

    /**
     * Scale-up decisions.
     *
     * @param expander {@code --expander}, split at commas
     * @param estimator {@code --estimator}
     * @param balanceSimilarNodeGroups {@code --balance-similar-node-groups}
     * @param balancingIgnoreLabel {@code --balancing-ignore-label}
     * @param balancingLabel {@code --balancing-label}
     * @param maxAllocatableDifferenceRatio {@code --max-allocatable-difference-ratio}
     * @param maxFreeDifferenceRatio {@code --max-free-difference-ratio}
     * @param memoryDifferenceRatio {@code --memory-difference-ratio}
     * @param maxNodeProvisionTime {@code --max-node-provision-time}
     * @param maxNodeStartupTime {@code --max-node-startup-time}
     * @param maxNodesPerScaleup {@code --max-nodes-per-scaleup}
     * @param maxNodegroupBinpackingDuration {@code --max-nodegroup-binpacking-duration}
     * @param maxBinpackingTime {@code --max-binpacking-time}
     * @param newPodScaleUpDelay {@code --new-pod-scale-up-delay}
     * @param expendablePodsPriorityCutoff {@code --expendable-pods-priority-cutoff}
     * @param scaleUpFromZero {@code --scale-up-from-zero}
     * @param enforceNodeGroupMinSize {@code --enforce-node-group-min-size}
     * @param initialNodeGroupBackoffDuration {@code --initial-node-group-backoff-duration}
     * @param maxNodeGroupBackoffDuration {@code --max-node-group-backoff-duration}
     * @param nodeGroupBackoffResetTimeout {@code --node-group-backoff-reset-timeout}
     * @param maxTotalUnreadyPercentage {@code --max-total-unready-percentage}
     * @param okTotalUnreadyCount {@code --ok-total-unready-count}
     * @param startupTaint {@code --startup-taint}, followed by the deprecated {@code
     *     --ignore-taint}
     * @param startupTaintPrefix {@code --startup-taint-prefix}
     * @param statusTaint {@code --status-taint}
     * @param bypassedSchedulerNames {@code --bypassed-scheduler-names}
     * @param allowedSchedulerNames {@code --allowed-scheduler-names}
     * @param forceDeleteUnregisteredNodes {@code --force-delete-unregistered-nodes}
     * @param forceDeleteFailedNodes {@code --force-delete-failed-nodes}
     * @param predicateParallelism {@code --predicate-parallelism}
     */
    public record ScaleUp(
            List<String> expander,
            String estimator,
            boolean balanceSimilarNodeGroups,
            List<String> balancingIgnoreLabel,
            List<String> balancingLabel,
            double maxAllocatableDifferenceRatio,
            double maxFreeDifferenceRatio,
            double memoryDifferenceRatio,
            Duration maxNodeProvisionTime,
            Duration maxNodeStartupTime,
            int maxNodesPerScaleup,
            Duration maxNodegroupBinpackingDuration,
            Duration maxBinpackingTime,
            Duration newPodScaleUpDelay,
            int expendablePodsPriorityCutoff,
            boolean scaleUpFromZero,
            boolean enforceNodeGroupMinSize,
            Duration initialNodeGroupBackoffDuration,
            Duration maxNodeGroupBackoffDuration,
            Duration nodeGroupBackoffResetTimeout,
            double maxTotalUnreadyPercentage,
            int okTotalUnreadyCount,
            List<String> startupTaint,
            List<String> startupTaintPrefix,
            List<String> statusTaint,
            List<String> bypassedSchedulerNames,
            List<String> allowedSchedulerNames,
            boolean forceDeleteUnregisteredNodes,
            boolean forceDeleteFailedNodes,
            int predicateParallelism) {}

    /**
     * Scale-down decisions and node removal.
     *
     * @param scaleDownEnabled {@code --scale-down-enabled}
     * @param scaleDownUtilizationThreshold {@code --scale-down-utilization-threshold}
     * @param scaleDownUnneededTime {@code --scale-down-unneeded-time}
     * @param scaleDownUnreadyTime {@code --scale-down-unready-time}
     * @param scaleDownUnreadyEnabled {@code --scale-down-unready-enabled}
     * @param scaleDownDelayAfterAdd {@code --scale-down-delay-after-add}
     * @param scaleDownDelayAfterDelete {@code --scale-down-delay-after-delete}
     * @param scaleDownDelayAfterFailure {@code --scale-down-delay-after-failure}
     * @param scaleDownDelayTypeLocal {@code --scale-down-delay-type-local}
     * @param scaleDownNonEmptyCandidatesCount {@code --scale-down-non-empty-candidates-count}
     * @param scaleDownCandidatesPoolRatio {@code --scale-down-candidates-pool-ratio}
     * @param scaleDownCandidatesPoolMinCount {@code --scale-down-candidates-pool-min-count}
     * @param scaleDownSimulationTimeout {@code --scale-down-simulation-timeout}
     * @param unremovableNodeRecheckTimeout {@code --unremovable-node-recheck-timeout}
     * @param maxScaleDownParallelism {@code --max-scale-down-parallelism}
     * @param maxDrainParallelism {@code --max-drain-parallelism}
     * @param maxGracefulTerminationSec {@code --max-graceful-termination-sec}
     * @param drainPriorityConfig {@code --drain-priority-config}, parsed; empty when not given
     * @param maxPodEvictionTime {@code --max-pod-eviction-time}
     * @param nodeDeleteDelayAfterTaint {@code --node-delete-delay-after-taint}
     * @param nodeDeletionDelayTimeout {@code --node-deletion-delay-timeout}
     * @param cordonNodeBeforeTerminating {@code --cordon-node-before-terminating}
     * @param ignoreDaemonsetsUtilization {@code --ignore-daemonsets-utilization}
     * @param ignoreMirrorPodsUtilization {@code --ignore-mirror-pods-utilization}
     * @param skipNodesWithSystemPods {@code --skip-nodes-with-system-pods}
     * @param skipNodesWithLocalStorage {@code --skip-nodes-with-local-storage}
     * @param skipNodesWithCustomControllerPods {@code --skip-nodes-with-custom-controller-pods}
     * @param minReplicaCount {@code --min-replica-count}
     * @param blockingSystemPodDisruptionTimeout {@code --blocking-system-pod-distruption-timeout}
     * @param daemonsetEvictionForEmptyNodes {@code --daemonset-eviction-for-empty-nodes}
     * @param daemonsetEvictionForOccupiedNodes {@code --daemonset-eviction-for-occupied-nodes}
     * @param maxBulkSoftTaintCount {@code --max-bulk-soft-taint-count}
     * @param maxBulkSoftTaintTime {@code --max-bulk-soft-taint-time}
     * @param nodeDeletionCandidateTtl {@code --node-deletion-candidate-ttl}
     * @param deleteNodeObjects {@code --delete-node-objects} (ours)
     */
    public record ScaleDown(
            boolean scaleDownEnabled,
            double scaleDownUtilizationThreshold,
            Duration scaleDownUnneededTime,
            Duration scaleDownUnreadyTime,
            boolean scaleDownUnreadyEnabled,
            Duration scaleDownDelayAfterAdd,
            Duration scaleDownDelayAfterDelete,
            Duration scaleDownDelayAfterFailure,
            boolean scaleDownDelayTypeLocal,
            int scaleDownNonEmptyCandidatesCount,
            double scaleDownCandidatesPoolRatio,
            int scaleDownCandidatesPoolMinCount,
            Duration scaleDownSimulationTimeout,
            Duration unremovableNodeRecheckTimeout,
            int maxScaleDownParallelism,
            int maxDrainParallelism,
            int maxGracefulTerminationSec,
            List<DrainPriority> drainPriorityConfig,
            Duration maxPodEvictionTime,
            Duration nodeDeleteDelayAfterTaint,
            Duration nodeDeletionDelayTimeout,
            boolean cordonNodeBeforeTerminating,
            boolean ignoreDaemonsetsUtilization,
            boolean ignoreMirrorPodsUtilization,
            boolean skipNodesWithSystemPods,
            boolean skipNodesWithLocalStorage,
            boolean skipNodesWithCustomControllerPods,
            int minReplicaCount,
            Duration blockingSystemPodDisruptionTimeout,
            boolean daemonsetEvictionForEmptyNodes,
            boolean daemonsetEvictionForOccupiedNodes,
            int maxBulkSoftTaintCount,
            Duration maxBulkSoftTaintTime,
            Duration nodeDeletionCandidateTtl,
            boolean deleteNodeObjects) {}

    /**
     * Logging.
     *
     * @param verbosity {@code -v} / {@code --v}: klog verbosity, 0 or more
     * @param format {@code --logging-format}
     */
    public record Logging(int verbosity, LogFormat format) {}
}
