package org.k8sca.kamatera.provider;

import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.NodeGroupConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what becomes of scaled-down servers that are now powered off: per node group, in name
 * order, each joins the warm pool while the group keeps a pool and the pool is below its cap; the
 * others are terminated. Pool members are counted by one rule everywhere (upstream counts
 * differently in DeleteNodes and in the refresh, §6.3 #18).
 */
final class PoolPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(PoolPolicy.class);

    private final CloudConfig config;
    private final Registry registry;
    private final ServerActions actions;

    PoolPolicy(CloudConfig config, Registry registry, ServerActions actions) {
        this.config = config;
        this.registry = registry;
        this.actions = actions;
    }

    void decide(List<ServerInstance> poweredOff, Instant now) {
        poweredOff.sort(Comparator.comparing(i -> i.name));
        Map<String, Integer> poolSizes = new HashMap<>();
        for (ServerInstance instance : poweredOff) {
            NodeGroupConfig group =
                    instance.group == null ? null : config.nodeGroups().get(instance.group);
            boolean keep = false;
            if (group != null && group.powerOffOnScaleDown()) {
                int pooled =
                        poolSizes.computeIfAbsent(
                                group.name(), g -> registry.poolMembers(g).size());
                int cap = group.powerOffOnScaleDownMaxServers();
                keep = cap == 0 || pooled < cap;
                if (keep) {
                    poolSizes.put(group.name(), pooled + 1);
                }
            }
            if (keep) {
                instance.enterStandby();
                LOG.info(
                        "Server {} is powered off and kept in the warm pool of node group {}",
                        instance.name,
                        instance.group);
            } else {
                instance.enterDeleting(DeleteStep.TERMINATING);
                actions.terminate(instance, now);
            }
        }
    }
}
