package org.k8sca.kube.ops;

import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.List;

/** {@link NodeObjectDeleter} on fabric8. */
public final class KubeNodeObjectDeleter implements NodeObjectDeleter {

    private final KubernetesClient client;

    public KubeNodeObjectDeleter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public NodeDeletion deleteNode(String nodeName) {
        try {
            // fabric8 answers an empty list when the object did not exist (404).
            List<StatusDetails> deleted = client.nodes().withName(nodeName).delete();
            return deleted.isEmpty()
                    ? new NodeDeletion(NodeDeletion.Outcome.NOT_FOUND, "")
                    : new NodeDeletion(NodeDeletion.Outcome.DELETED, "");
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return new NodeDeletion(NodeDeletion.Outcome.NOT_FOUND, "");
            }
            if (e.getCode() == 403) {
                // The Status message alone ("nodes \"x\" is forbidden: User ... cannot delete
                // ..."):
                // fabric8's own message repeats the whole Status object.
                String why =
                        e.getStatus() != null && e.getStatus().getMessage() != null
                                ? e.getStatus().getMessage()
                                : e.getMessage();
                return new NodeDeletion(NodeDeletion.Outcome.FORBIDDEN, why);
            }
            return new NodeDeletion(
                    NodeDeletion.Outcome.FAILED,
                    "deleting node " + nodeName + ": " + e.getMessage());
        }
    }
}
