package org.k8sca.kamatera.sim.model;

import java.util.List;

/**
 * A snapshot of a simulated server, for test assertions.
 *
 * @param power the actual power state ({@code on}/{@code off}), what commands act on
 * @param shownPower what list and info answer now (differs from {@code power} during the visibility
 *     lag)
 * @param tags tag names in the order they were added
 */
public record ServerView(
        String id,
        String name,
        String datacenter,
        String power,
        String shownPower,
        ServerState state,
        List<String> tags,
        String cpu,
        int ramMb,
        List<Integer> diskSizes,
        List<NetworkAttachment> networks,
        String billing) {
    public ServerView {
        tags = List.copyOf(tags);
        diskSizes = List.copyOf(diskSizes);
        networks = List.copyOf(networks);
    }
}
