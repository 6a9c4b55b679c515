package org.k8sca.core.template;

import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scheduling.NodeFilters;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the template of every node group, once per loop, in this order of preference: a Ready node
 * of the group that has been stable for {@link #STABLE_FOR}, the template cached from such a node
 * in an earlier loop, the provider's {@link NodeGroup#templateNode()} plus the DaemonSets that
 * would run there, and last an unready or cordoned node of the group.
 *
 * <p>Keeps the cache between calls, so one instance lives as long as the autoscaler. Not
 * thread-safe.
 */
public final class TemplateNodeBuilder {

    /** How long a node must have been Ready before it is trusted as a template. */
    public static final Duration STABLE_FOR = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, NodeTemplate> cache = new HashMap<>();

    public TemplateNodeBuilder(Clock clock) {
        this.clock = clock;
    }

    /**
     * The template of every group of {@code provider}, keyed by group id in the provider's order.
     *
     * @param snapshot real nodes and their pods (phantom upcoming nodes are ignored)
     * @param daemonSets the cluster's DaemonSets, for groups described by the provider
     */
    public Map<String, GroupTemplate> build(
            CloudProvider provider, ClusterSnapshot snapshot, List<DaemonSet> daemonSets) {
        Instant now = clock.instant();
        Map<String, NodeInfo> goodNode = new HashMap<>();
        Map<String, NodeInfo> anyNode = new HashMap<>();
        for (NodeInfo info : snapshot.nodeInfos()) {
            Node node = info.node();
            if (node.annotations().containsKey(NodeTemplates.UPCOMING_ANNOTATION)) {
                continue;
            }
            Optional<? extends NodeGroup> group;
            try {
                group = provider.nodeGroupFor(node);
            } catch (CloudProviderException e) {
                continue; // a node we cannot map cannot serve as a template; other nodes may
            }
            if (group.isEmpty()) {
                continue;
            }
            String id = group.get().id();
            anyNode.putIfAbsent(id, info);
            if (isGoodTemplate(node, now)) {
                goodNode.putIfAbsent(id, info);
            }
        }
        Map<String, GroupTemplate> out = new LinkedHashMap<>();
        Set<String> liveGroups = new HashSet<>();
        for (NodeGroup group : provider.nodeGroups()) {
            String id = group.id();
            liveGroups.add(id);
            out.put(id, templateOf(group, goodNode.get(id), anyNode.get(id), daemonSets));
        }
        cache.keySet().retainAll(liveGroups);
        return out;
    }

    private GroupTemplate templateOf(
            NodeGroup group, NodeInfo good, NodeInfo any, List<DaemonSet> daemonSets) {
        String id = group.id();
        if (good != null) {
            NodeTemplate t = NodeTemplates.sanitize(good.node(), new ArrayList<>(good.pods()), id);
            cache.put(id, t);
            return new GroupTemplate(id, t, TemplateSource.READY_NODE, "");
        }
        NodeTemplate cached = cache.get(id);
        if (cached != null) {
            return new GroupTemplate(id, cached, TemplateSource.CACHED_NODE, "");
        }
        String cloudProblem;
        try {
            NodeTemplate fromCloud = group.templateNode();
            return new GroupTemplate(
                    id, fromCloud(fromCloud, id, daemonSets), TemplateSource.CLOUD_TEMPLATE, "");
        } catch (CloudProviderException e) {
            cloudProblem =
                    e.isNotImplemented()
                            ? "the provider cannot describe a new node of this group"
                            : "the provider failed to describe a new node: " + e.getMessage();
        }
        if (any != null) {
            NodeTemplate t = NodeTemplates.sanitize(any.node(), new ArrayList<>(any.pods()), id);
            return new GroupTemplate(
                    id,
                    t,
                    TemplateSource.UNREADY_NODE,
                    "using unready or cordoned node "
                            + any.name()
                            + " as template ("
                            + cloudProblem
                            + ")");
        }
        return new GroupTemplate(
                id,
                null,
                TemplateSource.NONE,
                "no template: no node of the group and " + cloudProblem);
    }

    private static NodeTemplate fromCloud(
            NodeTemplate provided, String groupId, List<DaemonSet> daemonSets) {
        NodeTemplate base = NodeTemplates.sanitize(provided.node(), List.of(), groupId);
        List<Pod> pods = new ArrayList<>();
        Set<String> daemonSetsPresent = new HashSet<>();
        // The provider's own pods are what it knows will start there; keep them all.
        for (Pod p : provided.pods()) {
            pods.add(
                    p.withIdentity(p.name(), p.uid() + "@" + base.node().name())
                            .withNodeName(base.node().name()));
            if (p.owner() != null && "DaemonSet".equals(p.owner().kind())) {
                daemonSetsPresent.add(p.owner().uid());
            }
        }
        for (DaemonSet ds : daemonSets) {
            if (!daemonSetsPresent.contains(ds.uid()) && shouldRun(ds.template(), base.node())) {
                pods.add(ds.podFor(base.node().name()));
            }
        }
        return new NodeTemplate(base.node(), pods);
    }

    /** The DaemonSet controller's "should run here" test: taints, selector and node affinity. */
    static boolean shouldRun(Pod daemonPod, Node node) {
        return NodeFilters.nodeUnschedulable(daemonPod, node) == null
                && NodeFilters.taintToleration(daemonPod, node) == null
                && NodeFilters.matchesNodeSelectorAndAffinity(daemonPod, node);
    }

    private static boolean isGoodTemplate(Node node, Instant now) {
        if (!node.ready() || node.unschedulable() || TemplateTaints.beingDeleted(node.taints())) {
            return false;
        }
        Instant since = node.lastReadyTransition();
        return since == null || !since.plus(STABLE_FOR).isAfter(now);
    }
}
