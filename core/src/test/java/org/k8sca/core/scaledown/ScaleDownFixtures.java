package org.k8sca.core.scaledown;

import org.k8sca.core.Fixtures;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.drain.ControllerKey;
import org.k8sca.core.scaledown.drain.WorkloadControllers;

import java.util.HashMap;
import java.util.Map;

/** Pods with owners and the controllers that own them. */
public final class ScaleDownFixtures {

    private ScaleDownFixtures() {}

    /**
     * A pod of ReplicaSet {@code rs} in namespace default, asking for {@code cpu} millicores and
     * {@code memMi} MiB.
     */
    public static Pod.Builder rsPod(String name, String rs, long milliCpu, long memMi) {
        return Fixtures.pod(name, milliCpu, memMi)
                .owner(OwnerReference.controller("ReplicaSet", rs, "uid-" + rs));
    }

    /** Controllers that exist, each with {@code replicas}. */
    public static WorkloadControllers controllers(int replicas, ControllerKey... keys) {
        Map<ControllerKey, Integer> m = new HashMap<>();
        for (ControllerKey k : keys) {
            m.put(k, replicas);
        }
        return new WorkloadControllers(m);
    }

    public static ControllerKey rs(String name) {
        return new ControllerKey("ReplicaSet", "default", name);
    }
}
