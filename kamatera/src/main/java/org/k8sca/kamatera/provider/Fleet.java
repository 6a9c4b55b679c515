package org.k8sca.kamatera.provider;

import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.CloudProviderException.Kind;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.model.Node;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every server of the cluster, and the operations on them. {@link #refresh()} lists the servers
 * once and hands the list to the {@link Reconciler}; node groups are views on the one {@link
 * Registry}, so no group keeps a stale copy of an instance (upstream's ghosts, §6.3 #3).
 *
 * <p>All methods synchronize on the fleet; API calls are made under the lock, as upstream does,
 * because the core calls the provider from its single loop.
 */
final class Fleet {
    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

    /**
     * Kamatera's backend refuses a create (quota, unknown image, ...) with HTTP 500 and a message
     * ending in its error code, {@code "<info> (<code>)"}: a definite answer, although a 500.
     */
    private static final Pattern BACKEND_REJECTION = Pattern.compile("(?s).+ \\([0-9]+\\)");

    private final CloudConfig config;
    private final KamateraApi api;
    private final ProviderOptions options;
    private final NodeMetadata nodeMetadata;
    private final ProviderIds ids;
    private final Registry registry = new Registry();
    private final ServerActions actions;
    private final PoolPolicy poolPolicy;
    private final Reconciler reconciler;
    private final InFlightCreates inFlightCreates;

    /** Node names whose provider ID was already written (or tried): never again. */
    private final Set<String> providerIdWritten = new HashSet<>();

    private final Map<String, String> providerIdsToWrite = new LinkedHashMap<>();

    private Instant lastListing;

    Fleet(
            CloudConfig config,
            KamateraApi api,
            ProviderOptions options,
            NodeMetadata nodeMetadata,
            InFlightCreateStore createStore) {
        this.config = Objects.requireNonNull(config, "config");
        this.api = Objects.requireNonNull(api, "api");
        this.options = Objects.requireNonNull(options, "options");
        this.nodeMetadata = Objects.requireNonNull(nodeMetadata, "nodeMetadata");
        this.ids = new ProviderIds(config.providerIdPrefix());
        this.actions = new ServerActions(api, options, registry);
        this.poolPolicy = new PoolPolicy(config, registry, actions);
        this.reconciler =
                new Reconciler(config, api, options, registry, actions, poolPolicy, nodeMetadata);
        this.inFlightCreates =
                new InFlightCreates(
                        Objects.requireNonNull(createStore, "createStore"),
                        config,
                        options,
                        registry,
                        KamateraNodeGroup.MAX_NODE_PROVISION_TIME);
    }

    /**
     * Brings every instance up to date with the cloud. Skipped (no API call) when the previous
     * listing is younger than {@code min-refresh-interval} and nothing is in flight.
     *
     * <p>The first refresh also resumes the creates a previous autoscaler left in flight (see
     * {@link InFlightCreates}); afterwards the creates still in flight are saved.
     *
     * @throws CloudProviderException when the server list or the saved creates cannot be read;
     *     nothing changes then
     */
    synchronized void refresh() {
        Instant now = options.clock().instant();
        inFlightCreates.loadOnce(now);
        if (listAndApply(now)) {
            inFlightCreates.sync(now);
        }
    }

    /**
     * A refresh that neither reads nor writes the saved creates: the import at start, which also
     * runs in an autoscaler that is not (yet) the leader and must not touch what the leader saves.
     * The saved creates are read at the first {@link #refresh()}, made by the loop once leading.
     */
    synchronized void importServers() {
        listAndApply(options.clock().instant());
    }

    /** False when the listing was skipped. */
    private boolean listAndApply(Instant now) {
        if (lastListing != null
                && !registry.hasWorkInFlight()
                && now.isBefore(lastListing.plus(config.minRefreshInterval()))) {
            return false;
        }
        List<ServerSummary> servers;
        try {
            servers = api.listServers(config.filterNamePrefix());
        } catch (KamateraApiException e) {
            throw new CloudProviderException(
                    Kind.CLOUD_API,
                    "failed to get list of Kamatera servers from Kamatera API: " + e.getMessage(),
                    e);
        }
        lastListing = now;
        reconciler.apply(servers, now);
        return true;
    }

    synchronized int targetSize(String group) {
        int size = 0;
        for (ServerInstance instance : registry.ofGroup(group)) {
            if (instance.countsInTarget()) {
                size++;
            }
        }
        return size;
    }

    /** Every server of the group, standby (warm-pool) servers as STOPPED instances. */
    synchronized List<Instance> nodes(String group) {
        List<Instance> result = new ArrayList<>();
        for (ServerInstance instance : registry.ofGroup(group)) {
            result.add(instance.toCoreInstance());
        }
        return result;
    }

    /** Power-ons from the warm pool first (when enabled), then new servers for the rest. */
    synchronized void increaseSize(NodeGroupConfig group, int delta) {
        if (delta <= 0) {
            throw new CloudProviderException(
                    Kind.INVALID_REQUEST, "delta must be positive, have: " + delta);
        }
        Instant now = options.clock().instant();
        // Before the size check: creates a previous autoscaler left in flight count in the target.
        inFlightCreates.loadOnce(now);
        int current = targetSize(group.name());
        if (current + delta > group.maxSize()) {
            throw new CloudProviderException(
                    Kind.INVALID_REQUEST,
                    "size increase is too large. current: "
                            + current
                            + " desired: "
                            + (current + delta)
                            + " max: "
                            + group.maxSize());
        }
        LOG.info(
                "Increasing size of node group {} by {} (current {})",
                group.name(),
                delta,
                current);
        int remaining = delta;
        if (group.powerOnOnScaleUp()) {
            for (ServerInstance candidate : registry.poolMembers(group.name())) {
                if (remaining == 0) {
                    break;
                }
                try {
                    candidate.command =
                            new PendingCommand(
                                    api.powerOn(candidate.name), Operation.POWER_ON, now);
                } catch (KamateraApiException e) {
                    LOG.warn(
                            "Could not power on pool server {}, trying the next one: {}",
                            candidate.name,
                            e.getMessage());
                    continue;
                }
                candidate.phase = Phase.CREATING;
                candidate.origin = Operation.POWER_ON;
                candidate.error = null;
                candidate.requestedAt = now;
                remaining--;
                LOG.info(
                        "Powering on server {} from the warm pool of node group {}",
                        candidate.name,
                        group.name());
            }
        }
        // Every new server is saved as in flight before its create is sent, so that an autoscaler
        // restarted in the middle knows it (the list hides a server while it is being created).
        List<ServerInstance> planned = new ArrayList<>();
        for (int i = 0; i < remaining; i++) {
            planned.add(plan(group, now));
        }
        if (planned.isEmpty()) {
            return;
        }
        inFlightCreates.sync(now);
        CreateServerRequest template = createRequest(group);
        for (ServerInstance instance : planned) {
            create(group, instance, template, now);
        }
        inFlightCreates.sync(now);
    }

    private ServerInstance plan(NodeGroupConfig group, Instant now) {
        String name = options.serverNames().next(group.namePrefix());
        ServerInstance instance =
                new ServerInstance(
                        name, ids.format(name), group.name(), group.tags(), Phase.CREATING);
        instance.origin = Operation.CREATE;
        instance.requestedAt = now;
        registry.add(instance);
        return instance;
    }

    private void create(
            NodeGroupConfig group,
            ServerInstance instance,
            CreateServerRequest template,
            Instant now) {
        String name = instance.name;
        try {
            CreateServerResult result = api.createServer(template.withName(name));
            instance.command = new PendingCommand(result.commandId(), Operation.CREATE, now);
            LOG.info("Creating server {} for node group {}", name, group.name());
        } catch (KamateraApiException e) {
            if (e.mayHaveBeenProcessed() && !isBackendRejection(e)) {
                // The server may exist: wait for it to show up instead of creating another (no
                // duplicate)
                // or forgetting it (no leak). It counts in the target size meanwhile.
                instance.awaitingAppearanceUntil = now.plus(options.createAppearanceGrace());
                LOG.warn(
                        "The create request for server {} got no clear answer; waiting for it to"
                                + " appear: {}",
                        name,
                        e.getMessage());
            } else {
                // Reported at once, so the core backs off and tries another group in this loop
                // (§6.3 #4).
                instance.error = InstanceErrors.didNotStart(e);
                LOG.warn(
                        "Could not create server {} for node group {}: {}",
                        name,
                        group.name(),
                        e.getMessage());
            }
        }
    }

    static boolean isBackendRejection(KamateraApiException e) {
        return e.httpStatus() == 500
                && e.apiMessage().map(m -> BACKEND_REJECTION.matcher(m).matches()).orElse(false);
    }

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
     * Deletes the servers of these nodes. Running servers are powered off first (both modes); when
     * the power-off completes, a later refresh keeps the server in the warm pool or terminates it.
     * A server that is already off is decided at once. Stops at the first node that fails.
     */
    synchronized void deleteNodes(NodeGroupConfig group, List<Node> nodes) {
        Instant now = options.clock().instant();
        try {
            for (Node node : nodes) {
                ServerInstance instance =
                        find(node).filter(i -> group.name().equals(i.group)).orElse(null);
                if (instance == null || instance.phase == Phase.STANDBY) {
                    throw new CloudProviderException(
                            Kind.INVALID_REQUEST,
                            deleteFailure(node, "cannot find this node in the node group"));
                }
                deleteInstance(instance, node, now);
            }
        } finally {
            inFlightCreates.sync(now); // a dropped create is no longer in flight
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
                registry.drop(instance, now, false); // a create that failed: there is no server
            }
            return;
        }
        if (instance.poweredOn) {
            try {
                String commandId = api.powerOff(instance.name);
                instance.enterDeleting(DeleteStep.POWERING_OFF);
                instance.command = new PendingCommand(commandId, Operation.POWER_OFF, now);
                LOG.info("Powering off server {}", instance.name);
            } catch (KamateraApiException e) {
                if (e.mayHaveBeenProcessed()) {
                    // The power-off may have started: finish the deletion, retrying until the
                    // server is off.
                    instance.enterDeleting(DeleteStep.POWERING_OFF);
                    instance.error = InstanceErrors.didNotStart(e);
                    actions.scheduleRetry(instance, now);
                    return;
                }
                // Nothing happened to the server: it stays in service, and the core hears of the
                // failure.
                throw new CloudProviderException(
                        Kind.CLOUD_API, deleteFailure(node, e.getMessage()), e);
            }
            return;
        }
        if (instance.phase == Phase.CREATING && instance.origin == Operation.CREATE) {
            // A server that never came up (e.g. its create ended in error) is not worth keeping in
            // a pool.
            instance.enterDeleting(DeleteStep.TERMINATING);
            actions.terminate(instance, now);
            return;
        }
        instance.enterDeleting(DeleteStep.POWERING_OFF);
        List<ServerInstance> off = new ArrayList<>();
        off.add(instance);
        poolPolicy.decide(off, now);
    }

    private static String deleteFailure(Node node, String why) {
        return "Failed to delete node \""
                + node.name()
                + "\" with provider ID \""
                + node.providerId()
                + "\": "
                + why;
    }

    /**
     * Drops requests that were not fulfilled yet, newest first: a creation or power-on in flight is
     * cancelled (the server is terminated, or powered off again, as soon as it exists); a creation
     * that failed is forgotten. Running servers are never touched.
     */
    synchronized void decreaseTargetSize(NodeGroupConfig group, int delta) {
        if (delta >= 0) {
            throw new CloudProviderException(
                    Kind.INVALID_REQUEST, "size decrease must be negative, have: " + delta);
        }
        List<ServerInstance> pending = new ArrayList<>();
        for (ServerInstance instance : registry.ofGroup(group.name())) {
            if (instance.phase == Phase.CREATING) {
                pending.add(instance);
            }
        }
        if (pending.size() < -delta) {
            throw new CloudProviderException(
                    Kind.INVALID_REQUEST,
                    "attempt to delete existing nodes: node group "
                            + group.name()
                            + " has "
                            + pending.size()
                            + " unfulfilled requests, asked to drop "
                            + (-delta));
        }
        pending.sort(
                Comparator.comparing(
                                (ServerInstance i) ->
                                        i.requestedAt == null ? Instant.MIN : i.requestedAt)
                        .thenComparing(i -> i.name)
                        .reversed());
        Instant now = options.clock().instant();
        for (ServerInstance instance : pending.subList(0, -delta)) {
            LOG.info(
                    "Cancelling the request for server {} of node group {}",
                    instance.name,
                    group.name());
            if (instance.command != null || instance.awaitingAppearanceUntil != null) {
                instance.enterDeleting(DeleteStep.CANCELLING);
            } else if (!instance.listed) {
                registry.drop(instance, now, false);
            } else if (instance.origin == Operation.POWER_ON) {
                instance.enterDeleting(DeleteStep.CANCELLING);
            } else {
                instance.enterDeleting(DeleteStep.TERMINATING);
                actions.terminate(instance, now);
            }
        }
        inFlightCreates.sync(now);
    }

    // ------------------------------------------------------------------ nodes

    /**
     * The instance of a node: by provider ID, then by name (the node name is the server name). A
     * node matched by name that has no provider ID gets it written once through {@link
     * NodeMetadata}; a node whose provider ID has another prefix (an immutable field) is never
     * written (§6.3 #15).
     */
    synchronized Optional<ServerInstance> find(Node node) {
        ServerInstance byId =
                node.providerId().isEmpty()
                        ? null
                        : registry.instances.get(ids.serverName(node.providerId()));
        if (byId != null) {
            return Optional.of(byId);
        }
        ServerInstance byName = registry.instances.get(node.name());
        if (byName == null) {
            return Optional.empty();
        }
        if (node.providerId().isEmpty() && providerIdWritten.add(node.name())) {
            providerIdsToWrite.put(node.name(), byName.providerId);
        }
        return Optional.of(byName);
    }

    /**
     * Writes the provider IDs {@link #find} queued, outside the fleet's lock: a node write may wait
     * for conflict retries, and every other caller of the fleet would wait with it.
     */
    void writeProviderIds() {
        Map<String, String> batch;
        synchronized (this) {
            if (providerIdsToWrite.isEmpty()) {
                return;
            }
            batch = new LinkedHashMap<>(providerIdsToWrite);
            providerIdsToWrite.clear();
        }
        batch.forEach(
                (nodeName, providerId) -> {
                    try {
                        nodeMetadata.setProviderId(nodeName, providerId);
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "failed to set node ProviderID of node {} (not retried): {}",
                                nodeName,
                                e.getMessage());
                    }
                });
    }

    /**
     * The core's default {@code isStandby} (the node's provider ID is a STOPPED instance of a
     * group's {@code nodes()}) by one lookup: the default copies every group's instances for every
     * node it is asked about, which made it most of a 5000-node loop.
     */
    synchronized boolean isStandby(Node node) {
        String providerId = node.providerId();
        if (providerId.isEmpty()) {
            return false;
        }
        ServerInstance instance = registry.instances.get(ids.serverName(providerId));
        return instance != null
                && instance.group != null
                && config.nodeGroups().containsKey(instance.group)
                && instance.providerId.equals(providerId)
                && instance.phase == Phase.STANDBY;
    }

    /** The node group of a node, unless its server is on standby (it then belongs to no group). */
    synchronized Optional<String> groupOf(Node node) {
        return find(node).filter(i -> i.phase != Phase.STANDBY).map(i -> i.group);
    }

    /**
     * False only for a node whose server was ours and has disappeared (terminated, or deleted by
     * hand).
     */
    synchronized boolean hasInstance(Node node) {
        if (find(node).isPresent()) {
            return true;
        }
        String name = node.providerId().isEmpty() ? node.name() : ids.serverName(node.providerId());
        return !registry.gone.contains(name);
    }

    /** Debug lines of a group's instances, for logs. */
    synchronized List<String> debugLines(String group) {
        List<String> lines = new ArrayList<>();
        for (ServerInstance instance : registry.ofGroup(group)) {
            lines.add(instance.debugLine());
        }
        return lines;
    }
}
