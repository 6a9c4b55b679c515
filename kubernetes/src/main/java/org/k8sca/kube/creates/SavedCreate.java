package org.k8sca.kube.creates;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One server create in flight as the ConfigMap keeps it.
 *
 * @param serverName the requested server name (the ConfigMap key)
 * @param group the node group it is created for
 * @param requestedAt when the create was requested
 * @param commandId the Kamatera queue command of the create, when known
 */
public record SavedCreate(
        String serverName, String group, Instant requestedAt, Optional<String> commandId) {

    public SavedCreate {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(commandId, "commandId");
    }
}
