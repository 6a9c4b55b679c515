package org.k8sca.core.scaleup;

import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.NodeGroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out a plan's resizes against the cloud provider, in order, one {@link
 * NodeGroup#increaseSize} call per group. The first failure stops the rest (upstream's sequential
 * mode): the caller backs the failed group off and the next loop plans again. Registering scale-up
 * requests and backoff is the cluster-state registry's job, not this class's.
 */
public final class ScaleUpExecutor {

    private ScaleUpExecutor() {}

    /** Calls {@code increaseSize} for each increase and reports what happened to each. */
    public static List<IncreaseAttempt> execute(
            List<GroupIncrease> increases, CloudProvider provider) {
        Map<String, NodeGroup> groups = new HashMap<>();
        for (NodeGroup g : provider.nodeGroups()) {
            groups.put(g.id(), g);
        }
        List<IncreaseAttempt> out = new ArrayList<>(increases.size());
        boolean failed = false;
        for (GroupIncrease inc : increases) {
            if (failed) {
                out.add(new IncreaseAttempt(inc, IncreaseAttempt.Outcome.NOT_ATTEMPTED, ""));
                continue;
            }
            NodeGroup group = groups.get(inc.nodeGroupId());
            try {
                if (group == null) {
                    throw new CloudProviderException(
                            CloudProviderException.Kind.INVALID_REQUEST,
                            "node group " + inc.nodeGroupId() + " no longer exists");
                }
                group.increaseSize(inc.delta());
                out.add(new IncreaseAttempt(inc, IncreaseAttempt.Outcome.SUCCEEDED, ""));
            } catch (CloudProviderException e) {
                failed = true;
                out.add(
                        new IncreaseAttempt(
                                inc,
                                IncreaseAttempt.Outcome.FAILED,
                                e.kind() + ": " + e.getMessage()));
            }
        }
        return out;
    }
}
