package org.k8sca.kamatera.api;

import java.util.List;
import java.util.Objects;

/** A listed server with its tag names, as the cloud provider's refresh needs it. */
public record ServerWithTags(ServerSummary server, List<String> tags) {

    public ServerWithTags {
        Objects.requireNonNull(server, "server");
        tags = List.copyOf(tags);
    }

    public String name() {
        return server.name();
    }

    public boolean poweredOn() {
        return server.poweredOn();
    }
}
