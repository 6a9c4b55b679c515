package org.k8sca.core.scaledown.actuation;

/**
 * How a node deletion ended.
 *
 * @param nodeName the node
 * @param groupId its node group
 * @param empty whether it was deleted as an empty node (no drain)
 * @param success whether the server was deleted
 * @param message what happened, e.g. the failure cause
 */
public record DeletionResult(
        String nodeName, String groupId, boolean empty, boolean success, String message) {}
