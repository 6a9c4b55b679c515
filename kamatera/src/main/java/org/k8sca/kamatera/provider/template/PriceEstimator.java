package org.k8sca.kamatera.provider.template;

import org.k8sca.kamatera.config.NodeGroupConfig;

/**
 * Hourly prices for the {@code price} expander: a node group's {@code price-per-hour} when
 * configured, otherwise an estimate from its hardware. The estimate is only meant to rank node
 * groups against each other (it follows the shape of Kamatera's price list: dedicated cores cost
 * most, burstable least; RAM and disk add per GB); set {@code price-per-hour} for real prices.
 */
public final class PriceEstimator {

    /** Estimated price of one core per hour, by CPU type. */
    static double corePerHour(char cpuType) {
        return switch (Character.toUpperCase(cpuType)) {
            case 'A' -> 0.0040;
            case 'D' -> 0.0140;
            case 'T' -> 0.0030;
            default -> 0.0055; // B, general purpose
        };
    }

    static final double RAM_GB_PER_HOUR = 0.0030;
    static final double DISK_GB_PER_HOUR = 0.00007;

    private PriceEstimator() {}

    public static double pricePerHour(NodeGroupConfig group) {
        if (group.template().pricePerHour().isPresent()) {
            return group.template().pricePerHour().getAsDouble();
        }
        return estimate(MachineShape.of(group));
    }

    public static double estimate(MachineShape shape) {
        return shape.cores() * corePerHour(shape.cpuType())
                + shape.ramMb() / 1024.0 * RAM_GB_PER_HOUR
                + shape.firstDiskGb() * DISK_GB_PER_HOUR;
    }

    /** The ideal price of requested resources (general-purpose cores and RAM), per hour. */
    public static double requestsPerHour(long milliCpu, long memoryBytes) {
        return milliCpu / 1000.0 * corePerHour('B')
                + memoryBytes / (1024.0 * 1024 * 1024) * RAM_GB_PER_HOUR;
    }
}
