package org.k8sca.kamatera.api.http;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers when this client received each command id, so a queue 404 for a command issued a moment
 * ago is read as "not registered yet" rather than "unknown command" (the backend answers 404 until
 * a command starts). Entries older than the grace period are dropped as new ones arrive.
 */
final class RecentCommands {

    private final Map<String, Instant> issuedAt = new ConcurrentHashMap<>();
    private final Duration grace;
    private final InstantSource clock;

    RecentCommands(Duration grace, InstantSource clock) {
        this.grace = grace;
        this.clock = clock;
    }

    void remember(String commandId) {
        Instant now = clock.instant();
        issuedAt.values().removeIf(at -> !now.isBefore(at.plus(grace)));
        issuedAt.put(commandId, now);
    }

    /** True when the id was issued by this client less than the grace period ago. */
    boolean isRecent(String commandId) {
        Instant at = issuedAt.get(commandId);
        return at != null && clock.instant().isBefore(at.plus(grace));
    }
}
