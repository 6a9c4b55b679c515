package org.k8sca.kamatera.provider;

import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.CloudProviderException.Kind;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.NodeGroupConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the {@link InFlightCreateStore} in step with the {@link Registry}: at the first refresh the
 * saved creates become CREATING instances again (so a restarted autoscaler counts them and creates
 * no second server), and after every change the creates not yet listed are saved. Guarded by the
 * {@link Fleet}'s lock.
 *
 * <p>A create stops being in flight when its server is listed (powered on, or on its way out), when
 * it definitely failed, when it was dropped, or when it is older than the node provision time (then
 * it is given up: a server of that name that turns up later is treated like any unknown server of
 * the cluster).
 */
final class InFlightCreates {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightCreates.class);

    private final InFlightCreateStore store;
    private final CloudConfig config;
    private final ProviderOptions options;
    private final Registry registry;
    private final ProviderIds ids;
    private final Duration givenUpAfter;

    private boolean loaded;

    /** What the store holds as far as we know; null after a failed save (then saved again). */
    private List<InFlightCreate> saved = List.of();

    InFlightCreates(
            InFlightCreateStore store,
            CloudConfig config,
            ProviderOptions options,
            Registry registry,
            Duration givenUpAfter) {
        this.store = store;
        this.config = config;
        this.options = options;
        this.registry = registry;
        this.ids = new ProviderIds(config.providerIdPrefix());
        this.givenUpAfter = givenUpAfter;
    }

    /**
     * Reads the saved creates once, before anything else: each becomes a CREATING instance that
     * counts in its group's target size.
     *
     * @throws CloudProviderException when the store cannot be read; nothing is created until it is
     */
    void loadOnce(Instant now) {
        if (loaded) {
            return;
        }
        List<InFlightCreate> records;
        try {
            records = store.load();
        } catch (RuntimeException e) {
            throw new CloudProviderException(
                    Kind.CLOUD_API,
                    "could not read the server creates in flight saved by a previous autoscaler: "
                            + e.getMessage(),
                    e);
        }
        loaded = true;
        saved = sorted(records);
        for (InFlightCreate record : saved) {
            resume(record, now);
        }
    }

    private void resume(InFlightCreate record, Instant now) {
        NodeGroupConfig group = config.nodeGroups().get(record.group());
        if (group == null) {
            LOG.warn(
                    "Forgetting the saved create of server {}: its node group {} is not in the"
                            + " cloud config",
                    record.serverName(),
                    record.group());
            return;
        }
        if (isGivenUp(record.requestedAt(), now)) {
            LOG.warn(
                    "Giving up the create of server {} requested at {}: older than {}",
                    record.serverName(),
                    record.requestedAt(),
                    givenUpAfter);
            return;
        }
        ServerInstance known = registry.instances.get(record.serverName());
        if (known != null) {
            if (known.phase == Phase.STANDBY && known.command == null) {
                // Listed powered off while its create runs (some accounts list creating servers):
                // it is ours in the making, not a warm-pool server.
                known.phase = Phase.CREATING;
                known.origin = Operation.CREATE;
                known.requestedAt = record.requestedAt();
                record.commandId()
                        .ifPresent(
                                id ->
                                        known.command =
                                                new PendingCommand(
                                                        id,
                                                        Operation.CREATE,
                                                        record.requestedAt()));
                LOG.info(
                        "Server {} is listed powered off while a previous autoscaler created it;"
                                + " waiting for its create",
                        known.name);
            }
            return;
        }
        String name = record.serverName();
        ServerInstance instance =
                new ServerInstance(
                        name, ids.format(name), group.name(), group.tags(), Phase.CREATING);
        instance.origin = Operation.CREATE;
        instance.requestedAt = record.requestedAt();
        if (record.commandId().isPresent()) {
            instance.command =
                    new PendingCommand(
                            record.commandId().get(), Operation.CREATE, record.requestedAt());
        } else {
            // The create's answer was lost (or never came): wait for the server as if it had
            // just been lost here.
            instance.awaitingAppearanceUntil =
                    record.requestedAt().plus(options.createAppearanceGrace());
        }
        registry.add(instance);
        LOG.info(
                "Resuming the create of server {} for node group {}, requested at {} by a previous"
                        + " autoscaler",
                name,
                group.name(),
                record.requestedAt());
    }

    /**
     * Saves the creates in flight when they changed since the last save. Does nothing before {@link
     * #loadOnce} succeeded, so the records of a previous autoscaler are never overwritten unread. A
     * failed save is logged and tried again at the next call.
     */
    void sync(Instant now) {
        if (!loaded) {
            return;
        }
        List<InFlightCreate> current = current(now);
        if (current.equals(saved)) {
            return;
        }
        try {
            store.save(current);
            saved = current;
        } catch (RuntimeException e) {
            saved = null;
            LOG.warn(
                    "Could not save the {} server creates in flight (a restart now could create"
                            + " them twice); trying again at the next refresh: {}",
                    current.size(),
                    e.getMessage());
        }
    }

    /** The creates whose server may exist or come to exist and is not listed running yet. */
    private List<InFlightCreate> current(Instant now) {
        List<InFlightCreate> result = new ArrayList<>();
        for (ServerInstance instance : registry.instances.values()) {
            if (isInFlight(instance, now)) {
                result.add(
                        new InFlightCreate(
                                instance.name,
                                instance.group,
                                instance.requestedAt,
                                instance.command != null
                                                && instance.command.operation() == Operation.CREATE
                                        ? Optional.of(instance.command.id())
                                        : Optional.empty()));
            }
        }
        return result;
    }

    private boolean isInFlight(ServerInstance instance, Instant now) {
        // A listed server is past the point where a restart could miss it, unless it is listed
        // powered off while its create still runs.
        boolean stillCreating =
                !instance.listed || (instance.phase == Phase.CREATING && !instance.poweredOn);
        if (instance.origin != Operation.CREATE
                || !stillCreating
                || instance.group == null
                || instance.requestedAt == null
                || isGivenUp(instance.requestedAt, now)) {
            return false;
        }
        // With no command, no wait for appearance and an error, the create definitely failed.
        return instance.command != null
                || instance.awaitingAppearanceUntil != null
                || instance.error == null;
    }

    private boolean isGivenUp(Instant requestedAt, Instant now) {
        return !now.isBefore(requestedAt.plus(givenUpAfter));
    }

    private static List<InFlightCreate> sorted(List<InFlightCreate> records) {
        List<InFlightCreate> copy = new ArrayList<>(records);
        copy.sort(Comparator.comparing(InFlightCreate::serverName));
        return List.copyOf(copy);
    }
}
