package org.k8sca.kamatera.provider;

import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Starts power-offs and terminates for servers on their way out, and schedules their retries: a
 * failure to start, or a failed command, is retried after a backoff until the server is off or gone
 * (upstream gives up, §6.3 #2 and #6). "No servers found" means the server is gone already.
 */
final class ServerActions {
    private static final Logger LOG = LoggerFactory.getLogger(ServerActions.class);

    private final KamateraApi api;
    private final ProviderOptions options;
    private final Registry registry;

    ServerActions(KamateraApi api, ProviderOptions options, Registry registry) {
        this.api = api;
        this.options = options;
        this.registry = registry;
    }

    void powerOff(ServerInstance instance, Instant now) {
        instance.deleteStep = DeleteStep.POWERING_OFF;
        try {
            instance.command =
                    new PendingCommand(api.powerOff(instance.name), Operation.POWER_OFF, now);
            instance.retryAt = null;
            LOG.info("Powering off server {}", instance.name);
        } catch (KamateraApiException e) {
            failedToStart(instance, e, now, "power off");
        }
    }

    void terminate(ServerInstance instance, Instant now) {
        instance.phase = Phase.DELETING;
        instance.deleteStep = DeleteStep.TERMINATING;
        try {
            instance.command =
                    new PendingCommand(
                            api.terminateServer(instance.name), Operation.TERMINATE, now);
            instance.retryAt = null;
            LOG.info("Terminating server {}", instance.name);
        } catch (KamateraApiException e) {
            failedToStart(instance, e, now, "terminate");
        }
    }

    private void failedToStart(
            ServerInstance instance, KamateraApiException e, Instant now, String what) {
        if (e.isNoServersFound()) {
            registry.drop(instance, now, false);
            return;
        }
        instance.error = InstanceErrors.didNotStart(e);
        scheduleRetry(instance, now);
        LOG.warn(
                "Could not {} server {}, retrying at {}: {}",
                what,
                instance.name,
                instance.retryAt,
                e.getMessage());
    }

    void scheduleRetry(ServerInstance instance, Instant now) {
        instance.failedAttempts++;
        instance.retryAt = now.plus(options.backoff(instance.failedAttempts));
    }

    /** The last check before reporting a lost create: ask for the server by name. */
    boolean exists(String name) {
        try {
            return api.serverInfo(name).isPresent();
        } catch (KamateraApiException e) {
            LOG.warn("Could not look up server {}: {}", name, e.getMessage());
            return true; // unknown: keep waiting rather than forget a server that may exist
        }
    }
}
