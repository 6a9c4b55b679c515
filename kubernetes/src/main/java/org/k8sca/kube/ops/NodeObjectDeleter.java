package org.k8sca.kube.ops;

/**
 * Deletes Node objects. Upstream leaves this to the cloud controller manager; without one, the
 * autoscaler deletes the Node itself after its server is gone.
 */
public interface NodeObjectDeleter {

    NodeDeletion deleteNode(String nodeName);
}
