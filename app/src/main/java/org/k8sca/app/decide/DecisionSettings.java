package org.k8sca.app.decide;

import org.k8sca.app.flags.RunOptions;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.cloud.PricingModel;
import org.k8sca.core.clusterstate.ClusterStateConfig;
import org.k8sca.core.expander.ExpanderChain;
import org.k8sca.core.expander.ExpanderDependencies;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.ScaleDownOptions;
import org.k8sca.core.scaledown.drain.DrainRuleOptions;
import org.k8sca.core.scaleup.ScaleUpConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The settings of one planning pass, translated from the command line into the core's own
 * configuration records.
 *
 * @param groupDefaults per-group options before each group's overrides
 * @param clusterState settings of the cluster-state registry (health, backoff, startup taints)
 * @param scaleUp settings of scale-up planning
 * @param scaleDown settings of scale-down planning and actuation
 * @param expander the {@code --expander} chain, comma-separated
 * @param scaleDownEnabled {@code --scale-down-enabled}
 * @param bypassedSchedulerNames {@code --bypassed-scheduler-names}: their pods count for scale-up
 *     even before the scheduler has looked at them
 * @param allowedSchedulerNames {@code --allowed-scheduler-names}: when not empty, only pods of
 *     these schedulers are considered for scale-up
 * @param randomSeed seed of the expanders' random tie-break (fixed in tests and {@code simulate})
 * @param scaleUpFromZero {@code --scale-up-from-zero}: when false, a cluster without nodes or
 *     without Ready nodes is left alone
 * @param enforceNodeGroupMinSize {@code --enforce-node-group-min-size}: raise groups below their
 *     min size even without pending pods
 */
