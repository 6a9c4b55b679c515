package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.InstanceState;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.model.Node;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Puts each registered node in a {@link NodeCategory}. It remembers, across loops, when each node
 * was first seen (for nodes without a creation time) and when each machine was last seen starting
 * (entering Creating), because a node's startup time runs from the later of its creation and its
 * machine's last start: a machine powered on again from a warm pool keeps its old node object but
 * deserves a full startup time.
 */
final class NodeClassifier {

    private final NodeReadinessRules rules;
    private final NodeGroupOptions defaults;
    private final Map<String, InstanceState> lastInstanceState = new HashMap<>();
    private final Map<String, Instant> bootStartedAt = new HashMap<>();
    private final Map<String, Instant> nodeFirstSeen = new HashMap<>();

    NodeClassifier(NodeReadinessRules rules, NodeGroupOptions defaults) {
        this.rules = rules;
        this.defaults = defaults;
    }

    /** Records this loop's machines and nodes; call once per loop before {@link #classify}. */
    void observe(Map<String, Instance> instanceById, Iterable<Node> nodes, Instant now) {
        for (Instance i : instanceById.values()) {
            InstanceState previous = lastInstanceState.put(i.id(), i.state());
            if (i.state() == InstanceState.CREATING && previous != InstanceState.CREATING) {
                bootStartedAt.put(i.id(), now);
            } else if (i.state() == InstanceState.STOPPED) {
                bootStartedAt.remove(i.id());
            }
        }
        lastInstanceState.keySet().retainAll(instanceById.keySet());
        bootStartedAt.keySet().retainAll(instanceById.keySet());
        Set<String> names = new HashSet<>();
        for (Node n : nodes) {
            names.add(n.name());
            nodeFirstSeen.putIfAbsent(n.name(), now);
        }
        nodeFirstSeen.keySet().retainAll(names);
    }

    /**
     * @param node the node
     * @param instance its machine (matched by provider id), or null
     * @param group its group, or null for nodes outside node groups
     */
    NodeCategory classify(Node node, Instance instance, NodeGroupView group, Instant now) {
        if (instance != null && instance.state() == InstanceState.STOPPED) {
            return NodeCategory.STOPPED;
        }
        boolean noMachine = group != null && instance == null && !node.providerId().isEmpty();
        if (NodeReadinessRules.hasToBeDeletedTaint(node)
                || (instance != null && instance.state() == InstanceState.DELETING)
                || noMachine) {
            return NodeCategory.BEING_DELETED;
        }
        if (rules.isReady(node)) {
            return NodeCategory.READY;
        }
        Duration startupTime = (group == null ? defaults : group.options()).maxNodeStartupTime();
        Instant started =
                node.creationTime() != null
                        ? node.creationTime()
                        : nodeFirstSeen.getOrDefault(node.name(), now);
        Instant boot = instance == null ? null : bootStartedAt.get(instance.id());
        if (boot != null && boot.isAfter(started)) {
            started = boot;
        }
        return now.isAfter(started.plus(startupTime))
                ? NodeCategory.UNREADY
                : NodeCategory.NOT_STARTED;
    }
}
