package org.k8sca.core.model;

import java.util.Objects;

/**
 * A DaemonSet: the pod it would run on every node that matches its template's node selector,
 * affinity and tolerations.
 *
 * @param namespace the namespace
 * @param name the DaemonSet name
 * @param uid the DaemonSet UID
 * @param template the pod template as an unbound pod (requests computed, owner set to this
 *     DaemonSet)
 */
public record DaemonSet(String namespace, String name, String uid, Pod template) {

    public DaemonSet {
        Objects.requireNonNull(namespace, "DaemonSet namespace");
        Objects.requireNonNull(name, "DaemonSet name");
        uid = uid == null ? "" : uid;
        Objects.requireNonNull(template, "template of DaemonSet " + namespace + "/" + name);
    }

    /** The pod this DaemonSet would run on {@code nodeName}, with a name and UID of its own. */
    public Pod podFor(String nodeName) {
        return template.withIdentity(name + "-" + nodeName, uid + "/" + nodeName)
                .withNodeName(nodeName);
    }
}
