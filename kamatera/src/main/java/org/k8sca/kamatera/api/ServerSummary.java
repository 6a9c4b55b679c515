package org.k8sca.kamatera.api;

import java.util.Objects;

/**
 * One element of the server list ({@code GET /service/servers}).
 *
 * @param id the server's id, or {@code null} when the API did not send one
 * @param name the server name (always present)
 * @param datacenter the datacenter code, or {@code null} when absent
 * @param power the raw power state, usually {@code on} or {@code off}
 */
public record ServerSummary(String id, String name, String datacenter, String power) {

    public ServerSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(power, "power");
    }

    /** Only {@code on} counts as powered on, as upstream; every other value is off. */
    public boolean poweredOn() {
        return "on".equals(power);
    }
}
