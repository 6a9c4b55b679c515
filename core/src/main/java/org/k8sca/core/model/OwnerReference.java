package org.k8sca.core.model;

/** A pod's owner, e.g. {@code ReplicaSet web-5d8f} with controller=true. */
public record OwnerReference(String kind, String name, String uid, boolean controller) {

    public OwnerReference {
        if (kind == null || kind.isEmpty()) {
            throw new IllegalArgumentException("owner reference kind is empty");
        }
        name = name == null ? "" : name;
        uid = uid == null ? "" : uid;
    }

    public static OwnerReference controller(String kind, String name, String uid) {
        return new OwnerReference(kind, name, uid, true);
    }
}
