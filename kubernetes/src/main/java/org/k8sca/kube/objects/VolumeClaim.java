package org.k8sca.kube.objects;

import java.util.Objects;

/**
 * A PersistentVolumeClaim, reduced to its binding.
 *
 * @param namespace the namespace
 * @param name the claim name
 * @param volumeName {@code spec.volumeName}: the bound PersistentVolume, empty while unbound
 * @param storageClassName {@code spec.storageClassName}, empty when none
 */
public record VolumeClaim(
        String namespace, String name, String volumeName, String storageClassName) {

    public VolumeClaim {
        Objects.requireNonNull(namespace, "claim namespace");
        Objects.requireNonNull(name, "claim name");
        volumeName = volumeName == null ? "" : volumeName;
        storageClassName = storageClassName == null ? "" : storageClassName;
    }

    public boolean bound() {
        return !volumeName.isEmpty();
    }

    /** {@code namespace/name}. */
    public String key() {
        return namespace + "/" + name;
    }
}
