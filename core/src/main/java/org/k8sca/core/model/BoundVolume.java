package org.k8sca.core.model;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.NodeSelector;

/**
 * A PersistentVolumeClaim of a pod that is bound to a PersistentVolume, reduced to what limits
 * where the pod can run.
 *
 * @param claimName the PVC name, for messages
 * @param nodeAffinity the PV's required node affinity, or {@code null} when it has none
 * @param topologyLabels the PV's zone and region labels (values may list zones joined by {@code
 *     __}), as the VolumeZone filter reads them
 */
public record BoundVolume(String claimName, NodeSelector nodeAffinity, Labels topologyLabels) {

    public BoundVolume {
        claimName = claimName == null ? "" : claimName;
        topologyLabels = topologyLabels == null ? Labels.EMPTY : topologyLabels;
    }
}
