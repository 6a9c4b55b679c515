package org.k8sca.kube.translate;

/** Resolves a pod's PersistentVolumeClaims while the pod is translated. */
@FunctionalInterface
public interface VolumeLookup {

    /**
     * For pods translated without volume information: every claim is assumed provisionable
     * anywhere.
     */
    VolumeLookup ANYWHERE = (namespace, claimName) -> ClaimBinding.WAITS_FOR_CONSUMER;

    /** What claim {@code claimName} in {@code namespace} means for scheduling. */
    ClaimBinding claim(String namespace, String claimName);
}
