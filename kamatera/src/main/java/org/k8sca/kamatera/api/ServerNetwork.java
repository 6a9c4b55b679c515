package org.k8sca.kamatera.api;

import java.util.List;

/** A network interface of a server: its network name ({@code wan-il}, {@code lan-...}) and IPs. */
public record ServerNetwork(String network, List<String> ips) {

    public ServerNetwork {
        ips = List.copyOf(ips);
    }
}
