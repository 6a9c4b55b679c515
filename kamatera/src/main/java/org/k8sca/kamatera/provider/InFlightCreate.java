package org.k8sca.kamatera.provider;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A server create the provider has requested and not yet seen in the server list: what must survive
 * a restart so that the next autoscaler counts the server instead of creating another.
 *
 * @param serverName the name the server was requested with
 * @param group the node group it was created for
 * @param requestedAt when the create was requested
 * @param commandId the queue command of the create, empty until the API answered (or when its
 *     answer was lost)
 */
public record InFlightCreate(
        String serverName, String group, Instant requestedAt, Optional<String> commandId) {

    public InFlightCreate {
        requireText(serverName, "serverName");
        requireText(group, "group");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(commandId, "commandId");
        commandId.ifPresent(id -> requireText(id, "commandId"));
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
