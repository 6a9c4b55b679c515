package org.k8sca.kube.ops;

import java.time.Duration;

/** Evicts pods through the policy/v1 Eviction subresource, which honours PodDisruptionBudgets. */
public interface PodEvictor {

    /**
     * One eviction attempt; the caller owns retries (upstream retries every 10 s for up to 2 min).
     *
     * @param gracePeriod the grace period to ask for (the pod's own, capped by the caller)
     */
    EvictionResult evict(String namespace, String name, Duration gracePeriod);

    /**
     * Whether the pod with this UID still exists bound to {@code nodeName}. A pod that is gone, was
     * recreated under the same name (another UID), or runs elsewhere, is not.
     */
    boolean stillOnNode(String namespace, String name, String uid, String nodeName);
}
