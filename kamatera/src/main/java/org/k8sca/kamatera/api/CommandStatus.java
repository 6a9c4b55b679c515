package org.k8sca.kamatera.api;

import java.util.Objects;

/**
 * The status of one queue command.
 *
 * @param id the command id as the caller asked for it
 * @param state the interpreted state
 * @param rawStatus the {@code status} string as received, or {@code null} when absent (or not
 *     found)
 * @param log the command's {@code log} text, or {@code null} when absent
 */
public record CommandStatus(String id, CommandState state, String rawStatus, String log) {

    public CommandStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }
}
