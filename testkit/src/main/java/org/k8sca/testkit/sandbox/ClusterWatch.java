package org.k8sca.testkit.sandbox;

import org.k8sca.kamatera.config.NodeGroupConfig;
import org.k8sca.kamatera.sim.model.ServerState;
import org.k8sca.kamatera.sim.model.ServerView;
import org.k8sca.testkit.VirtualCluster;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the rest of the cluster did after the autoscaler decided: new servers booting, nodes
 * joining, servers of a warm-pool group powered off and on again, servers terminated. Compares the
 * Kamatera account and the node list after each step with the step before and prints the
 * differences.
 */
final class ClusterWatch {
    private final VirtualCluster cluster;
    private final Narrator narrator;
    private final Map<String, String> powerByServer = new HashMap<>();

    /** Servers that were powered off after they had run: the warm pool (new ones boot off). */
    private final Set<String> parked = new HashSet<>();

    private Set<String> nodes = Set.of();
    private boolean first = true;

    ClusterWatch(VirtualCluster cluster, Narrator narrator) {
        this.cluster = cluster;
        this.narrator = narrator;
    }

    /** Prints what changed since the last call; the first call only takes stock. */
    void observe(Instant now) {
        Set<String> listed = new HashSet<>();
        for (ServerView server : cluster.simulator().servers()) {
            if (server.state() == ServerState.TERMINATED) {
                continue;
            }
            listed.add(server.name());
            String before = powerByServer.put(server.name(), server.power());
            if (first) {
                continue;
            }
            String name = server.name() + " (" + groupOf(server) + ")";
            if (before == null) {
                narrator.line(now, "booting", name + ": a new server is being created");
            } else if (before.equals("on")
                    && server.power().equals("off")
                    && warmPool(groupOf(server))) {
                parked.add(server.name());
                narrator.line(now, "warm pool", name + " powered off, kept for the next scale-up");
            } else if (before.equals("off")
                    && server.power().equals("on")
                    && parked.remove(server.name())) {
                narrator.line(now, "warm pool", name + " powered on instead of a new server");
            }
        }
        for (String gone : new TreeSet<>(powerByServer.keySet())) {
            if (!listed.contains(gone)) {
                powerByServer.remove(gone);
                parked.remove(gone);
                narrator.line(now, "terminated", gone + ": the server is gone");
            }
        }
        Set<String> current = new HashSet<>(cluster.nodeNames());
        if (!first) {
            for (String node : new TreeSet<>(current)) {
                if (!nodes.contains(node)) {
                    narrator.line(now, "node ready", node + " (" + groupOf(node) + ") joined");
                }
            }
        }
        nodes = current;
        first = false;
    }

    private boolean warmPool(String group) {
        NodeGroupConfig config = cluster.cloudConfig().nodeGroups().get(group);
        return config != null && config.powerOffOnScaleDown();
    }

    /** The node group of the server behind node {@code node} ("?" when there is none). */
    String groupOf(String node) {
        Optional<ServerView> server = cluster.simulator().server(node);
        return server.map(this::groupOf).orElse("?");
    }

    /** The group whose tags the server carries, as the provider matches them. */
    private String groupOf(ServerView server) {
        for (NodeGroupConfig group : cluster.cloudConfig().nodeGroups().values()) {
            if (server.tags().containsAll(group.tags())) {
                return group.name();
            }
        }
        return "?";
    }
}
