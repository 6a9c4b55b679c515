package org.k8sca.kamatera.provider;

import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.InstanceError;
import org.k8sca.core.cloud.InstanceState;

import java.time.Instant;
import java.util.List;

/**
 * One Kamatera server of this cluster as the provider tracks it. Mutable; only {@link Fleet}
 * changes it, under its lock.
 */
final class ServerInstance {
    final String name;
    final String providerId;

    /**
     * The configured node group whose tag the server carries, or null (a group not in the config).
     */
    final String group;

    final List<String> tags;

    Phase phase;
    DeleteStep deleteStep;
    InstanceError error;
    PendingCommand command;

    /**
     * How this instance came to be CREATING: CREATE or POWER_ON; null for servers found in the
     * list.
     */
    Operation origin;

    /** Whether the last server list had it, and its power state there. */
    boolean listed;

    boolean poweredOn;

    /** A create whose answer was lost: report it failed when still not listed by then. */
    Instant awaitingAppearanceUntil;

    /** A power-off or terminate that failed: retry it at this time. */
    Instant retryAt;

    int failedAttempts;

    /** When the create or power-on was requested; the newest creations are cancelled first. */
    Instant requestedAt;

    ServerInstance(String name, String providerId, String group, List<String> tags, Phase phase) {
        this.name = name;
        this.providerId = providerId;
        this.group = group;
        this.tags = List.copyOf(tags);
        this.phase = phase;
    }

    boolean isPoolMember() {
        return phase == Phase.STANDBY && listed && !poweredOn && command == null;
    }

    boolean countsInTarget() {
        return phase == Phase.CREATING || phase == Phase.RUNNING;
    }

    /**
     * How the core sees this server; a standby server is a warm-pool machine, STOPPED and
     * error-free.
     */
    Instance toCoreInstance() {
        return switch (phase) {
            case CREATING -> new Instance(providerId, InstanceState.CREATING, error);
            case RUNNING -> new Instance(providerId, InstanceState.RUNNING, error);
            case DELETING -> new Instance(providerId, InstanceState.DELETING, error);
            case STANDBY -> Instance.stopped(providerId);
        };
    }

    void enterDeleting(DeleteStep step) {
        phase = Phase.DELETING;
        deleteStep = step;
        error = null;
        retryAt = null;
        failedAttempts = 0;
    }

    void enterStandby() {
        phase = Phase.STANDBY;
        deleteStep = null;
        error = null;
        retryAt = null;
        failedAttempts = 0;
        origin = null;
    }

    /** One line for debug logs. */
    String debugLine() {
        return "instance ID: "
                + providerId
                + " state: "
                + (phase == Phase.STANDBY ? "Standby" : phase)
                + (deleteStep == null ? "" : "/" + deleteStep)
                + " powerOn: "
                + poweredOn
                + (listed ? "" : " (not listed)")
                + " commandID: "
                + (command == null ? "" : command.id() + " (" + command.operation() + ")")
                + (error == null ? "" : " error: " + error.code());
    }
}
