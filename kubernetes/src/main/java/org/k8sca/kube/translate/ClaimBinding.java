package org.k8sca.kube.translate;

import org.k8sca.core.model.BoundVolume;

import java.util.Objects;

/** What a pod's PersistentVolumeClaim means for where the pod can run. */
public sealed interface ClaimBinding {

    /** Bound to a known volume, which may restrict the nodes. */
    record Bound(BoundVolume volume) implements ClaimBinding {
        public Bound {
            Objects.requireNonNull(volume, "volume");
        }
    }

    /** Unbound with {@code WaitForFirstConsumer}: it will be provisioned where the pod lands. */
    record WaitsForConsumer() implements ClaimBinding {}

    /**
     * The scheduler cannot place the pod anywhere until something outside the autoscaler changes:
     * the claim is missing, bound to a missing volume, or unbound with Immediate binding.
     */
    record Unusable(String why) implements ClaimBinding {}

    ClaimBinding WAITS_FOR_CONSUMER = new WaitsForConsumer();
}
