package org.k8sca.kamatera.sim.model;

import java.util.List;

/** One NIC of a server: the network name ({@code wan-il}, {@code lan-…}) and its IPs. */
public record NetworkAttachment(String network, List<String> ips) {
    public NetworkAttachment {
        ips = List.copyOf(ips);
    }
}
