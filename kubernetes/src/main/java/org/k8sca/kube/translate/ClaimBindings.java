package org.k8sca.kube.translate;

import org.k8sca.core.model.BoundVolume;
import org.k8sca.kube.objects.PersistentVolumeInfo;
import org.k8sca.kube.objects.VolumeClaim;

import java.util.Map;

/**
 * What a pod's PersistentVolumeClaim means for scheduling, decided from the claims, volumes and
 * storage classes known at the time. Shared by the live view and by offline snapshots, so both read
 * volumes the same way.
 */
public final class ClaimBindings {

    private ClaimBindings() {}

    /**
     * @param claims claims by {@code namespace/name}
     * @param volumes PersistentVolumes by name
     * @param storageClasses StorageClass name to whether it waits for the first consumer
     */
    public static ClaimBinding resolve(
            String namespace,
            String claimName,
            Map<String, VolumeClaim> claims,
            Map<String, PersistentVolumeInfo> volumes,
            Map<String, Boolean> storageClasses) {
        VolumeClaim claim = claims.get(namespace + "/" + claimName);
        if (claim == null) {
            return new ClaimBinding.Unusable(
                    "PersistentVolumeClaim " + namespace + "/" + claimName + " not found");
        }
        if (claim.bound()) {
            PersistentVolumeInfo pv = volumes.get(claim.volumeName());
            if (pv == null) {
                return new ClaimBinding.Unusable(
                        "PersistentVolume "
                                + claim.volumeName()
                                + " of claim "
                                + claim.key()
                                + " not found");
            }
            return new ClaimBinding.Bound(
                    new BoundVolume(claimName, pv.nodeAffinity(), pv.topologyLabels()));
        }
        Boolean waits =
                claim.storageClassName().isEmpty()
                        ? null
                        : storageClasses.get(claim.storageClassName());
        if (Boolean.TRUE.equals(waits)) {
            return ClaimBinding.WAITS_FOR_CONSUMER;
        }
        return new ClaimBinding.Unusable(
                "PersistentVolumeClaim "
                        + claim.key()
                        + " is unbound and not WaitForFirstConsumer");
    }
}
