package org.k8sca.kamatera.provider;

import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.CloudProviderException.Kind;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;
import org.k8sca.kamatera.config.NodeGroupConfig;
import org.k8sca.kamatera.provider.template.TemplateNodeFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One {@code [nodegroup "NAME"]}: a view on the {@link Fleet}, which does the work. */
public final class KamateraNodeGroup implements NodeGroup {

    /** Upstream's provision time ("we can't cancel creation in progress"); a safety net here. */
    static final Duration MAX_NODE_PROVISION_TIME = Duration.ofHours(1);

    private final NodeGroupConfig config;
    private final Fleet fleet;
    private final TemplateNames templateNames;

    KamateraNodeGroup(NodeGroupConfig config, Fleet fleet, TemplateNames templateNames) {
        this.config = Objects.requireNonNull(config, "config");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.templateNames = templateNames;
    }

    public NodeGroupConfig config() {
        return config;
    }

    @Override
    public String id() {
        return config.name();
    }

    @Override
    public int minSize() {
        return config.minSize();
    }

    @Override
    public int maxSize() {
        return config.maxSize();
    }

    /** Servers being created or running; standby (warm-pool) and deleting servers do not count. */
    @Override
    public int targetSize() {
        return fleet.targetSize(id());
    }

    @Override
    public void increaseSize(int delta) {
        fleet.increaseSize(config, delta);
    }

    @Override
    public void deleteNodes(List<Node> nodes) {
        fleet.deleteNodes(config, nodes);
    }

    @Override
    public void decreaseTargetSize(int negativeDelta) {
        fleet.decreaseTargetSize(config, negativeDelta);
    }

    /**
     * Every server of the group; standby (warm-pool) servers are listed as {@code
     * Instance.stopped}.
     */
    @Override
    public List<Instance> nodes() {
        return fleet.nodes(id());
    }

    @Override
    public NodeTemplate templateNode() {
        String name = templateNames.nameFor(id());
        try {
            return TemplateNodeFactory.build(config, name, "");
        } catch (IllegalArgumentException e) {
            throw new CloudProviderException(
                    Kind.INTERNAL,
                    "failed to create resource list for node group "
                            + id()
                            + " error: "
                            + e.getMessage(),
                    e);
        }
    }

    /** The defaults with a provision time of one hour; every other option is kept (§6.3 #17). */
    @Override
    public NodeGroupOptions options(NodeGroupOptions defaults) {
        return defaults.withMaxNodeProvisionTime(MAX_NODE_PROVISION_TIME);
    }

    @Override
    public String debug() {
        return "node group ID: " + id() + " (min:" + minSize() + " max:" + maxSize() + ")";
    }

    /** {@link #debug()} then one line per server of the group. */
    public String extendedDebug() {
        StringBuilder text = new StringBuilder(debug());
        for (String line : fleet.debugLines(id())) {
            text.append('\n').append(line);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return debug();
    }
}
