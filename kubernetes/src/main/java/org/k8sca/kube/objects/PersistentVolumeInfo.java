package org.k8sca.kube.objects;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.NodeSelector;

import java.util.Objects;

/**
 * A PersistentVolume, reduced to what limits where pods using it can run.
 *
 * @param name the volume name
 * @param nodeAffinity {@code spec.nodeAffinity.required}, or null when the volume has none
 * @param topologyLabels its zone and region labels, as the VolumeZone filter reads them
 * @param claimKey {@code namespace/name} of the claim in {@code spec.claimRef}, empty when none
 */
public record PersistentVolumeInfo(
        String name, NodeSelector nodeAffinity, Labels topologyLabels, String claimKey) {

    public PersistentVolumeInfo {
        Objects.requireNonNull(name, "volume name");
        topologyLabels = topologyLabels == null ? Labels.EMPTY : topologyLabels;
        claimKey = claimKey == null ? "" : claimKey;
    }
}
