package org.k8sca.core.scaleup;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The command-line settings scale-up planning uses, with the upstream defaults ({@link #DEFAULTS}).
 * Build changed copies with {@link #toBuilder()}.
 *
 * @param expendablePodsPriorityCutoff {@code --expendable-pods-priority-cutoff}: pods below this
 *     priority never trigger a scale-up
 * @param newPodScaleUpDelay {@code --new-pod-scale-up-delay}: pods younger than this wait
 * @param batchingWindow the oldest pending pod must be at least this old before a scale-up, so that
 *     pods created together are planned together (upstream: 2 s)
 * @param gpuBatchingWindow the same when a pending pod asks for GPUs (upstream: 30 s)
 * @param maxNodesTotal {@code --max-nodes-total}, 0 for no limit
 * @param coresTotalMin lower half of {@code --cores-total} (kept for scale-down)
 * @param coresTotalMax upper half of {@code --cores-total}, in cores
 * @param memoryTotalMinGib lower half of {@code --memory-total} (kept for scale-down)
 * @param memoryTotalMaxGib upper half of {@code --memory-total}, in GiB
 * @param maxNodesPerScaleUp {@code --max-nodes-per-scaleup}
 * @param maxNodeGroupBinpackingDuration {@code --max-nodegroup-binpacking-duration}
 * @param maxBinpackingTime {@code --max-binpacking-time}: all groups together
 * @param maxSchedulableFilterDuration time budget for fitting pending pods on existing and upcoming
 *     nodes (upstream's {@code --pending-pods-batching-timeout})
 * @param balanceSimilarNodeGroups {@code --balance-similar-node-groups}
 * @param memoryDifferenceRatio {@code --memory-difference-ratio}
 * @param maxAllocatableDifferenceRatio {@code --max-allocatable-difference-ratio}
 * @param maxFreeDifferenceRatio {@code --max-free-difference-ratio}
 * @param balancingIgnoreLabels {@code --balancing-ignore-label}
 * @param balancingLabels {@code --balancing-label}: when set, only these labels are compared
 */
public record ScaleUpConfig(
        int expendablePodsPriorityCutoff,
        Duration newPodScaleUpDelay,
        Duration batchingWindow,
        Duration gpuBatchingWindow,
        int maxNodesTotal,
        long coresTotalMin,
        long coresTotalMax,
        long memoryTotalMinGib,
        long memoryTotalMaxGib,
        int maxNodesPerScaleUp,
        Duration maxNodeGroupBinpackingDuration,
        Duration maxBinpackingTime,
        Duration maxSchedulableFilterDuration,
        boolean balanceSimilarNodeGroups,
        double memoryDifferenceRatio,
        double maxAllocatableDifferenceRatio,
        double maxFreeDifferenceRatio,
        List<String> balancingIgnoreLabels,
        List<String> balancingLabels) {

    public static final ScaleUpConfig DEFAULTS =
            new ScaleUpConfig(
                    -10,
                    Duration.ZERO,
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(30),
                    0,
                    0,
                    320_000,
                    0,
                    6_400_000,
                    1000,
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(4),
                    false,
                    0.015,
                    0.05,
                    0.05,
                    List.of(),
                    List.of());

    public ScaleUpConfig {
        nonNegative("--new-pod-scale-up-delay", newPodScaleUpDelay);
        nonNegative("batching window", batchingWindow);
        nonNegative("GPU batching window", gpuBatchingWindow);
        nonNegative("--max-nodegroup-binpacking-duration", maxNodeGroupBinpackingDuration);
        nonNegative("--max-binpacking-time", maxBinpackingTime);
        nonNegative("pending pods filter duration", maxSchedulableFilterDuration);
        if (maxNodesTotal < 0) {
            throw new IllegalArgumentException(
                    "--max-nodes-total must be 0 (no limit) or more, got " + maxNodesTotal);
        }
        if (coresTotalMin < 0 || coresTotalMax < coresTotalMin) {
            throw new IllegalArgumentException(
                    "--cores-total must be min:max with 0 <= min <= max, got "
                            + coresTotalMin
                            + ":"
                            + coresTotalMax);
        }
        if (memoryTotalMinGib < 0 || memoryTotalMaxGib < memoryTotalMinGib) {
            throw new IllegalArgumentException(
                    "--memory-total must be min:max with 0 <= min <= max, got "
                            + memoryTotalMinGib
                            + ":"
                            + memoryTotalMaxGib);
        }
        if (maxNodesPerScaleUp < 0) {
            throw new IllegalArgumentException(
                    "--max-nodes-per-scaleup must not be negative, got " + maxNodesPerScaleUp);
        }
        ratio("--memory-difference-ratio", memoryDifferenceRatio);
        ratio("--max-allocatable-difference-ratio", maxAllocatableDifferenceRatio);
        ratio("--max-free-difference-ratio", maxFreeDifferenceRatio);
        balancingIgnoreLabels = List.copyOf(balancingIgnoreLabels);
        balancingLabels = List.copyOf(balancingLabels);
    }

    private static void nonNegative(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + d);
        }
    }

    private static void ratio(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, got " + v);
        }
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings of a config. */
    public static final class Builder {
        private int expendablePodsPriorityCutoff;
        private Duration newPodScaleUpDelay;
        private Duration batchingWindow;
        private Duration gpuBatchingWindow;
        private int maxNodesTotal;
        private long coresTotalMin;
        private long coresTotalMax;
        private long memoryTotalMinGib;
        private long memoryTotalMaxGib;
        private int maxNodesPerScaleUp;
        private Duration maxNodeGroupBinpackingDuration;
        private Duration maxBinpackingTime;
        private Duration maxSchedulableFilterDuration;
        private boolean balanceSimilarNodeGroups;
        private double memoryDifferenceRatio;
        private double maxAllocatableDifferenceRatio;
        private double maxFreeDifferenceRatio;
        private List<String> balancingIgnoreLabels;
        private List<String> balancingLabels;

        private Builder(ScaleUpConfig c) {
            expendablePodsPriorityCutoff = c.expendablePodsPriorityCutoff;
            newPodScaleUpDelay = c.newPodScaleUpDelay;
            batchingWindow = c.batchingWindow;
            gpuBatchingWindow = c.gpuBatchingWindow;
            maxNodesTotal = c.maxNodesTotal;
            coresTotalMin = c.coresTotalMin;
            coresTotalMax = c.coresTotalMax;
            memoryTotalMinGib = c.memoryTotalMinGib;
            memoryTotalMaxGib = c.memoryTotalMaxGib;
            maxNodesPerScaleUp = c.maxNodesPerScaleUp;
            maxNodeGroupBinpackingDuration = c.maxNodeGroupBinpackingDuration;
            maxBinpackingTime = c.maxBinpackingTime;
            maxSchedulableFilterDuration = c.maxSchedulableFilterDuration;
            balanceSimilarNodeGroups = c.balanceSimilarNodeGroups;
            memoryDifferenceRatio = c.memoryDifferenceRatio;
            maxAllocatableDifferenceRatio = c.maxAllocatableDifferenceRatio;
            maxFreeDifferenceRatio = c.maxFreeDifferenceRatio;
            balancingIgnoreLabels = c.balancingIgnoreLabels;
            balancingLabels = c.balancingLabels;
        }

        public Builder expendablePodsPriorityCutoff(int v) {
            expendablePodsPriorityCutoff = v;
            return this;
        }

        public Builder newPodScaleUpDelay(Duration v) {
            newPodScaleUpDelay = v;
            return this;
        }

        public Builder batchingWindow(Duration v) {
            batchingWindow = v;
            return this;
        }

        public Builder gpuBatchingWindow(Duration v) {
            gpuBatchingWindow = v;
            return this;
        }

        public Builder maxNodesTotal(int v) {
            maxNodesTotal = v;
            return this;
        }

        public Builder coresTotal(long min, long max) {
            coresTotalMin = min;
            coresTotalMax = max;
            return this;
        }

        public Builder memoryTotalGib(long min, long max) {
            memoryTotalMinGib = min;
            memoryTotalMaxGib = max;
            return this;
        }

        public Builder maxNodesPerScaleUp(int v) {
            maxNodesPerScaleUp = v;
            return this;
        }

        public Builder maxNodeGroupBinpackingDuration(Duration v) {
            maxNodeGroupBinpackingDuration = v;
            return this;
        }

        public Builder maxBinpackingTime(Duration v) {
            maxBinpackingTime = v;
            return this;
        }

        public Builder maxSchedulableFilterDuration(Duration v) {
            maxSchedulableFilterDuration = v;
            return this;
        }

        public Builder balanceSimilarNodeGroups(boolean v) {
            balanceSimilarNodeGroups = v;
            return this;
        }

        public Builder memoryDifferenceRatio(double v) {
            memoryDifferenceRatio = v;
            return this;
        }

        public Builder maxAllocatableDifferenceRatio(double v) {
            maxAllocatableDifferenceRatio = v;
            return this;
        }

        public Builder maxFreeDifferenceRatio(double v) {
            maxFreeDifferenceRatio = v;
            return this;
        }

        public Builder balancingIgnoreLabels(List<String> v) {
            balancingIgnoreLabels = v;
            return this;
        }

        public Builder balancingLabels(List<String> v) {
            balancingLabels = v;
            return this;
        }

        public ScaleUpConfig build() {
            return new ScaleUpConfig(
                    expendablePodsPriorityCutoff,
                    newPodScaleUpDelay,
                    batchingWindow,
                    gpuBatchingWindow,
                    maxNodesTotal,
                    coresTotalMin,
                    coresTotalMax,
                    memoryTotalMinGib,
                    memoryTotalMaxGib,
                    maxNodesPerScaleUp,
                    maxNodeGroupBinpackingDuration,
                    maxBinpackingTime,
                    maxSchedulableFilterDuration,
                    balanceSimilarNodeGroups,
                    memoryDifferenceRatio,
                    maxAllocatableDifferenceRatio,
                    maxFreeDifferenceRatio,
                    balancingIgnoreLabels,
                    balancingLabels);
        }
    }
}
