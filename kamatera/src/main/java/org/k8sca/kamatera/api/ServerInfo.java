package org.k8sca.kamatera.api;

import java.util.List;
import java.util.Objects;

/**
 * One element of {@code POST /service/server/info}. Fields the API did not send are {@code null}
 * (strings), 0 ({@code ramMb}) or empty (lists).
 */
public record ServerInfo(
        String id,
        String name,
        String datacenter,
        String power,
        String cpu,
        long ramMb,
        List<Long> diskSizesGb,
        List<ServerNetwork> networks,
        String billing,
        String traffic,
        String managed,
        String backup) {

    public ServerInfo {
        Objects.requireNonNull(name, "name");
        diskSizesGb = List.copyOf(diskSizesGb);
        networks = List.copyOf(networks);
    }

    public boolean poweredOn() {
        return "on".equals(power);
    }
}
