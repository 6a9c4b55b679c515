package org.k8sca.kamatera.api;

import java.util.List;

/**
 * A CPU type of a datacenter's capabilities: id ({@code A}, {@code B}, {@code D}, {@code T}),
 * allowed cores and RAM.
 */
public record CpuType(String id, String name, List<Long> cpuCores, List<Long> ramMb) {

    public CpuType {
        cpuCores = List.copyOf(cpuCores);
        ramMb = List.copyOf(ramMb);
    }
}