public record DecisionSettings(
        NodeGroupOptions groupDefaults,
        ClusterStateConfig clusterState,
        ScaleUpConfig scaleUp,
        ScaleDownOptions scaleDown,
        String expander,
        boolean scaleDownEnabled,
        Set<String> bypassedSchedulerNames,
        Set<String> allowedSchedulerNames,
        long randomSeed,
        boolean scaleUpFromZero,
        boolean enforceNodeGroupMinSize) {

    /** The upstream Cluster Autoscaler's defaults. */
    public static final DecisionSettings DEFAULTS =
            new DecisionSettings(
                    NodeGroupOptions.UPSTREAM_DEFAULTS,
                    ClusterStateConfig.DEFAULTS,
                    ScaleUpConfig.DEFAULTS,
                    ScaleDownOptions.DEFAULTS,
                    "least-waste",
                    true,
                    Set.of(),
                    Set.of(),
                    1L,
                    true,
                    false);

    public DecisionSettings {
        Objects.requireNonNull(groupDefaults, "groupDefaults");
        Objects.requireNonNull(clusterState, "clusterState");
        Objects.requireNonNull(scaleUp, "scaleUp");
        Objects.requireNonNull(scaleDown, "scaleDown");
        Objects.requireNonNull(expander, "expander");
        bypassedSchedulerNames = Set.copyOf(bypassedSchedulerNames);
        allowedSchedulerNames = Set.copyOf(allowedSchedulerNames);
    }

    /**
     * Checks the syntax of {@link #expander()} (names, order); whether the provider has prices for
     * {@code price} is only known once it runs.
     *
     * @throws IllegalArgumentException naming {@code --expander} and what is wrong
     */
    public void checkExpander() {
        PricingModel anyPrices =
                new PricingModel() {
                    @Override
                    public double nodePrice(Node node, Instant start, Instant end) {
                        return 0;
                    }

                    @Override
                    public double podPrice(Pod pod, Instant start, Instant end) {
                        return 0;
                    }
                };
        ExpanderChain.parse(
                expander,
                new ExpanderDependencies(
                        new Random(randomSeed), () -> null, Optional.of(anyPrices)));
    }

    /** A copy with another scale-down configuration (tests use it to shorten the unneeded time). */
    public DecisionSettings withScaleDown(ScaleDownOptions options) {
        return new DecisionSettings(
                options.groupDefaults(),
                clusterState,
                scaleUp,
                options,
                expander,
                scaleDownEnabled,
                bypassedSchedulerNames,
                allowedSchedulerNames,
                randomSeed,
                scaleUpFromZero,
                enforceNodeGroupMinSize);
    }

    /**
     * The settings {@code run} and {@code simulate} use for these flags.
     *
     * @throws IllegalArgumentException when a value the core checks is out of range, or {@code
     *     --expander} is malformed
     */
    public static DecisionSettings from(RunOptions options, long randomSeed) {
        RunOptions.ScaleUp up = options.scaleUp();
        RunOptions.ScaleDown down = options.scaleDown();
        RunOptions.Limits limits = options.limits();
        NodeGroupOptions groupDefaults =
                new NodeGroupOptions(
                        down.scaleDownUtilizationThreshold(),
                        NodeGroupOptions.UPSTREAM_DEFAULTS.scaleDownGpuUtilizationThreshold(),
                        down.scaleDownUnneededTime(),
                        down.scaleDownUnreadyTime(),
                        up.maxNodeProvisionTime(),
                        up.maxNodeStartupTime(),
                        false,
                        false,
                        down.ignoreDaemonsetsUtilization());
        ClusterStateConfig clusterState =
                new ClusterStateConfig(
                        up.okTotalUnreadyCount(),
                        up.maxTotalUnreadyPercentage(),
                        up.initialNodeGroupBackoffDuration(),
                        up.maxNodeGroupBackoffDuration(),
                        up.nodeGroupBackoffResetTimeout(),
                        new LinkedHashSet<>(up.startupTaint()),
                        up.startupTaintPrefix(),
                        up.forceDeleteUnregisteredNodes(),
                        up.forceDeleteFailedNodes(),
                        groupDefaults);
        ScaleUpConfig scaleUp =
                ScaleUpConfig.DEFAULTS.toBuilder()
                        .expendablePodsPriorityCutoff(up.expendablePodsPriorityCutoff())
                        .newPodScaleUpDelay(up.newPodScaleUpDelay())
                        .maxNodesTotal(limits.maxNodesTotal())
                        .coresTotal(limits.coresTotal().min(), limits.coresTotal().max())
                        .memoryTotalGib(
                                limits.memoryTotalGib().min(), limits.memoryTotalGib().max())
                        .maxNodesPerScaleUp(up.maxNodesPerScaleup())
                        .maxNodeGroupBinpackingDuration(up.maxNodegroupBinpackingDuration())
                        .maxBinpackingTime(up.maxBinpackingTime())
                        .balanceSimilarNodeGroups(up.balanceSimilarNodeGroups())
                        .memoryDifferenceRatio(up.memoryDifferenceRatio())
                        .maxAllocatableDifferenceRatio(up.maxAllocatableDifferenceRatio())
                        .maxFreeDifferenceRatio(up.maxFreeDifferenceRatio())
                        .balancingIgnoreLabels(up.balancingIgnoreLabel())
                        .balancingLabels(up.balancingLabel())
                        .build();
        ScaleDownOptions scaleDown =
                ScaleDownOptions.DEFAULTS.toBuilder()
                        .groupDefaults(groupDefaults)
                        .ignoreMirrorPodsUtilization(down.ignoreMirrorPodsUtilization())
                        .scaleDownUnreadyEnabled(down.scaleDownUnreadyEnabled())
                        .delayAfterAdd(down.scaleDownDelayAfterAdd())
                        .delayAfterDelete(down.scaleDownDelayAfterDelete())
                        .delayAfterFailure(down.scaleDownDelayAfterFailure())
                        .unremovableNodeRecheckTimeout(down.unremovableNodeRecheckTimeout())
                        .simulationTimeout(down.scaleDownSimulationTimeout())
                        .scanInterval(options.loop().scanInterval())
                        .maxScaleDownParallelism(down.maxScaleDownParallelism())
                        .maxDrainParallelism(down.maxDrainParallelism())
                        .drainRules(
                                new DrainRuleOptions(
                                        down.skipNodesWithSystemPods(),
                                        down.skipNodesWithLocalStorage(),
                                        down.skipNodesWithCustomControllerPods(),
                                        down.minReplicaCount(),
                                        down.blockingSystemPodDisruptionTimeout()))
                        .daemonSetEvictionForEmptyNodes(down.daemonsetEvictionForEmptyNodes())
                        .daemonSetEvictionForOccupiedNodes(down.daemonsetEvictionForOccupiedNodes())
                        .maxBulkSoftTaintCount(down.maxBulkSoftTaintCount())
                        .maxBulkSoftTaintTime(down.maxBulkSoftTaintTime())
                        .minCoresTotal(limits.coresTotal().min())
                        .minMemoryGibTotal(limits.memoryTotalGib().min())
                        .maxGracefulTermination(
                                Duration.ofSeconds(down.maxGracefulTerminationSec()))
                        .maxPodEvictionTime(down.maxPodEvictionTime())
                        .nodeDeleteDelayAfterTaint(down.nodeDeleteDelayAfterTaint())
                        .cordonNodeBeforeTerminating(down.cordonNodeBeforeTerminating())
                        .nodeDeletionDelayTimeout(down.nodeDeletionDelayTimeout())
                        .nodeDeletionCandidateTtl(down.nodeDeletionCandidateTtl())
                        .deleteNodeObjects(down.deleteNodeObjects())
                        .build();
        List<String> expander = new ArrayList<>(up.expander());
        DecisionSettings settings =
                new DecisionSettings(
                        groupDefaults,
                        clusterState,
                        scaleUp,
                        scaleDown,
                        String.join(",", expander),
                        down.scaleDownEnabled(),
                        new LinkedHashSet<>(up.bypassedSchedulerNames()),
                        new LinkedHashSet<>(up.allowedSchedulerNames()),
                        randomSeed,
                        up.scaleUpFromZero(),
                        up.enforceNodeGroupMinSize());
        settings.checkExpander();
        return settings;
    }
}
