package org.k8sca.testkit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plays the ReplicaSet, StatefulSet and Job controllers for {@link Workload}s and {@link
 * JobWorkload}s: creates missing pods (a deleted or evicted pod comes back as a new, unscheduled
 * pod; a StatefulSet's under its old name), deletes surplus ones when replicas go down, and
 * completes Job pods that have run their time.
 */
public final class WorkloadController {
    private final KubernetesClient client;
    private final Map<String, Workload> workloads = new LinkedHashMap<>();
    private final Map<String, JobWorkload> jobs = new LinkedHashMap<>();
    private final Map<String, String> uids = new LinkedHashMap<>();
    private final Map<String, Integer> nextIndex = new LinkedHashMap<>();

    /** Per Job: the pods that succeeded, remembered because a finished pod may be deleted later. */
    private final Map<String, Set<String>> succeeded = new LinkedHashMap<>();

    /** Per Job: the status last written ({@code active/succeeded}), to write only changes. */
    private final Map<String, String> jobStatus = new LinkedHashMap<>();

    public WorkloadController(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Creates the workload's ReplicaSet or StatefulSet, or changes its replicas; its pods follow at
     * the next reconcile.
     */
    public void apply(Workload workload, Instant now) {
        String key = key(workload.namespace(), workload.name());
        Workload known = workloads.get(key);
        if (known != null && known.kind() != workload.kind()) {
            throw new IllegalArgumentException(
                    "workload "
                            + key
                            + " is a "
                            + known.kind().kubernetesKind()
                            + "; it cannot become a "
                            + workload.kind().kubernetesKind());
        }
        if (known == null) {
            uids.put(key, create(workload, now).getMetadata().getUid());
        } else if (workload.kind() == Workload.Kind.STATEFUL_SET) {
            client.apps()
                    .statefulSets()
                    .inNamespace(workload.namespace())
                    .withName(workload.name())
                    .edit(
                            s -> {
                                s.getSpec().setReplicas(workload.replicas());
                                return s;
                            });
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

    /** Creates the Job; its pods follow at the next reconcile. A Job cannot be changed. */
    public void apply(JobWorkload job, Instant now) {
        String key = key(job.namespace(), job.name());
        if (jobs.containsKey(key) || workloads.containsKey(key)) {
            throw new IllegalArgumentException(
                    "job " + key + " exists already; a Job's spec cannot be changed");
        }
        var created =
                client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(job.namespace())
                        .resource(
                                new JobBuilder()
                                        .withNewMetadata()
                                        .withName(job.name())
                                        .withNamespace(job.namespace())
                                        .withCreationTimestamp(now.toString())
                                        .endMetadata()
                                        .withNewSpec()
                                        .withParallelism(job.parallelism())
                                        .withCompletions(job.completions())
                                        .withNewSelector()
                                        .withMatchLabels(job.podLabels())
                                        .endSelector()
                                        .withTemplate(template(job.podLabels(), "Never"))
                                        .endSpec()
                                        .build())
                        .create();
        uids.put(key, created.getMetadata().getUid());
        jobs.put(key, job);
        succeeded.put(key, new HashSet<>());
    }

    /**
     * Brings every workload's pod count to its replicas and every Job's running pods to what it
     * still needs.
     */
    public void reconcile(Instant now) {
        for (Map.Entry<String, Workload> e : workloads.entrySet()) {
            Workload w = e.getValue();
            List<Pod> live = livePods(w.namespace(), uids.get(e.getKey()));
            if (w.kind() == Workload.Kind.STATEFUL_SET) {
                reconcileStatefulSet(w, uids.get(e.getKey()), live, now);
            } else {
                reconcileReplicaSet(w, uids.get(e.getKey()), live, now);
            }
        }
        for (Map.Entry<String, JobWorkload> e : jobs.entrySet()) {
            reconcileJob(e.getValue(), uids.get(e.getKey()), succeeded.get(e.getKey()), now);
        }
    }

    /** How many pods of the Job {@code namespace/name} have succeeded so far. */
    public int succeededPods(String namespace, String name) {
        Set<String> done = succeeded.get(key(namespace, name));
        if (done == null) {
            throw new IllegalArgumentException("no job " + key(namespace, name));
        }
        return done.size();
    }

    private void reconcileReplicaSet(Workload w, String uid, List<Pod> live, Instant now) {
        for (int i = live.size(); i < w.replicas(); i++) {
            int index = nextIndex.merge(key(w.namespace(), w.name()), 1, Integer::sum);
            createPod(w, uid, w.name() + "-" + index, now);
        }
        if (live.size() > w.replicas()) {
            // Like the ReplicaSet controller, remove unscheduled pods first, then the newest.
            live.sort(
                    Comparator.<Pod, Boolean>comparing(p -> p.getSpec().getNodeName() != null)
                            .thenComparing(
                                    p -> p.getMetadata().getName(), Comparator.reverseOrder()));
            for (Pod p : live.subList(0, live.size() - w.replicas())) {
                delete(p);
            }
        }
    }

    /** Ordinals 0 .. replicas-1, each under its own name; higher ordinals go. */
    private void reconcileStatefulSet(Workload w, String uid, List<Pod> live, Instant now) {
        Set<String> present = new HashSet<>();
        for (Pod p : live) {
            present.add(p.getMetadata().getName());
        }
        for (int ordinal = 0; ordinal < w.replicas(); ordinal++) {
            String name = w.name() + "-" + ordinal;
            if (!present.contains(name) && !exists(w.namespace(), name)) {
                createPod(w, uid, name, now);
            }
        }
        for (Pod p : live) {
            if (ordinal(w.name(), p.getMetadata().getName()) >= w.replicas()) {
                delete(p);
            }
        }
    }

    private void reconcileJob(JobWorkload job, String uid, Set<String> done, Instant now) {
        int active = 0;
        for (Pod p : livePods(job.namespace(), uid)) {
            String name = p.getMetadata().getName();
            String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
            if ("Succeeded".equals(phase)) {
                done.add(name);
            } else if ("Failed".equals(phase)) {
                continue;
            } else if (boundAt(p).map(t -> !t.plus(job.runFor()).isAfter(now)).orElse(false)) {
                complete(p, now);
                done.add(name);
            } else {
                active++;
            }
        }
        int wanted = Math.min(job.parallelism(), job.completions() - done.size());
        for (int i = active; i < wanted; i++) {
            int index = nextIndex.merge(key(job.namespace(), job.name()), 1, Integer::sum);
            createPod(
                    job.namespace(),
                    job.name() + "-" + index,
                    job.podLabels(),
                    job.annotations(),
                    "batch/v1",
                    "Job",
                    job.name(),
                    uid,
                    Map.of(),
                    Map.of(),
                    job.cpu(),
                    job.memory(),
                    now);
        }
        int activeNow = Math.max(active, wanted);
        int succeededNow = done.size();
        String status = activeNow + "/" + succeededNow;
        if (status.equals(jobStatus.put(key(job.namespace(), job.name()), status))) {
            return;
        }
        client.batch()
                .v1()
                .jobs()
                .inNamespace(job.namespace())
                .withName(job.name())
                .editStatus(
                        j -> {
                            j.setStatus(
                                    new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
                                            .withActive(activeNow)
                                            .withSucceeded(succeededNow)
                                            .build());
                            return j;
                        });
    }

    /** When the scheduler bound the pod: its {@code PodScheduled=True} transition. */
    private static Optional<Instant> boundAt(Pod p) {
        if (p.getSpec().getNodeName() == null || p.getStatus() == null) {
            return Optional.empty();
        }
        for (PodCondition c : p.getStatus().getConditions()) {
            if ("PodScheduled".equals(c.getType())
                    && "True".equals(c.getStatus())
                    && c.getLastTransitionTime() != null) {
                return Optional.of(Instant.parse(c.getLastTransitionTime()));
            }
        }
        return Optional.empty();
    }

    /** The pod's container exited 0: phase Succeeded, no longer Ready. */
    private void complete(Pod p, Instant now) {
        client.pods()
                .inNamespace(p.getMetadata().getNamespace())
                .withName(p.getMetadata().getName())
                .editStatus(
                        pod -> {
                            pod.getStatus().setPhase("Succeeded");
                            pod.getStatus()
                                    .getConditions()
                                    .removeIf(c -> "Ready".equals(c.getType()));
                            pod.getStatus()
                                    .getConditions()
                                    .add(
                                            new PodConditionBuilder()
                                                    .withType("Ready")
                                                    .withStatus("False")
                                                    .withReason("PodCompleted")
                                                    .withLastTransitionTime(now.toString())
                                                    .build());
                            return pod;
                        });
    }

    private HasMetadata create(Workload w, Instant now) {
        if (w.kind() == Workload.Kind.STATEFUL_SET) {
            return client.apps()
                    .statefulSets()
                    .inNamespace(w.namespace())
                    .resource(
                            new StatefulSetBuilder()
                                    .withNewMetadata()
                                    .withName(w.name())
                                    .withNamespace(w.namespace())
                                    .withCreationTimestamp(now.toString())
                                    .endMetadata()
                                    .withNewSpec()
                                    .withReplicas(w.replicas())
                                    .withServiceName(w.name())
                                    .withPodManagementPolicy("Parallel")
                                    .withNewSelector()
                                    .withMatchLabels(w.podLabels())
                                    .endSelector()
                                    .withTemplate(template(w.podLabels(), "Always"))
                                    .endSpec()
                                    .build())
                    .create();
        }
        return client.apps()
                .replicaSets()
                .inNamespace(w.namespace())
                .resource(
                        new ReplicaSetBuilder()
                                .withNewMetadata()
                                .withName(w.name())
                                .withNamespace(w.namespace())
                                .withCreationTimestamp(now.toString())
                                .endMetadata()
                                .withNewSpec()
                                .withReplicas(w.replicas())
                                .withNewSelector()
                                .withMatchLabels(w.podLabels())
                                .endSelector()
                                .withTemplate(template(w.podLabels(), "Always"))
                                .endSpec()
                                .build())
                .create();
    }

    private static PodTemplateSpec template(Map<String, String> labels, String restartPolicy) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy(restartPolicy)
                .addNewContainer()
                .withName("main")
                .withImage("app")
                .endContainer()
                .endSpec()
                .build();
    }

    /** The pods owned by the controller with {@code uid} that are not being deleted. */
    private List<Pod> livePods(String namespace, String uid) {
        List<Pod> live = new ArrayList<>();
        for (Pod p : client.pods().inNamespace(namespace).list().getItems()) {
            boolean owned =
                    p.getMetadata().getOwnerReferences().stream()
                            .anyMatch(o -> uid.equals(o.getUid()));
            if (owned && p.getMetadata().getDeletionTimestamp() == null) {
                live.add(p);
            }
        }
        return live;
    }

    private boolean exists(String namespace, String name) {
        return client.pods().inNamespace(namespace).withName(name).get() != null;
    }

    private void delete(Pod p) {
        client.pods()
                .inNamespace(p.getMetadata().getNamespace())
                .withName(p.getMetadata().getName())
                .delete();
    }

    /** The ordinal of a StatefulSet pod named {@code <set>-<ordinal>}. */
    private static int ordinal(String set, String podName) {
        return Integer.parseInt(podName.substring(set.length() + 1));
    }

    static List<Toleration> tolerations(Map<String, String> keyToValue) {
        List<Toleration> out = new ArrayList<>();
        keyToValue.forEach(
                (key, value) ->
                        out.add(
                                new TolerationBuilder()
                                        .withKey(key)
                                        .withOperator("Equal")
                                        .withValue(value)
                                        .build()));
        return out;
    }

    private void createPod(Workload w, String uid, String name, Instant now) {
        Map<String, String> labels = new LinkedHashMap<>(w.podLabels());
        if (w.kind() == Workload.Kind.STATEFUL_SET) {
            labels.put("statefulset.kubernetes.io/pod-name", name);
        }
        createPod(
                w.namespace(),
                name,
                labels,
                w.annotations(),
                "apps/v1",
                w.kind().kubernetesKind(),
                w.name(),
                uid,
                w.nodeSelector(),
                w.tolerations(),
                w.cpu(),
                w.memory(),
                now);
    }

    private void createPod(
            String namespace,
            String name,
            Map<String, String> labels,
            Map<String, String> annotations,
            String ownerApiVersion,
            String ownerKind,
            String ownerName,
            String ownerUid,
            Map<String, String> nodeSelector,
            Map<String, String> tolerations,
            String cpu,
            String memory,
            Instant now) {
        client.pods()
                .inNamespace(namespace)
                .resource(
                        new PodBuilder()
                                .withNewMetadata()
                                .withName(name)
                                .withNamespace(namespace)
                                .withCreationTimestamp(now.toString())
                                .withLabels(labels)
                                .withAnnotations(annotations)
                                .addNewOwnerReference()
                                .withApiVersion(ownerApiVersion)
                                .withKind(ownerKind)
                                .withName(ownerName)
                                .withUid(ownerUid)
                                .withController(true)
                                .endOwnerReference()
                                .endMetadata()
                                .withNewSpec()
                                .withNodeSelector(nodeSelector)
                                .withTolerations(tolerations(tolerations))
                                .withRestartPolicy("Job".equals(ownerKind) ? "Never" : "Always")
                                .addNewContainer()
                                .withName("main")
                                .withImage("app")
                                .withNewResources()
                                .addToRequests("cpu", new Quantity(cpu))
                                .addToRequests("memory", new Quantity(memory))
                                .endResources()
                                .endContainer()
                                .endSpec()
                                .withNewStatus()
                                .withPhase("Pending")
                                .endStatus()
                                .build())
                .create();
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
