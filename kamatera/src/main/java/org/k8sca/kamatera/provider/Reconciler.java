package org.k8sca.kamatera.provider;

import org.k8sca.kamatera.api.CommandState;
import org.k8sca.kamatera.api.CommandStatus;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.ServerSummary;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.NodeGroupConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The refresh-time state machine. Given one server list it adopts new servers (reading their tags
 * once), polls every command in flight in one queue call, moves every instance of every node group
 * through its state machine exactly once, and then decides all finished power-offs together — so no
 * completion is observed "for the wrong node group" (upstream's §6.3 #1).
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final CloudConfig config;
    private final KamateraApi api;
    private final ProviderOptions options;
    private final Registry registry;
    private final ServerActions actions;
    private final PoolPolicy poolPolicy;
    private final NodeMetadata nodeMetadata;
    private final ProviderIds ids;

    Reconciler(
            CloudConfig config,
            KamateraApi api,
            ProviderOptions options,
            Registry registry,
            ServerActions actions,
            PoolPolicy poolPolicy,
            NodeMetadata nodeMetadata) {
        this.config = config;
        this.api = api;
        this.options = options;
        this.registry = registry;
        this.actions = actions;
        this.poolPolicy = poolPolicy;
        this.nodeMetadata = nodeMetadata;
        this.ids = new ProviderIds(config.providerIdPrefix());
    }

    void apply(List<ServerSummary> servers, Instant now) {
        registry.tombstones.values().removeIf(until -> !now.isBefore(until));
        applyListing(servers);
        pollCommands(now);
        List<ServerInstance> poweredOff = new ArrayList<>();
        for (ServerInstance instance : new ArrayList<>(registry.instances.values())) {
            if (registry.contains(instance) && instance.command == null) {
                reconcile(instance, now, poweredOff);
            }
        }
        poolPolicy.decide(poweredOff, now);
        if (LOG.isDebugEnabled()) {
            for (ServerInstance instance : registry.instances.values()) {
                LOG.debug("{}", instance.debugLine());
            }
        }
    }

    /** Adopts new servers and records which servers are listed and their power state. */
    private void applyListing(List<ServerSummary> servers) {
        Map<String, ServerSummary> listed = new LinkedHashMap<>();
        for (ServerSummary server : servers) {
            listed.putIfAbsent(server.name(), server);
        }
        registry.foreignTags.keySet().retainAll(listed.keySet());
        for (ServerInstance instance : registry.instances.values()) {
            instance.listed = false;
        }
        for (ServerSummary server : listed.values()) {
            String name = server.name();
            if (registry.tombstones.containsKey(name) || registry.foreignTags.containsKey(name)) {
                continue;
            }
            ServerInstance instance = registry.instances.get(name);
            if (instance == null) {
                instance = adopt(server);
                if (instance == null) {
                    continue;
                }
            }
            instance.listed = true;
            instance.poweredOn = server.poweredOn();
        }
    }

    /**
     * A server seen for the first time: read its tags; null when it is not ours or its tags failed.
     */
    private ServerInstance adopt(ServerSummary server) {
        List<String> tags;
        try {
            tags = api.serverTags(server.name());
        } catch (KamateraApiException e) {
            // One unreadable server must not stop the refresh of all others (upstream: §6.3 #10).
            LOG.warn(
                    "Could not read the tags of server {}, trying again at the next refresh: {}",
                    server.name(),
                    e.getMessage());
            return null;
        }
        if (!tags.contains(config.clusterTag())) {
            registry.foreignTags.put(server.name(), tags);
            return null;
        }
        String group = groupOf(tags);
        Phase phase = server.poweredOn() ? Phase.RUNNING : Phase.STANDBY;
        ServerInstance instance =
                new ServerInstance(server.name(), ids.format(server.name()), group, tags, phase);
        registry.add(instance);
        LOG.info(
                "Found server {} of node group {} ({})",
                server.name(),
                group,
                server.poweredOn() ? "on" : "off");
        return instance;
    }

    private String groupOf(List<String> tags) {
        for (NodeGroupConfig group : config.nodeGroups().values()) {
            if (tags.contains(group.tags().get(1))) {
                return group.name();
            }
        }
        return null;
    }

    /** All commands in flight, in one queue call. */
    private void pollCommands(Instant now) {
        List<ServerInstance> waiting = new ArrayList<>();
        for (ServerInstance instance : registry.instances.values()) {
            if (instance.command != null) {
                waiting.add(instance);
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, CommandStatus> statuses;
        try {
            statuses = api.commandStatuses(waiting.stream().map(i -> i.command.id()).toList());
        } catch (KamateraApiException e) {
            for (ServerInstance instance : waiting) {
                if (instance.phase != Phase.STANDBY) {
                    instance.error = InstanceErrors.statusQueryFailed(instance.command.id(), e);
                }
            }
            return;
        }
        for (ServerInstance instance : waiting) {
            CommandStatus status = statuses.get(instance.command.id());
            if (status == null) {
                continue;
            }
            switch (status.state()) {
                case PENDING -> {
                    if (instance.error != null
                            && InstanceErrors.GET_COMMAND_STATUS_FAILED.equals(
                                    instance.error.code())) {
                        instance.error = null;
                    }
                }
                case COMPLETE -> commandCompleted(instance, now);
                case ERROR, CANCELLED, NOT_FOUND -> commandFailed(instance, status, now);
            }
        }
    }

    private void commandCompleted(ServerInstance instance, Instant now) {
        Operation operation = instance.command.operation();
        instance.command = null;
        instance.error = null;
        switch (operation) {
            case CREATE -> {
                // Running (or, when cancelled, terminated) once the list shows it. A server that
                // is still not listed after the grace is looked up by name, then reported failed.
                instance.awaitingAppearanceUntil = now.plus(options.createAppearanceGrace());
            }
            case POWER_ON -> {
                // Running once the list shows it powered on.
            }
            case POWER_OFF -> instance.retryAt = null;
            case TERMINATE -> {
                LOG.info("Server {} terminated", instance.name);
                registry.drop(instance, now, true);
            }
        }
    }

    private void commandFailed(ServerInstance instance, CommandStatus status, Instant now) {
        Operation operation = instance.command.operation();
        instance.command = null;
        LOG.warn(
                "Command {} ({}) of server {} failed: {}",
                status.id(),
                operation,
                instance.name,
                status.rawStatus() == null ? "not found" : status.rawStatus());
        switch (operation) {
            case CREATE -> {
                if (status.state() == CommandState.NOT_FOUND) {
                    // The queue does not know the command (any more): the server may exist. Wait
                    // for it as for a create whose answer was lost; no duplicate, no leak.
                    instance.awaitingAppearanceUntil = now.plus(options.createAppearanceGrace());
                } else if (instance.phase == Phase.DELETING) {
                    registry.drop(instance, now, false);
                } else {
                    instance.error = InstanceErrors.commandFailed(status);
                }
            }
            case POWER_ON -> {
                if (instance.phase != Phase.DELETING) {
                    instance.error = InstanceErrors.commandFailed(status);
                }
            }
            case POWER_OFF, TERMINATE -> {
                // Upstream leaves the server as it is, forever (§6.3 #2, #6): we retry.
                instance.error = InstanceErrors.commandFailed(status);
                actions.scheduleRetry(instance, now);
            }
        }
    }

    /** One step of an instance with no command in flight, from what the list shows. */
    private void reconcile(ServerInstance instance, Instant now, List<ServerInstance> poweredOff) {
        switch (instance.phase) {
            case STANDBY -> {
                if (!instance.listed) {
                    registry.drop(instance, now, false);
                } else if (instance.poweredOn) {
                    LOG.info(
                            "Standby server {} was powered on outside the autoscaler; it is running"
                                    + " again",
                            instance.name);
                    instance.phase = Phase.RUNNING;
                    returnToService(instance);
                }
            }
            case RUNNING -> {
                if (!instance.listed) {
                    // Upstream keeps it Running until the core's 1 h unregistered-node timeout
                    // (§6.3 #5).
                    LOG.warn(
                            "Server {} is no longer listed: it was deleted outside the autoscaler",
                            instance.name);
                    registry.drop(instance, now, false);
                }
            }
            case CREATING -> reconcileCreating(instance, now);
            case DELETING -> reconcileDeleting(instance, now, poweredOff);
        }
    }

    private void reconcileCreating(ServerInstance instance, Instant now) {
        if (instance.listed) {
            instance.awaitingAppearanceUntil = null;
            if (instance.poweredOn) {
                instance.phase = Phase.RUNNING;
                instance.error = null;
                if (instance.origin == Operation.POWER_ON) {
                    returnToService(instance);
                }
                instance.origin = null;
                LOG.info("Server {} is running", instance.name);
            }
            return;
        }
        if (isPast(instance.awaitingAppearanceUntil, now)) {
            instance.awaitingAppearanceUntil = null;
            if (actions.exists(instance.name)) {
                return;
            }
            instance.error = InstanceErrors.createUnconfirmed(instance.name);
            LOG.warn(
                    "Server {} did not appear after an unanswered create request; reporting it as"
                            + " failed",
                    instance.name);
        }
    }

    private void reconcileDeleting(
            ServerInstance instance, Instant now, List<ServerInstance> poweredOff) {
        switch (instance.deleteStep) {
            case POWERING_OFF -> {
                if (!instance.listed) {
                    registry.drop(instance, now, false);
                } else if (!instance.poweredOn) {
                    poweredOff.add(instance); // completed, or failed while the server is off anyway
                } else if (isPast(instance.retryAt, now)) {
                    actions.powerOff(instance, now);
                }
            }
            case TERMINATING -> {
                if (!instance.listed) {
                    registry.drop(instance, now, false);
                } else if (isPast(instance.retryAt, now)) {
                    actions.terminate(instance, now);
                }
            }
            case CANCELLING -> reconcileCancelled(instance, now, poweredOff);
        }
    }

    /** A creation or power-on that was cancelled and has finished: undo it. */
    private void reconcileCancelled(
            ServerInstance instance, Instant now, List<ServerInstance> poweredOff) {
        if (instance.origin == Operation.POWER_ON) {
            if (!instance.listed) {
                registry.drop(instance, now, false);
            } else if (instance.poweredOn) {
                actions.powerOff(instance, now);
            } else {
                poweredOff.add(instance);
            }
        } else if (instance.listed) {
            actions.terminate(instance, now); // before it joins the cluster
        } else if (isPast(instance.awaitingAppearanceUntil, now)) {
            if (actions.exists(instance.name)) {
                instance.awaitingAppearanceUntil = now.plus(options.createAppearanceGrace());
            } else {
                registry.drop(instance, now, false);
            }
        }
    }

    private static boolean isPast(Instant deadline, Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    private void returnToService(ServerInstance instance) {
        try {
            nodeMetadata.returnToService(instance.name);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not clear the scale-down marks of node {}: {}",
                    instance.name,
                    e.getMessage());
        }
    }
}
