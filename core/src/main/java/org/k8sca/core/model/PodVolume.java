package org.k8sca.core.model;

/**
 * A volume of a pod, reduced to whether it keeps data on the node's own disk (which would be lost
 * if the node went away).
 *
 * @param name the volume name in the pod spec
 * @param kind what sort of volume it is
 */
public record PodVolume(String name, Kind kind) {

    /** The volume sorts scale-down tells apart. */
    public enum Kind {
        /** {@code hostPath}: data on the node's disk. */
        HOST_PATH,
        /** {@code emptyDir} on the node's disk (medium unset). */
        EMPTY_DIR,
        /** {@code emptyDir} with {@code medium: Memory}: gone with the pod anyway. */
        MEMORY_EMPTY_DIR,
        /** Anything else: ConfigMap, Secret, projected, PVC, ... */
        OTHER
    }

    public PodVolume {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("pod volume name is empty");
        }
        java.util.Objects.requireNonNull(kind, "kind of volume " + name);
    }

    /** Whether the data lives on the node's local disk. */
    public boolean isLocalStorage() {
        return kind == Kind.HOST_PATH || kind == Kind.EMPTY_DIR;
    }
}
