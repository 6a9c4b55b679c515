package org.k8sca.kamatera.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.CloudProviderException.Kind;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.model.Node;
import org.k8sca.kamatera.api.CommandStatus;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.CreateServerResult;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.Secret;
import org.k8sca.kamatera.api.ServerSummary;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.NodeGroupConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every server of the cluster and its life cycle. One {@link #refresh()} lists the servers once, reads
 * tags only of servers it has not seen, polls all commands in flight in one queue call, and then moves
 * every instance through its state machine exactly once — so no completion is observed "for the wrong
 * node group" (upstream's defect §6.3 #1). Node groups are views: membership is computed from this one
 * map, so no group keeps a stale copy of an instance (§6.3 #3).
 *
 * <p>All methods synchronize on the fleet; API calls are made under the lock, as upstream does, because
 * the core calls the provider from its single loop.
 */
final class Fleet {
    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
    /** Terminated servers may stay listed for a while; they are ignored this long. */
    private static final Duration TOMBSTONE_TIME = Duration.ofMinutes(30);
    private static final int MAX_GONE_REMEMBERED = 10_000;

    private final CloudConfig config;
    private final KamateraApi api;
    private final ProviderOptions options;
    private final NodeMetadata nodeMetadata;
    private final ProviderIds ids;

    /** Servers of this cluster, by name (sorted, so every pass is deterministic). */
    private final Map<String, ServerInstance> instances = new TreeMap<>();
    /** Tags of listed servers that are not of this cluster, so they are read only once. */
    private final Map<String, List<String>> foreignTags = new HashMap<>();
    /** Names of servers whose terminate completed, until when they are ignored if still listed. */
    private final Map<String, Instant> tombstones = new HashMap<>();
    /** Names of servers of this cluster that disappeared; their nodes have no instance any more. */
    private final Set<String> gone = new HashSet<>();
    /** Node names whose provider ID was already written (or tried): never again. */
    private final Set<String> providerIdWritten = new HashSet<>();

    private Instant lastListing;
    private boolean listedOnce;

    Fleet(CloudConfig config, KamateraApi api, ProviderOptions options, NodeMetadata nodeMetadata) {
        this.config = Objects.requireNonNull(config, "config");
        this.api = Objects.requireNonNull(api, "api");
        this.options = Objects.requireNonNull(options, "options");
        this.nodeMetadata = Objects.requireNonNull(nodeMetadata, "nodeMetadata");
        this.ids = new ProviderIds(config.providerIdPrefix());
    }

    ProviderIds providerIds() {
        return ids;
    }

    // ------------------------------------------------------------------ refresh

    /**
     * Brings every instance up to date with the cloud. Skipped (no API call) when the previous listing
     * is younger than the minimum refresh interval and nothing is in flight.
     *
     * @throws CloudProviderException when the server list cannot be read; nothing changes then
     */
    synchronized void refresh() {
        Instant now = options.clock().instant();
        if (listedOnce && !hasWorkInFlight()
                && now.isBefore(lastListing.plus(config.minRefreshInterval()))) {
            return;
        }
        List<ServerSummary> servers;
        try {
            servers = api.listServers(config.filterNamePrefix());
        } catch (KamateraApiException e) {
            throw new CloudProviderException(Kind.CLOUD_API,
                    "failed to get list of Kamatera servers from Kamatera API: " + e.getMessage(), e);
        }
        lastListing = now;
        listedOnce = true;
        tombstones.values().removeIf(until -> !now.isBefore(until));
        applyListing(servers);
        pollCommands(now);
        List<ServerInstance> poweredOff = new ArrayList<>();
        for (ServerInstance instance : new ArrayList<>(instances.values())) {
            reconcile(instance, now, poweredOff);
        }
        poolOrTerminate(poweredOff, now);
        if (LOG.isDebugEnabled()) {
            for (ServerInstance instance : instances.values()) {
                LOG.debug("{}", instance.debugLine());
            }
        }
    }

    private boolean hasWorkInFlight() {
        for (ServerInstance instance : instances.values()) {
            if (instance.command != null || instance.retryAt != null || instance.phase == Phase.CREATING
                    || instance.phase == Phase.DELETING) {
                return true;
            }
        }
        return false;
    }

    /** Adopts new servers (reading their tags once) and records which servers are listed and their power. */
    private void applyListing(List<ServerSummary> servers) {
        Map<String, ServerSummary> listed = new LinkedHashMap<>();
        for (ServerSummary server : servers) {
            listed.putIfAbsent(server.name(), server);
        }
        foreignTags.keySet().retainAll(listed.keySet());
        for (ServerInstance instance : instances.values()) {
            instance.listed = false;
        }
        for (ServerSummary server : listed.values()) {
            String name = server.name();
            if (tombstones.containsKey(name) || foreignTags.containsKey(name)) {
                continue;
            }
            ServerInstance instance = instances.get(name);
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

    /** A server seen for the first time: read its tags; null when it is not ours or its tags failed. */
    private ServerInstance adopt(ServerSummary server) {
        List<String> tags;
        try {
            tags = api.serverTags(server.name());
        } catch (KamateraApiException e) {
            // One unreadable server must not stop the refresh of all others (upstream: §6.3 #10).
            LOG.warn("Could not read the tags of server {}, trying again at the next refresh: {}", server.name(),
                    e.getMessage());
            return null;
        }
        if (!tags.contains(config.clusterTag())) {
            foreignTags.put(server.name(), tags);
            return null;
        }
        String group = groupOf(tags);
        Phase phase = server.poweredOn() ? Phase.RUNNING : Phase.STANDBY;
        ServerInstance instance = new ServerInstance(server.name(), ids.format(server.name()), group, tags, phase);
        instances.put(instance.name, instance);
        gone.remove(instance.name);
        LOG.info("Found server {} of node group {} ({})", server.name(), group, server.poweredOn() ? "on" : "off");
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
        for (ServerInstance instance : instances.values()) {
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
                            && InstanceErrors.GET_COMMAND_STATUS_FAILED.equals(instance.error.code())) {
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
            case CREATE, POWER_ON -> {
                // Running once the list shows the server powered on; a cancelled one is handled by reconcile.
                if (operation == Operation.CREATE && instance.phase == Phase.DELETING) {
                    instance.awaitingAppearanceUntil = now.plus(options.createAppearanceGrace());
                }
            }
            case POWER_OFF -> instance.retryAt = null;
            case TERMINATE -> {
                LOG.info("Server {} terminated", instance.name);
                drop(instance, now, true);
            }
        }
    }

    private void commandFailed(ServerInstance instance, CommandStatus status, Instant now) {
        Operation operation = instance.command.operation();
        instance.command = null;
        LOG.warn("Command {} ({}) of server {} failed: {}", status.id(), operation, instance.name,
                status.rawStatus() == null ? "not found" : status.rawStatus());
        switch (operation) {
            case CREATE -> {
                if (instance.phase == Phase.DELETING) {
                    drop(instance, now, false);
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
                scheduleRetry(instance, now);
            }
        }
    }

    /** The state machine, once per refresh, after the listing and the command statuses are known. */
    private void reconcile(ServerInstance instance, Instant now, List<ServerInstance> poweredOff) {
        if (!instances.containsKey(instance.name) || instance.command != null) {
            return;
        }
        switch (instance.phase) {
            case STANDBY -> {
                if (!instance.listed) {
                    drop(instance, now, false);
                } else if (instance.poweredOn) {
                    LOG.info("Standby server {} was powered on outside the autoscaler; it is running again",
                            instance.name);
                    instance.phase = Phase.RUNNING;
                    returnToService(instance);
                }
            }
            case RUNNING -> {
                if (!instance.listed) {
                    // Upstream keeps it Running until the core's 1 h unregistered-node timeout (§6.3 #5).
                    LOG.warn("Server {} is no longer listed: it was deleted outside the autoscaler", instance.name);
                    drop(instance, now, false);
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
        if (instance.awaitingAppearanceUntil != null && !now.isBefore(instance.awaitingAppearanceUntil)) {
            instance.awaitingAppearanceUntil = null;
            if (lookUp(instance.name)) {
                return;
            }
            instance.error = InstanceErrors.createUnconfirmed(instance.name);
            LOG.warn("Server {} did not appear after an unanswered create request; reporting it as failed",
                    instance.name);
        }
    }

    private void reconcileDeleting(ServerInstance instance, Instant now, List<ServerInstance> poweredOff) {
        switch (instance.deleteStep) {
            case POWERING_OFF -> {
                if (!instance.listed) {
                    drop(instance, now, false);
                } else if (!instance.poweredOn) {
                    // The power-off completed, or failed while the server is off anyway.
                    poweredOff.add(instance);
                } else if (isDue(instance, now)) {
                    startPowerOff(instance, now);
                }
            }
            case TERMINATING -> {
                if (!instance.listed) {
                    drop(instance, now, false);
                } else if (isDue(instance, now)) {
                    startTerminate(instance, now);
                }
            }
            case CANCELLING -> {
                if (instance.origin == Operation.POWER_ON) {
                    if (!instance.listed) {
                        drop(instance, now, false);
                    } else if (instance.poweredOn) {
                        startPowerOff(instance, now);
                    } else {
                        poweredOff.add(instance);
                    }
                } else if (instance.listed) {
                    // The cancelled creation exists now: terminate it before it joins the cluster.
                    startTerminate(instance, now);
                } else if (instance.awaitingAppearanceUntil != null && !now.isBefore(instance.awaitingAppearanceUntil)) {
                    if (!lookUp(instance.name)) {
                        drop(instance, now, false);
                    }
                }
            }
        }
    }

    private boolean isDue(ServerInstance instance, Instant now) {
        return instance.retryAt != null && !now.isBefore(instance.retryAt);
    }

    /** The last check before reporting a lost create: ask for the server by name. */
    private boolean lookUp(String name) {
        try {
            return api.serverInfo(name).isPresent();
        } catch (KamateraApiException e) {
            LOG.warn("Could not look up server {}: {}", name, e.getMessage());
            return true; // unknown: keep waiting rather than forget a server that may exist
        }
    }

    /**
     * Power-offs that finished: per node group, in name order, each server joins the warm pool while the
     * group keeps the pool on and below its cap; the others are terminated. Pool members are counted the
     * same way everywhere (upstream counts differently in DeleteNodes and refresh, §6.3 #18).
     */
    private void poolOrTerminate(List<ServerInstance> poweredOff, Instant now) {
        poweredOff.sort(Comparator.comparing(i -> i.name));
        Map<String, Integer> poolSizes = new HashMap<>();
        for (ServerInstance instance : poweredOff) {
            NodeGroupConfig group = instance.group == null ? null : config.nodeGroups().get(instance.group);
            boolean keep = false;
            if (group != null && group.powerOffOnScaleDown()) {
                int pooled = poolSizes.computeIfAbsent(group.name(), this::poolSize);
                int cap = group.powerOffOnScaleDownMaxServers();
                keep = cap == 0 || pooled < cap;
                if (keep) {
                    poolSizes.put(group.name(), pooled + 1);
                }
            }
            if (keep) {
                instance.enterStandby();
                LOG.info("Server {} is powered off and kept in the warm pool of node group {}", instance.name,
                        instance.group);
            } else {
                instance.enterDeleting(DeleteStep.TERMINATING);
                startTerminate(instance, now);
            }
        }
    }

    private int poolSize(String group) {
        int count = 0;
        for (ServerInstance instance : instances.values()) {
            if (group.equals(instance.group) && instance.isPoolMember()) {
                count++;
            }
        }
        return count;
    }

    private void startPowerOff(ServerInstance instance, Instant now) {
        try {
            instance.command = new PendingCommand(api.powerOff(instance.name), Operation.POWER_OFF, now);
            instance.deleteStep = DeleteStep.POWERING_OFF;
            instance.retryAt = null;
        } catch (KamateraApiException e) {
            if (e.isNoServersFound()) {
                drop(instance, now, false);
                return;
            }
            instance.deleteStep = DeleteStep.POWERING_OFF;
            instance.error = InstanceErrors.didNotStart(e);
            scheduleRetry(instance, now);
            LOG.warn("Could not power off server {}, retrying at {}: {}", instance.name, instance.retryAt,
                    e.getMessage());
        }
    }

    private void startTerminate(ServerInstance instance, Instant now) {
        instance.phase = Phase.DELETING;
        instance.deleteStep = DeleteStep.TERMINATING;
        try {
            instance.command = new PendingCommand(api.terminateServer(instance.name), Operation.TERMINATE, now);
            instance.retryAt = null;
            LOG.info("Terminating server {}", instance.name);
        } catch (KamateraApiException e) {
            if (e.isNoServersFound()) {
                drop(instance, now, false);
                return;
            }
            instance.error = InstanceErrors.didNotStart(e);
            scheduleRetry(instance, now);
            LOG.warn("Could not terminate server {}, retrying at {}: {}", instance.name, instance.retryAt,
                    e.getMessage());
        }
    }

    private void scheduleRetry(ServerInstance instance, Instant now) {
        instance.failedAttempts++;
        instance.retryAt = now.plus(options.backoff(instance.failedAttempts));
    }

    private void returnToService(ServerInstance instance) {
        try {
            nodeMetadata.returnToService(instance.name);
        } catch (RuntimeException e) {
            LOG.warn("Could not clear the scale-down marks of node {}: {}", instance.name, e.getMessage());
        }
    }

    private void drop(ServerInstance instance, Instant now, boolean terminated) {
        instances.remove(instance.name);
        if (terminated) {
            tombstones.put(instance.name, now.plus(TOMBSTONE_TIME));
        }
        if (gone.size() < MAX_GONE_REMEMBERED) {
            gone.add(instance.name);
        }
    }

    // ------------------------------------------------------------------ node groups

    synchronized int targetSize(String group) {
        int size = 0;
        for (ServerInstance instance : instances.values()) {
            if (group.equals(instance.group) && instance.countsInTarget()) {
                size++;
            }
        }
        return size;
    }

    synchronized List<Instance> nodes(String group) {
        List<Instance> result = new ArrayList<>();
        for (ServerInstance instance : instances.values()) {
            if (group.equals(instance.group) && instance.phase != Phase.STANDBY) {
                result.add(instance.toCoreInstance());
            }
        }
        return result;
    }

    /** Power-ons from the warm pool first (when enabled), then new servers for the rest. */
    synchronized void increaseSize(NodeGroupConfig group, int delta) {
        if (delta <= 0) {
            throw new CloudProviderException(Kind.INVALID_REQUEST, "delta must be positive, have: " + delta);
        }
        int current = targetSize(group.name());
        if (current + delta > group.maxSize()) {
            throw new CloudProviderException(Kind.INVALID_REQUEST, "size increase is too large. current: " + current
                    + " desired: " + (current + delta) + " max: " + group.maxSize());
        }
        Instant now = options.clock().instant();
        LOG.info("Increasing size of node group {} by {} (current {})", group.name(), delta, current);
        int remaining = delta;
        if (group.powerOnOnScaleUp()) {
            for (ServerInstance candidate : poolMembers(group.name())) {
                if (remaining == 0) {
                    break;
                }
                try {
                    candidate.command = new PendingCommand(api.powerOn(candidate.name), Operation.POWER_ON, now);
                } catch (KamateraApiException e) {
                    LOG.warn("Could not power on pool server {}, trying the next one: {}", candidate.name,
                            e.getMessage());
                    continue;
                }
                candidate.phase = Phase.CREATING;
                candidate.origin = Operation.POWER_ON;
                candidate.error = null;
                candidate.requestedAt = now;
                remaining--;
                LOG.info("Powering on server {} from the warm pool of node group {}", candidate.name, group.name());
            }
        }
        CreateServerRequest template = createRequest(group);
        for (int i = 0; i < remaining; i++) {
            create(group, template, now);
        }
    }

    /**
     * Pool members of a group, in name order. Membership is by the group's tags; other tags on the server
     * do not matter (upstream demands the exact tag set, §6.3 #14).
     */
    private List<ServerInstance> poolMembers(String group) {
        List<ServerInstance> members = new ArrayList<>();
        for (ServerInstance instance : instances.values()) {
            if (group.equals(instance.group) && instance.isPoolMember()) {
                members.add(instance);
            }
        }
        return members;
    }

    private void create(NodeGroupConfig group, CreateServerRequest template, Instant now) {
        String name = options.serverNames().next(group.namePrefix());
        ServerInstance instance = new ServerInstance(name, ids.format(name), group.name(), group.tags(),
                Phase.CREATING);
        instance.origin = Operation.CREATE;
        instance.requestedAt = now;
        instances.put(name, instance);
        gone.remove(name);
        try {
            CreateServerResult result = api.createServer(template.withName(name));
            instance.command = new PendingCommand(result.commandId(), Operation.CREATE, now);
            LOG.info("Creating server {} for node group {}", name, group.name());
        } catch (KamateraApiException e) {
            if (e.mayHaveBeenProcessed() && !isBackendRejection(e)) {
                // The server may exist: wait for it to show up instead of creating another (no duplicate)
                // or forgetting it (no leak). It counts in the target size meanwhile.
                instance.awaitingAppearanceUntil = now.plus(options.createAppearanceGrace());
                LOG.warn("The create request for server {} got no clear answer; waiting for it to appear: {}",
                        name, e.getMessage());
            } else {
                // Reported at once, so the core backs off and tries another group in this loop (§6.3 #4).
                instance.error = InstanceErrors.didNotStart(e);
                LOG.warn("Could not create server {} for node group {}: {}", name, group.name(), e.getMessage());
            }
        }
    }

    /**
     * Kamatera's backend refuses a create (quota, unknown image, ...) with HTTP 500 and a message ending in
     * its error code, {@code "<info> (<code>)"}: a definite answer, although a 500.
     */
    static boolean isBackendRejection(KamateraApiException e) {
        return e.httpStatus() == 500 && e.apiMessage().map(m -> BACKEND_REJECTION.matcher(m).matches()).orElse(false);
    }

    private static final java.util.regex.Pattern BACKEND_REJECTION = java.util.regex.Pattern.compile(
            "(?s).+ \\([0-9]+\\)");

    private static CreateServerRequest createRequest(NodeGroupConfig group) {
        boolean generate = NodeGroupConfig.GENERATE_PASSWORD.equals(group.password());
        return CreateServerRequest.builder("")
                .password(generate ? Secret.empty() : Secret.of(group.password()))
                .sshKey(group.sshKey())
                .datacenter(group.datacenter())
                .image(group.image())
                .cpu(group.cpu())
                .ram(group.ram())
                .disks(group.disks())
                .dailyBackup(group.dailyBackup())
                .managed(group.managed())
                .networks(group.networks())
                .billingCycle(group.billingCycle())
                .monthlyPackage(group.monthlyPackage())
                .script(Secret.of(group.script()))
                .tags(group.tags())
                .build();
    }

    /**
     * Deletes the servers of these nodes. Running servers are powered off first (both modes); when the
     * power-off completes, a later refresh keeps the server in the warm pool or terminates it. A server
     * that is already off is decided at once. Stops at the first node that fails.
     */
    synchronized void deleteNodes(NodeGroupConfig group, List<Node> nodes) {
        Instant now = options.clock().instant();
        for (Node node : nodes) {
            ServerInstance instance = find(node).filter(i -> group.name().equals(i.group)).orElse(null);
            if (instance == null || instance.phase == Phase.STANDBY) {
                throw new CloudProviderException(Kind.INVALID_REQUEST, deleteFailure(node,
                        "cannot find this node in the node group"));
            }
            deleteInstance(instance, node, now);
        }
    }

    private void deleteInstance(ServerInstance instance, Node node, Instant now) {
        if (instance.phase == Phase.DELETING) {
            return; // already on its way out: deleting twice is not an error
        }
        if (instance.command != null) {
            // A create or power-on in flight: finish it, then undo it.
            instance.enterDeleting(DeleteStep.CANCELLING);
            return;
        }
        if (!instance.listed) {
            if (instance.awaitingAppearanceUntil != null) {
                instance.enterDeleting(DeleteStep.CANCELLING);
                instance.awaitingAppearanceUntil = now.plus(options.createAppearanceGrace());
            } else {
                drop(instance, now, false); // a create that failed: there is no server
            }
            return;
        }
        if (instance.poweredOn) {
            Phase before = instance.phase;
            try {
                String commandId = api.powerOff(instance.name);
                instance.enterDeleting(DeleteStep.POWERING_OFF);
                instance.command = new PendingCommand(commandId, Operation.POWER_OFF, now);
                LOG.info("Powering off server {}", instance.name);
            } catch (KamateraApiException e) {
                if (e.mayHaveBeenProcessed()) {
                    // The power-off may have started: finish the deletion, retrying until the server is off.
                    instance.enterDeleting(DeleteStep.POWERING_OFF);
                    instance.error = InstanceErrors.didNotStart(e);
                    scheduleRetry(instance, now);
                    return;
                }
                // Nothing happened to the server: it stays in service, and the core hears of the failure.
                instance.phase = before;
                throw new CloudProviderException(Kind.CLOUD_API, deleteFailure(node, e.getMessage()), e);
            }
            return;
        }
        if (instance.phase == Phase.CREATING && instance.origin == Operation.CREATE) {
            // A server that never came up (e.g. its create ended in error) is not worth keeping in a pool.
            instance.enterDeleting(DeleteStep.TERMINATING);
            startTerminate(instance, now);
            return;
        }
        instance.enterDeleting(DeleteStep.POWERING_OFF);
        List<ServerInstance> off = new ArrayList<>();
        off.add(instance);
        poolOrTerminate(off, now);
    }

    private static String deleteFailure(Node node, String why) {
        return "Failed to delete node \"" + node.name() + "\" with provider ID \"" + node.providerId() + "\": " + why;
    }

    /**
     * Drops requests that were not fulfilled yet, newest first: a creation or power-on in flight is
     * cancelled (the server is terminated, or powered off again, as soon as it exists); a creation that
     * failed is forgotten. Running servers are never touched.
     */
    synchronized void decreaseTargetSize(NodeGroupConfig group, int delta) {
        if (delta >= 0) {
            throw new CloudProviderException(Kind.INVALID_REQUEST, "size decrease must be negative, have: " + delta);
        }
        List<ServerInstance> pending = new ArrayList<>();
        for (ServerInstance instance : instances.values()) {
            if (group.name().equals(instance.group) && instance.phase == Phase.CREATING) {
                pending.add(instance);
            }
        }
        if (pending.size() < -delta) {
            throw new CloudProviderException(Kind.INVALID_REQUEST, "attempt to delete existing nodes: node group "
                    + group.name() + " has " + pending.size() + " unfulfilled requests, asked to drop " + (-delta));
        }
        pending.sort(Comparator.comparing((ServerInstance i) -> i.requestedAt == null ? Instant.MIN : i.requestedAt)
                .thenComparing(i -> i.name).reversed());
        Instant now = options.clock().instant();
        for (ServerInstance instance : pending.subList(0, -delta)) {
            LOG.info("Cancelling the request for server {} of node group {}", instance.name, group.name());
            if (instance.command != null || instance.awaitingAppearanceUntil != null) {
                instance.enterDeleting(DeleteStep.CANCELLING);
            } else if (!instance.listed) {
                drop(instance, now, false);
            } else if (instance.origin == Operation.POWER_ON) {
                instance.enterDeleting(DeleteStep.CANCELLING);
            } else {
                instance.enterDeleting(DeleteStep.TERMINATING);
                startTerminate(instance, now);
            }
        }
    }

    // ------------------------------------------------------------------ nodes

    /**
     * The instance of a node: by provider ID, then by name (the node name is the server name). A node
     * matched by name that has no provider ID gets it written once through {@link NodeMetadata}; a node
     * whose provider ID has another prefix (an immutable field) is never written (§6.3 #15).
     */
    synchronized Optional<ServerInstance> find(Node node) {
        ServerInstance byId = node.providerId().isEmpty() ? null
                : instances.get(ids.serverName(node.providerId()));
        if (byId != null) {
            return Optional.of(byId);
        }
        ServerInstance byName = instances.get(node.name());
        if (byName == null) {
            return Optional.empty();
        }
        if (node.providerId().isEmpty() && providerIdWritten.add(node.name())) {
            try {
                nodeMetadata.setProviderId(node.name(), byName.providerId);
            } catch (RuntimeException e) {
                LOG.warn("failed to set node ProviderID of node {} (not retried): {}", node.name(), e.getMessage());
            }
        }
        return Optional.of(byName);
    }

    /** The node group of a node, unless its server is on standby (it then belongs to no group). */
    synchronized Optional<String> groupOf(Node node) {
        return find(node).filter(i -> i.phase != Phase.STANDBY).map(i -> i.group);
    }

    synchronized boolean isStandby(Node node) {
        return find(node).map(i -> i.phase == Phase.STANDBY).orElse(false);
    }

    /** False only for a node whose server was ours and has disappeared (terminated, or deleted by hand). */
    synchronized boolean hasInstance(Node node) {
        if (find(node).isPresent()) {
            return true;
        }
        String name = node.providerId().isEmpty() ? node.name() : ids.serverName(node.providerId());
        return !gone.contains(name);
    }

    /** Debug lines of a group's instances, for logs. */
    synchronized List<String> debugLines(String group) {
        List<String> lines = new ArrayList<>();
        for (ServerInstance instance : instances.values()) {
            if (group.equals(instance.group)) {
                lines.add(instance.debugLine());
            }
        }
        return lines;
    }

    /** Test hook: the phase of a server by name. */
    synchronized Optional<Phase> phaseOf(String serverName) {
        return Optional.ofNullable(instances.get(serverName)).map(i -> i.phase);
    }

    synchronized Collection<String> serverNames() {
        return List.copyOf(instances.keySet());
    }
}
