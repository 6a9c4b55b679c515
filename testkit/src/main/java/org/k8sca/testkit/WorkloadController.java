package org.k8sca.testkit;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the ReplicaSet controller for {@link Workload}s: creates missing pods (a deleted or evicted
 * pod comes back as a new, unscheduled pod) and deletes surplus ones when replicas go down.
 */
public final class WorkloadController {
    private final KubernetesClient client;
    private final Map<String, Workload> workloads = new LinkedHashMap<>();
    private final Map<String, String> uids = new LinkedHashMap<>();
    private final Map<String, Integer> nextIndex = new LinkedHashMap<>();

    public WorkloadController(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Creates the workload's ReplicaSet, or changes its replicas; its pods follow at the next
     * reconcile.
     */
    public void apply(Workload workload, Instant now) {
        String key = workload.namespace() + "/" + workload.name();
        if (!uids.containsKey(key)) {
            ReplicaSet rs =
                    client.apps()
                            .replicaSets()
                            .inNamespace(workload.namespace())
                            .resource(
                                    new ReplicaSetBuilder()
                                            .withNewMetadata()
                                            .withName(workload.name())
                                            .withNamespace(workload.namespace())
                                            .withCreationTimestamp(now.toString())
                                            .endMetadata()
                                            .withNewSpec()
                                            .withReplicas(workload.replicas())
                                            .withNewSelector()
                                            .withMatchLabels(workload.podLabels())
                                            .endSelector()
                                            .withNewTemplate()
                                            .withNewMetadata()
                                            .withLabels(workload.podLabels())
                                            .endMetadata()
                                            .withNewSpec()
                                            .addNewContainer()
                                            .withName("main")
                                            .withImage("app")
                                            .endContainer()
                                            .endSpec()
                                            .endTemplate()
                                            .endSpec()
                                            .build())
                            .create();
            uids.put(key, rs.getMetadata().getUid());
        } else {
            client.apps()
                    .replicaSets()
                    .inNamespace(workload.namespace())
                    .withName(workload.name())
                    .edit(
                            rs -> {
                                rs.getSpec().setReplicas(workload.replicas());
                                return rs;
                            });
        }
        workloads.put(key, workload);
    }

    /** Brings every workload's pod count to its replicas. */
    public void reconcile(Instant now) {
        for (Map.Entry<String, Workload> e : workloads.entrySet()) {
            Workload w = e.getValue();
            String uid = uids.get(e.getKey());
            List<Pod> live = new ArrayList<>();
            for (Pod p : client.pods().inNamespace(w.namespace()).list().getItems()) {
                boolean owned =
                        p.getMetadata().getOwnerReferences().stream()
                                .anyMatch(o -> uid.equals(o.getUid()));
                if (owned && p.getMetadata().getDeletionTimestamp() == null) {
                    live.add(p);
                }
            }
            for (int i = live.size(); i < w.replicas(); i++) {
                createPod(w, uid, now);
            }
            if (live.size() > w.replicas()) {
                // Like the ReplicaSet controller, remove unscheduled pods first, then the newest.
                live.sort(
                        Comparator.<Pod, Boolean>comparing(p -> p.getSpec().getNodeName() != null)
                                .thenComparing(
                                        p -> p.getMetadata().getName(), Comparator.reverseOrder()));
                for (Pod p : live.subList(0, live.size() - w.replicas())) {
                    client.pods()
                            .inNamespace(w.namespace())
                            .withName(p.getMetadata().getName())
                            .delete();
                }
            }
        }
    }

    private static List<Toleration> tolerations(Workload w) {
        List<Toleration> out = new ArrayList<>();
        w.tolerations()
                .forEach(
                        (key, value) ->
                                out.add(
                                        new TolerationBuilder()
                                                .withKey(key)
                                                .withOperator("Equal")
                                                .withValue(value)
                                                .build()));
        return out;
    }

    private void createPod(Workload w, String uid, Instant now) {
        int index = nextIndex.merge(w.namespace() + "/" + w.name(), 1, Integer::sum);
        String name = w.name() + "-" + index;
        client.pods()
                .inNamespace(w.namespace())
                .resource(
                        new PodBuilder()
                                .withNewMetadata()
                                .withName(name)
                                .withNamespace(w.namespace())
                                .withCreationTimestamp(now.toString())
                                .withLabels(w.podLabels())
                                .withAnnotations(w.annotations())
                                .addNewOwnerReference()
                                .withApiVersion("apps/v1")
                                .withKind("ReplicaSet")
                                .withName(w.name())
                                .withUid(uid)
                                .withController(true)
                                .endOwnerReference()
                                .endMetadata()
                                .withNewSpec()
                                .withNodeSelector(w.nodeSelector())
                                .withTolerations(tolerations(w))
                                .addNewContainer()
                                .withName("main")
                                .withImage("app")
                                .withNewResources()
                                .addToRequests("cpu", new Quantity(w.cpu()))
                                .addToRequests("memory", new Quantity(w.memory()))
                                .endResources()
                                .endContainer()
                                .endSpec()
                                .withNewStatus()
                                .withPhase("Pending")
                                .endStatus()
                                .build())
                .create();
    }
}
