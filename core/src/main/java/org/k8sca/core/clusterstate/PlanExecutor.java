package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.model.Node;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries out the registry's plans through the cloud SPI: one call per group, no retries (the next
 * loop sees the new state and plans again). A failed call is reported in its outcome and does not
 * stop the others.
 */
public final class PlanExecutor {

    /**
     * Annotation on the stand-in nodes passed to {@code deleteNodes} for machines without a node.
     */
    public static final String FAKE_NODE_REASON_ANNOTATION =
            "k8s.io/cluster-autoscaler/fake-node-reason";

    private final Function<String, Optional<? extends NodeGroup>> groups;

    /**
     * @param groups finds a node group by id
     */
    public PlanExecutor(Function<String, Optional<? extends NodeGroup>> groups) {
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    /** An executor acting on the provider's current node groups. */
    public static PlanExecutor forProvider(CloudProvider provider) {
        Objects.requireNonNull(provider, "provider");
        return new PlanExecutor(
                id -> provider.nodeGroups().stream().filter(g -> g.id().equals(id)).findFirst());
    }

    /** Deletes the instances, one {@code deleteNodes} call per group. */
    public List<ActionOutcome> delete(List<InstanceDeletion> deletions) {
        List<ActionOutcome> out = new ArrayList<>();
        for (InstanceDeletion d : deletions) {
            String action =
                    "delete "
                            + d.instances().size()
                            + " "
                            + d.reason().fakeNodeReason()
                            + " instance(s)";
            List<Node> standIns = new ArrayList<>();
            for (Instance i : d.instances()) {
                standIns.add(fakeNode(i, d.reason()));
            }
            out.add(call(d.groupId(), action, g -> g.deleteNodes(standIns)));
        }
        return out;
    }

    /** Lowers target sizes, one {@code decreaseTargetSize} call per correction. */
    public List<ActionOutcome> correct(List<TargetSizeCorrection> corrections) {
        List<ActionOutcome> out = new ArrayList<>();
        for (TargetSizeCorrection c : corrections) {
            String action = "decrease target size by " + (-c.delta()) + " (" + c.reason() + ")";
            out.add(call(c.groupId(), action, g -> g.decreaseTargetSize(c.delta())));
        }
        return out;
    }

    /**
     * A stand-in node for a machine that has none: named and identified by the instance id, so that
     * the provider finds the machine by provider id.
     */
    public static Node fakeNode(Instance instance, InstanceDeletion.Reason reason) {
        return Node.builder(instance.id())
                .providerId(instance.id())
                .allocatable(Resources.ZERO)
                .ready(false)
                .annotations(Map.of(FAKE_NODE_REASON_ANNOTATION, reason.fakeNodeReason()))
                .build();
    }

    private interface GroupCall {
        void run(NodeGroup group) throws CloudProviderException;
    }

    private ActionOutcome call(String groupId, String action, GroupCall call) {
        Optional<? extends NodeGroup> group = groups.apply(groupId);
        if (group.isEmpty()) {
            return new ActionOutcome(
                    groupId, action, Optional.of("node group " + groupId + " no longer exists"));
        }
        try {
            call.run(group.get());
            return new ActionOutcome(groupId, action, Optional.empty());
        } catch (CloudProviderException e) {
            return new ActionOutcome(groupId, action, Optional.of(String.valueOf(e.getMessage())));
        }
    }
}
