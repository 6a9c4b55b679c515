package org.k8sca.testkit;

import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.kamatera.config.NodeGroupConfig;
import org.k8sca.kamatera.sim.model.CommandView;
import org.k8sca.kamatera.sim.model.ServerState;
import org.k8sca.kamatera.sim.model.ServerView;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold in a {@link VirtualCluster} after any scenario:
 *
 * <ol>
 *   <li>every server tagged for the cluster is a Node, an in-flight create (creating, booting, or
 *       with a command under way), or in the warm pool (powered off in a group that powers off on
 *       scale-down): no leaked server;
 *   <li>no eviction broke a PodDisruptionBudget (checked after every step);
 *   <li>every group's target size is within [min, max];
 *   <li>no pod that fits an empty node of a group with room to grow has been pending longer than
 *       the provisioning time (max node provision time, plus the kubelet's delay and two steps);
 *   <li>no DaemonSet pod has been pending for more than two steps while its node is Ready: a node
 *       the autoscaler filled without leaving room for its DaemonSets.
 * </ol>
 */
public final class InvariantChecker {
    private final VirtualCluster cluster;

    public InvariantChecker(VirtualCluster cluster) {
        this.cluster = cluster;
    }

    /** Each broken invariant, as a sentence naming the object; empty when all hold. */
    public List<String> violations() {
        List<String> out = new ArrayList<>();
        out.addAll(leakedServers());
        out.addAll(cluster.pdbBreaches());
        out.addAll(targetSizes());
        out.addAll(stuckPods());
        out.addAll(pendingDaemonSetPods());
        return out;
    }

    List<String> leakedServers() {
        List<String> out = new ArrayList<>();
        Set<String> nodes = cluster.nodeNames();
        Set<String> busy = new HashSet<>();
        for (CommandView c : cluster.simulator().commands()) {
            if (!c.isTerminal()) {
                busy.add(c.serverName());
            }
        }
        String clusterTag = cluster.cloudConfig().clusterTag();
        for (ServerView s : cluster.simulator().servers()) {
            if (!s.tags().contains(clusterTag) || s.state() == ServerState.TERMINATED) {
                continue;
            }
            boolean inFlight =
                    s.state() == ServerState.CREATING
                            || busy.contains(s.name())
                            || cluster.kubelet().booting(s.name());
            if (nodes.contains(s.name()) || inFlight) {
                continue;
            }
            if ("off".equals(s.power())) {
                Optional<NodeGroupConfig> group = groupOf(s);
                if (group.isPresent() && group.get().powerOffOnScaleDown()) {
                    continue;
                }
                out.add(
                        "server "
                                + s.name()
                                + " is powered off but its group "
                                + group.map(NodeGroupConfig::name).orElse("(none)")
                                + " keeps no warm pool");
            } else {
                out.add(
                        "server "
                                + s.name()
                                + " is running with no Node and nothing in flight: leaked");
            }
        }
        return out;
    }

    List<String> targetSizes() {
        List<String> out = new ArrayList<>();
        for (NodeGroup g : cluster.lastActedAssembly().provider().nodeGroups()) {
            try {
                int target = g.targetSize();
                if (target < g.minSize() || target > g.maxSize()) {
                    out.add(
                            "group "
                                    + g.id()
                                    + " has target size "
                                    + target
                                    + " outside ["
                                    + g.minSize()
                                    + ", "
                                    + g.maxSize()
                                    + "]");
                }
            } catch (CloudProviderException e) {
                out.add("group " + g.id() + ": target size unknown: " + e.getMessage());
            }
        }
        return out;
    }

    List<String> stuckPods() {
        List<String> out = new ArrayList<>();
        Duration patience =
                cluster.settings()
                        .groupDefaults()
                        .maxNodeProvisionTime()
                        .plus(cluster.kubeletDelay())
                        .plus(cluster.stepSize().multipliedBy(2));
        Instant now = cluster.now();
        Map<String, Instant> since = cluster.scheduler().pendingSince();
        for (ObservedPod p : cluster.pendingPods()) {
            Instant first = since.get(p.key());
            if (first == null || Duration.between(first, now).compareTo(patience) <= 0) {
                continue;
            }
            fittingGroup(p.pod())
                    .ifPresent(
                            g ->
                                    out.add(
                                            "pod "
                                                    + p.key()
                                                    + " fits group "
                                                    + g
                                                    + " (room to grow)"
                                                    + " but has been pending since "
                                                    + first
                                                    + ", longer than "
                                                    + patience));
        }
        return out;
    }

    List<String> pendingDaemonSetPods() {
        List<String> out = new ArrayList<>();
        Duration patience = cluster.stepSize().multipliedBy(2);
        Instant now = cluster.now();
        Map<String, Instant> since = cluster.scheduler().pendingSince();
        ClusterObjects objects = cluster.objects();
        Set<String> readyNodes = new HashSet<>();
        for (Node n : objects.nodes()) {
            if (n.ready()) {
                readyNodes.add(n.name());
            }
        }
        for (ObservedPod p : objects.pods()) {
            String node = p.pod().nodeSelector().get("kubernetes.io/hostname");
            Instant first = since.get(p.key());
            if (!p.pod().isDaemonSetPod()
                    || p.state().placed()
                    || p.state() == SchedulingState.FINISHED
                    || node == null
                    || !readyNodes.contains(node)
                    || first == null
                    || Duration.between(first, now).compareTo(patience) <= 0) {
                continue;
            }
            out.add(
                    "DaemonSet pod "
                            + p.key()
                            + " has been pending since "
                            + first
                            + " although its node "
                            + node
                            + " is Ready");
        }
        return out;
    }

    /** A group below its max size whose empty template node takes {@code pod}. */
    private Optional<String> fittingGroup(Pod pod) {
        for (NodeGroup g : cluster.lastActedAssembly().provider().nodeGroups()) {
            try {
                if (g.targetSize() >= g.maxSize()) {
                    continue;
                }
                NodeTemplate template = g.templateNode();
                ClusterSnapshot snapshot = new ClusterSnapshot();
                snapshot.addNode(template.node(), template.pods());
                if (new PredicateChecker(snapshot)
                        .checkOnNode(pod, template.node().name())
                        .isEmpty()) {
                    return Optional.of(g.id());
                }
            } catch (CloudProviderException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<NodeGroupConfig> groupOf(ServerView server) {
        for (NodeGroupConfig g : cluster.cloudConfig().nodeGroups().values()) {
            if (server.tags().containsAll(g.tags())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
