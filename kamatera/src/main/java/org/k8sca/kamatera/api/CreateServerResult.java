package org.k8sca.kamatera.api;

import java.util.Objects;

/**
 * The answer to one create request.
 *
 * @param serverName the name that was requested
 * @param commandId the id of the queue command that creates the server (never empty)
 * @param generatedPassword the root password Kamatera generated when {@code __generate__} was sent,
 *     otherwise {@link Secret#empty()}
 */
public record CreateServerResult(String serverName, String commandId, Secret generatedPassword) {

    public CreateServerResult {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(generatedPassword, "generatedPassword");
    }
}
