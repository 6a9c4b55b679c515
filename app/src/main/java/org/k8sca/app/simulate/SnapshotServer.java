package org.k8sca.app.simulate;

import java.util.List;
import java.util.Objects;

/**
 * One Kamatera server of a snapshot, as the server list and tags calls would return it.
 *
 * @param name the server name
 * @param power the raw power state ({@code on}, {@code off}, ...)
 * @param tags the server's tag names
 */
public record SnapshotServer(String name, String power, List<String> tags) {

    public SnapshotServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(power, "power of server " + name);
        tags = List.copyOf(tags);
    }
}
