package org.k8sca.kamatera.provider;

import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.PricingModel;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.NodeGroupConfig;
import org.k8sca.kamatera.provider.template.MachineShape;
import org.k8sca.kamatera.provider.template.PriceEstimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kamatera cloud provider. Node groups come only from the cloud config and keep their identity
 * for the life of the provider; their servers are found by the tags {@code k8sca-<cluster>} and
 * {@code k8scang-<group>}.
 */
public final class KamateraCloudProvider implements CloudProvider {
    private static final Logger LOG = LoggerFactory.getLogger(KamateraCloudProvider.class);
    public static final String NAME = "kamatera";

    private final Fleet fleet;
    private final Map<String, KamateraNodeGroup> groups;
    private final TemplateNames templateNames = new TemplateNames();

    /** A provider whose creates in flight are kept in memory only (lost on a restart). */
    public KamateraCloudProvider(
            CloudConfig config,
            KamateraApi api,
            ProviderOptions options,
            NodeMetadata nodeMetadata) {
        this(config, api, options, nodeMetadata, InFlightCreateStore.inMemory());
    }

    /**
     * @param createStore where the creates in flight are saved, so that a restarted provider
     *     resumes them instead of creating their servers again
     */
    public KamateraCloudProvider(
            CloudConfig config,
            KamateraApi api,
            ProviderOptions options,
            NodeMetadata nodeMetadata,
            InFlightCreateStore createStore) {
        this.fleet = new Fleet(config, api, options, nodeMetadata, createStore);
        Map<String, KamateraNodeGroup> byName = new LinkedHashMap<>();
        for (NodeGroupConfig group : config.nodeGroups().values()) {
            byName.put(group.name(), new KamateraNodeGroup(group, fleet, templateNames));
        }
        this.groups = Collections.unmodifiableMap(byName);
    }

    /**
     * Builds the provider and imports the servers (a first listing). As upstream, a failing import
     * is only logged: the provider still starts, and the next loop tries again. The import does not
     * touch the saved creates in flight (it also runs in an autoscaler waiting to lead); they are
     * read at the first {@link #refresh()}.
     */
    public static KamateraCloudProvider start(
            CloudConfig config,
            KamateraApi api,
            ProviderOptions options,
            NodeMetadata nodeMetadata) {
        return start(config, api, options, nodeMetadata, InFlightCreateStore.inMemory());
    }

    /** As {@link #start(CloudConfig, KamateraApi, ProviderOptions, NodeMetadata)}, with a store. */
    public static KamateraCloudProvider start(
            CloudConfig config,
            KamateraApi api,
            ProviderOptions options,
            NodeMetadata nodeMetadata,
            InFlightCreateStore createStore) {
        KamateraCloudProvider provider =
                new KamateraCloudProvider(config, api, options, nodeMetadata, createStore);
        try {
            provider.fleet.importServers();
            if (provider.groups.isEmpty()) {
                LOG.warn("Could not import any Kamatera node groups");
            } else {
                for (KamateraNodeGroup group : provider.groups.values()) {
                    LOG.info("imported Kamatera node group: {}", group.extendedDebug());
                }
            }
        } catch (CloudProviderException e) {
            LOG.error("Error on first import of Kamatera node groups: {}", e.getMessage());
        }
        return provider;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<KamateraNodeGroup> nodeGroups() {
        return new ArrayList<>(groups.values());
    }

    public Optional<KamateraNodeGroup> nodeGroup(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /**
     * By provider ID, then by node name; empty for standby (warm-pool) servers and foreign nodes.
     */
    @Override
    public Optional<KamateraNodeGroup> nodeGroupFor(Node node) {
        Optional<String> group = fleet.groupOf(node);
        fleet.writeProviderIds();
        return group.map(groups::get);
    }

    /**
     * As the core's default (the node's provider ID is a STOPPED instance of a group's {@code
     * nodes()}), without copying every group's instances for each node asked about.
     */
    @Override
    public boolean isStandby(Node node) {
        return fleet.isStandby(node);
    }

    /**
     * False only for a node whose server this provider knew and that is gone (terminated, or
     * deleted outside the autoscaler); nodes it never managed are assumed to exist.
     */
    @Override
    public boolean hasInstance(Node node) {
        return fleet.hasInstance(node);
    }

    @Override
    public Optional<PricingModel> pricing() {
        return Optional.of(new Pricing());
    }

    @Override
    public void refresh() {
        LOG.debug("Refreshing Kamatera node groups");
        try {
            fleet.refresh();
        } catch (CloudProviderException e) {
            LOG.warn("Failed to refresh Kamatera node groups: {}", e.getMessage());
            throw e;
        }
        LOG.debug("Finished refreshing Kamatera node groups");
    }

    /**
     * Hourly prices: a group's {@code price-per-hour}, or the estimate of {@link PriceEstimator}.
     */
    private final class Pricing implements PricingModel {
        @Override
        public double nodePrice(Node node, Instant start, Instant end) {
            Optional<String> group =
                    templateNames.groupOf(node.name()).or(() -> fleet.groupOf(node));
            double perHour =
                    group.map(groups::get)
                            .map(g -> PriceEstimator.pricePerHour(g.config()))
                            .orElseGet(() -> PriceEstimator.estimate(shapeOf(node.capacity())));
            return perHour * hours(start, end);
        }

        @Override
        public double podPrice(Pod pod, Instant start, Instant end) {
            Resources requests = pod.requests();
            return PriceEstimator.requestsPerHour(requests.milliCpu(), requests.memoryBytes())
                    * hours(start, end);
        }

        private MachineShape shapeOf(Resources capacity) {
            return new MachineShape(
                    (int) Math.ceil(capacity.milliCpu() / 1000.0),
                    'B',
                    capacity.memoryBytes() / (1024L * 1024L),
                    capacity.ephemeralStorageBytes() / (1024L * 1024L * 1024L));
        }

        private double hours(Instant start, Instant end) {
            return Math.max(0, Duration.between(start, end).toMillis()) / 3_600_000.0;
        }
    }
}
