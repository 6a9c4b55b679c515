package org.k8sca.kube.ops;

import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;

/**
 * {@link PodEvictor} on fabric8. Build the client with a request retry limit of 0 to 2: fabric8
 * retries 429 by itself, and with its default limit one PDB-blocked eviction takes ~20 s.
 */
public final class KubePodEvictor implements PodEvictor {

    private final KubernetesClient client;

    public KubePodEvictor(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public EvictionResult evict(String namespace, String name, Duration gracePeriod) {
        Eviction eviction =
                new EvictionBuilder()
                        .withNewMetadata()
                        .withNamespace(namespace)
                        .withName(name)
                        .endMetadata()
                        .withDeleteOptions(
                                new DeleteOptionsBuilder()
                                        .withGracePeriodSeconds(gracePeriod.toSeconds())
                                        .build())
                        .build();
        try {
            boolean accepted = client.pods().inNamespace(namespace).withName(name).evict(eviction);
            if (accepted) {
                return new EvictionResult(EvictionResult.Outcome.EVICTED, "");
            }
            // fabric8 answers false for 429 Too Many Requests: a PodDisruptionBudget said no.
            return new EvictionResult(
                    EvictionResult.Outcome.BLOCKED_BY_PDB,
                    "eviction of pod "
                            + namespace
                            + "/"
                            + name
                            + " refused: a PodDisruptionBudget allows no disruption now");
        } catch (KubernetesClientException e) {
            return switch (e.getCode()) {
                case 404 -> new EvictionResult(EvictionResult.Outcome.POD_GONE, "");
                case 429 ->
                        new EvictionResult(EvictionResult.Outcome.BLOCKED_BY_PDB, e.getMessage());
                default ->
                        new EvictionResult(
                                EvictionResult.Outcome.FAILED,
                                "eviction of pod "
                                        + namespace
                                        + "/"
                                        + name
                                        + " failed: "
                                        + e.getMessage());
            };
        }
    }

    @Override
    public boolean stillOnNode(String namespace, String name, String uid, String nodeName) {
        Pod pod = client.pods().inNamespace(namespace).withName(name).get();
        if (pod == null || pod.getMetadata() == null) {
            return false;
        }
        boolean sameUid = uid == null || uid.isEmpty() || uid.equals(pod.getMetadata().getUid());
        boolean sameNode = pod.getSpec() != null && nodeName.equals(pod.getSpec().getNodeName());
        return sameUid && sameNode;
    }
}
