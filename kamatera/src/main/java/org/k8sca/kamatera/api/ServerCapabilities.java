package org.k8sca.kamatera.api;

import java.util.List;
import java.util.Map;

/**
 * What a datacenter offers ({@code GET /service/server?capabilities=1&datacenter=DC}): CPU types
 * with their cores and RAM sizes, disk sizes and monthly traffic packages.
 */
public record ServerCapabilities(
        List<CpuType> cpuTypes,
        List<Long> diskSizesGb,
        Map<String, String> monthlyTrafficPackages,
        String defaultMonthlyTrafficPackage) {

    public ServerCapabilities {
        cpuTypes = List.copyOf(cpuTypes);
        diskSizesGb = List.copyOf(diskSizesGb);
        monthlyTrafficPackages = Map.copyOf(monthlyTrafficPackages);
    }
}
