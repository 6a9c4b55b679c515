package org.k8sca.kube.events;

import java.util.Objects;

/**
 * The object an event is about (its {@code involvedObject}).
 *
 * @param kind e.g. {@code Pod}
 * @param apiVersion e.g. {@code v1}
 * @param namespace its namespace; empty for cluster-scoped objects (nodes)
 * @param name its name
 * @param uid its UID; empty when unknown
 */
public record EventObject(
        String kind, String apiVersion, String namespace, String name, String uid) {

    public EventObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(apiVersion, "apiVersion");
        namespace = namespace == null ? "" : namespace;
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an event's " + kind + " needs a name");
        }
        uid = uid == null ? "" : uid;
    }

    public static EventObject pod(String namespace, String name, String uid) {
        if (namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException("an event's pod " + name + " needs a namespace");
        }
        return new EventObject("Pod", "v1", namespace, name, uid);
    }

    /** A pod named by {@code namespace/name}, as the core's outcomes name pods. */
    public static EventObject podByKey(String podKey, String uid) {
        int slash = podKey.indexOf('/');
        if (slash <= 0 || slash == podKey.length() - 1) {
            throw new IllegalArgumentException(
                    "pod key must be namespace/name, got '" + podKey + "'");
        }
        return pod(podKey.substring(0, slash), podKey.substring(slash + 1), uid);
    }

    /**
     * A node; upstream's node events use the node name as UID when the object's UID is not at hand.
     */
    public static EventObject node(String name) {
        return new EventObject("Node", "v1", "", name, name);
    }

    public static EventObject configMap(String namespace, String name) {
        return new EventObject("ConfigMap", "v1", namespace, name, "");
    }

    /** {@code kind namespace/name}, for logs. */
    public String describe() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
