package org.k8sca.testkit;

import io.fabric8.kubernetes.api.model.Quantity;

import org.k8sca.kamatera.config.NodeTemplateConfig;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * What a kubelet keeps back from its machine, from a node group's {@code kube-reserved}, {@code
 * system-reserved} and {@code eviction-hard}: allocatable = capacity − kube reserved − system
 * reserved − hard eviction threshold, per resource, never below zero (the kubelet's rule).
 *
 * <p>Written here on purpose rather than borrowed from the provider's template code: the virtual
 * kubelet must be an independent witness, so that a template that overestimates allocatable sends
 * pods to nodes where the kubelet has no room for them.
 *
 * @param kubeReserved resource name → quantity ({@code cpu}, {@code memory}, {@code
 *     ephemeral-storage})
 * @param systemReserved the same for the operating system
 * @param evictionHard signal → threshold; {@code memory.available} counts against memory, {@code
 *     nodefs.available} (quantity or percent of the disk) against ephemeral storage
 */
public record KubeletReservations(
        Map<String, String> kubeReserved,
        Map<String, String> systemReserved,
        Map<String, String> evictionHard) {

    /** Nothing reserved: allocatable equals capacity. */
    public static final KubeletReservations NONE =
            new KubeletReservations(Map.of(), Map.of(), Map.of());

    public KubeletReservations {
        kubeReserved = Map.copyOf(kubeReserved);
        systemReserved = Map.copyOf(systemReserved);
        evictionHard = Map.copyOf(evictionHard);
    }

    /** The reservations a node group's cloud config gives its kubelets. */
    public static KubeletReservations of(NodeTemplateConfig template) {
        return new KubeletReservations(
                template.kubeReserved(), template.systemReserved(), template.evictionHard());
    }

    /** Allocatable milli-cpu out of {@code capacityMilliCpu}. */
    public long milliCpu(long capacityMilliCpu) {
        long reserved =
                amount(kubeReserved.get("cpu"), 1000) + amount(systemReserved.get("cpu"), 1000);
        return Math.max(0, capacityMilliCpu - reserved);
    }

    /** Allocatable memory bytes out of {@code capacityBytes}. */
    public long memoryBytes(long capacityBytes) {
        return Math.max(
                0,
                capacityBytes
                        - amount(kubeReserved.get("memory"), 1)
                        - amount(systemReserved.get("memory"), 1)
                        - threshold(evictionHard.get("memory.available"), capacityBytes));
    }

    /** Allocatable ephemeral-storage bytes out of {@code capacityBytes}. */
    public long ephemeralStorageBytes(long capacityBytes) {
        return Math.max(
                0,
                capacityBytes
                        - amount(kubeReserved.get("ephemeral-storage"), 1)
                        - amount(systemReserved.get("ephemeral-storage"), 1)
                        - threshold(evictionHard.get("nodefs.available"), capacityBytes));
    }

    /** A quantity in its base unit times {@code scale}, rounded up (what is reserved is gone). */
    private static long amount(String quantity, int scale) {
        if (quantity == null) {
            return 0;
        }
        BigDecimal base;
        try {
            base = Quantity.getAmountInBytes(new Quantity(quantity));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "kubelet reservation '" + quantity + "' is not a quantity", e);
        }
        return base.multiply(BigDecimal.valueOf(scale))
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    private static long threshold(String value, long total) {
        if (value == null) {
            return 0;
        }
        if (value.endsWith("%")) {
            BigDecimal percent = new BigDecimal(value.substring(0, value.length() - 1));
            return BigDecimal.valueOf(total)
                    .multiply(percent)
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                    .longValueExact();
        }
        return amount(value, 1);
    }
}
