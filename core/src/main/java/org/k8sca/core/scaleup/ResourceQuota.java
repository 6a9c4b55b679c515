package org.k8sca.core.scaleup;

import org.k8sca.core.cloud.ResourceLimits;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.List;

/**
 * The cluster-wide limits on total cores and memory ({@code --cores-total}, {@code --memory-total},
 * and the provider's own limits, the smaller winning) and how much of them is in use. Immutable;
 * {@link #plus} returns the quota after adding nodes.
 *
 * @param maxMilliCpu the most CPU all nodes together may have, in millicores
 * @param maxMemoryBytes the most memory, in bytes
 * @param usedMilliCpu CPU capacity of the nodes now (including upcoming ones)
 * @param usedMemoryBytes memory capacity of the nodes now (including upcoming ones)
 */
public record ResourceQuota(
        long maxMilliCpu, long maxMemoryBytes, long usedMilliCpu, long usedMemoryBytes) {

    /** The name of the quota in messages, as in upstream's {@code exceeded quota: "<id>"}. */
    public static final String QUOTA_ID = "cluster-wide";

    /** The limits from the command line and the provider, with current use. */
    public static ResourceQuota of(
            ScaleUpConfig config,
            ResourceLimits providerLimits,
            long usedMilliCpu,
            long usedMemoryBytes) {
        long cpu =
                Math.min(
                        saturatingMultiply(config.coresTotalMax(), 1000),
                        saturatingMultiply(providerLimits.max(Resources.CPU), 1000));
        long mem =
                Math.min(
                        saturatingMultiply(config.memoryTotalMaxGib(), 1L << 30),
                        providerLimits.max(Resources.MEMORY));
        return new ResourceQuota(cpu, mem, usedMilliCpu, usedMemoryBytes);
    }

    private static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    /**
     * The resources that {@code nodes} more nodes of {@code capacity} would push over the limit;
     * empty if none.
     */
    public List<String> exceededBy(Resources capacity, int nodes) {
        List<String> out = new ArrayList<>(2);
        if (usedMilliCpu + capacity.milliCpu() * (double) nodes > maxMilliCpu) {
            out.add(Resources.CPU);
        }
        if (usedMemoryBytes + capacity.memoryBytes() * (double) nodes > maxMemoryBytes) {
            out.add(Resources.MEMORY);
        }
        return out;
    }

    /**
     * Upstream's message for {@link #exceededBy}, e.g. {@code exceeded quota: "cluster-wide",
     * resources: cpu}.
     */
    public static String exceededMessage(List<String> resources) {
        return "exceeded quota: \"" + QUOTA_ID + "\", resources: " + String.join(", ", resources);
    }

    /** How many more nodes of {@code capacity} fit within the limits. */
    public int allowedNodes(Resources capacity) {
        long byCpu =
                capacity.milliCpu() <= 0
                        ? Integer.MAX_VALUE
                        : Math.max(0, (maxMilliCpu - usedMilliCpu) / capacity.milliCpu());
        long byMem =
                capacity.memoryBytes() <= 0
                        ? Integer.MAX_VALUE
                        : Math.max(0, (maxMemoryBytes - usedMemoryBytes) / capacity.memoryBytes());
        return (int) Math.min(Integer.MAX_VALUE, Math.min(byCpu, byMem));
    }

    /** The quota after adding {@code nodes} nodes of {@code capacity}. */
    public ResourceQuota plus(Resources capacity, int nodes) {
        return new ResourceQuota(
                maxMilliCpu,
                maxMemoryBytes,
                usedMilliCpu + capacity.milliCpu() * nodes,
                usedMemoryBytes + capacity.memoryBytes() * nodes);
    }
}
