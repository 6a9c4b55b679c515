package org.k8sca.kamatera.sim.model;

import org.k8sca.kamatera.sim.knobs.CommandKind;

import java.time.Instant;

/**
 * A snapshot of a queue command, for test assertions.
 *
 * @param status the status the queue endpoint would answer now ({@code null} while the queue still
 *     answers 404 for it)
 * @param serverName the server's name as the queue reports it (the actual name after a collision)
 */
public record CommandView(
        long id,
        CommandKind kind,
        String serverId,
        String serverName,
        String status,
        String log,
        Instant added,
        Instant executeAt,
        Instant completeAt) {

    public boolean isTerminal() {
        return "complete".equals(status) || "error".equals(status) || "cancelled".equals(status);
    }
}
