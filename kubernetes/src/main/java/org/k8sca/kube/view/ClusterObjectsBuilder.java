package org.k8sca.kube.view;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.PersistentVolumeInfo;
import org.k8sca.kube.objects.VolumeClaim;
import org.k8sca.kube.objects.Workload;
import org.k8sca.kube.translate.ClaimBindings;
import org.k8sca.kube.translate.DaemonSetTranslator;
import org.k8sca.kube.translate.DisruptionBudgetTranslator;
import org.k8sca.kube.translate.NamespaceTranslator;
import org.k8sca.kube.translate.NodeTranslator;
import org.k8sca.kube.translate.PodTranslator;
import org.k8sca.kube.translate.TranslationException;
import org.k8sca.kube.translate.VolumeLookup;
import org.k8sca.kube.translate.VolumeTranslator;
import org.k8sca.kube.translate.WorkloadTranslator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds {@link ClusterObjects} from a fixed set of fabric8 objects (a recorded snapshot, e.g. what
 * {@code kubectl get ... -o json} printed), with the same translators and volume rules as the live
 * {@link ClusterView}. Unlike the view, it is strict: an object that cannot be translated is an
 * error, since an offline replay that silently drops a pod would explain the wrong cluster.
 *
 * <p>Pods are translated in {@link #build()}, after every claim and volume is known, so the order
 * of the objects does not matter. When no PersistentVolumeClaim was added at all (kubectl's usual
 * {@code nodes,pods,...} list has none), claims are assumed provisionable anywhere rather than
 * missing, as {@link PodTranslator#translate(io.fabric8.kubernetes.api.model.Pod)} does.
 *
 * <p>Not thread-safe; one builder per snapshot.
 */
public final class ClusterObjectsBuilder {

    /** A Kubernetes kind the autoscaler reads, and the API version it reads it in. */
    public record SupportedKind(
            String apiVersion, String kind, Class<? extends HasMetadata> type) {}

    /** Every kind {@link #add} accepts, by kind name. */
    public static final Map<String, SupportedKind> SUPPORTED_KINDS = supportedKinds();

    private final String autoscalerNamespace;
    private final TreeMap<String, Node> nodes = new TreeMap<>();
    private final TreeMap<String, Pod> pods = new TreeMap<>();
    private final TreeMap<String, PodDisruptionBudget> budgets = new TreeMap<>();
    private final TreeMap<String, DaemonSet> daemonSets = new TreeMap<>();

    /** By {@code Kind/namespace/name}. */
    private final Map<String, Workload> workloads = new LinkedHashMap<>();

    private final Map<String, Labels> namespaces = new HashMap<>();
    private final Map<String, VolumeClaim> claims = new HashMap<>();
    private final Map<String, PersistentVolumeInfo> volumes = new HashMap<>();
    private final Map<String, Boolean> storageClasses = new HashMap<>();
    private Map<String, String> priorityExpanderConfig = Map.of();

    /**
     * @param autoscalerNamespace where the priority expander's ConfigMap is read from ({@code
     *     --namespace})
     */
    public ClusterObjectsBuilder(String autoscalerNamespace) {
        this.autoscalerNamespace =
                Objects.requireNonNull(autoscalerNamespace, "autoscalerNamespace");
    }

    /** The supported kind named {@code kind}, if the autoscaler reads it. */
    public static Optional<SupportedKind> supportedKind(String kind) {
        return Optional.ofNullable(SUPPORTED_KINDS.get(kind));
    }

    /**
     * Translates and keeps one object; a later object with the same kind and key replaces an
     * earlier one.
     *
     * @return false when the object is of a kind the autoscaler does not read (it is ignored)
     * @throws TranslationException naming the object and field when it cannot be translated
     */
    public boolean add(HasMetadata object) throws TranslationException {
        String key = Cache.metaNamespaceKeyFunc(object);
        if (object instanceof io.fabric8.kubernetes.api.model.Node n) {
            nodes.put(key, NodeTranslator.translate(n));
        } else if (object instanceof Pod p) {
            pods.put(key, p);
        } else if (object
                instanceof io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget b) {
            budgets.put(key, DisruptionBudgetTranslator.translate(b));
        } else if (object instanceof io.fabric8.kubernetes.api.model.apps.DaemonSet d) {
            daemonSets.put(key, DaemonSetTranslator.translate(d));
        } else if (object instanceof ReplicaSet rs) {
            workloads.put("ReplicaSet/" + key, WorkloadTranslator.replicaSet(rs));
        } else if (object instanceof ReplicationController rc) {
            workloads.put(
                    "ReplicationController/" + key, WorkloadTranslator.replicationController(rc));
        } else if (object instanceof StatefulSet ss) {
            workloads.put("StatefulSet/" + key, WorkloadTranslator.statefulSet(ss));
        } else if (object instanceof Job job) {
            workloads.put("Job/" + key, WorkloadTranslator.job(job));
        } else if (object instanceof Namespace ns) {
            namespaces.put(key, NamespaceTranslator.labels(ns));
        } else if (object instanceof PersistentVolumeClaim c) {
            claims.put(key, VolumeTranslator.claim(c));
        } else if (object instanceof PersistentVolume v) {
            volumes.put(key, VolumeTranslator.volume(v));
        } else if (object instanceof StorageClass sc) {
            storageClasses.put(key, VolumeTranslator.waitsForFirstConsumer(sc));
        } else if (object instanceof ConfigMap cm && isPriorityExpanderConfig(cm)) {
            priorityExpanderConfig = cm.getData() == null ? Map.of() : Map.copyOf(cm.getData());
        } else {
            return false;
        }
        return true;
    }

    /**
     * Translates the pods and returns everything added, with version 1.
     *
     * @throws TranslationException for the first pod (by namespace/name) that cannot be translated
     */
    public ClusterObjects build() throws TranslationException {
        VolumeLookup lookup =
                claims.isEmpty()
                        ? VolumeLookup.ANYWHERE
                        : (namespace, claimName) ->
                                ClaimBindings.resolve(
                                        namespace, claimName, claims, volumes, storageClasses);
        List<ObservedPod> translated = new ArrayList<>(pods.size());
        for (Pod p : pods.values()) {
            translated.add(PodTranslator.translate(p, lookup));
        }
        return new ClusterObjects(
                1,
                new ArrayList<>(nodes.values()),
                translated,
                new ArrayList<>(budgets.values()),
                new ArrayList<>(daemonSets.values()),
                workloadsByUid(workloads),
                namespaces,
                priorityExpanderConfig);
    }

    /**
     * Re-keys workloads from {@code Kind/namespace/name} to their UID, which pods' owner references
     * name; a workload without a UID keeps its {@code Kind/namespace/name} key.
     */
    static Map<String, Workload> workloadsByUid(Map<String, Workload> byKindAndKey) {
        Map<String, Workload> byUid = new HashMap<>();
        for (Map.Entry<String, Workload> e : byKindAndKey.entrySet()) {
            Workload w = e.getValue();
            byUid.put(w.uid().isEmpty() ? e.getKey() : w.uid(), w);
        }
        return byUid;
    }

    private boolean isPriorityExpanderConfig(ConfigMap cm) {
        return cm.getMetadata() != null
                && ClusterView.PRIORITY_EXPANDER_CONFIG_MAP.equals(cm.getMetadata().getName())
                && autoscalerNamespace.equals(cm.getMetadata().getNamespace());
    }

    private static Map<String, SupportedKind> supportedKinds() {
        Map<String, SupportedKind> kinds = new LinkedHashMap<>();
        List.of(
                        new SupportedKind("v1", "Node", io.fabric8.kubernetes.api.model.Node.class),
                        new SupportedKind("v1", "Pod", Pod.class),
                        new SupportedKind(
                                "policy/v1",
                                "PodDisruptionBudget",
                                io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget
                                        .class),
                        new SupportedKind(
                                "apps/v1",
                                "DaemonSet",
                                io.fabric8.kubernetes.api.model.apps.DaemonSet.class),
                        new SupportedKind("apps/v1", "ReplicaSet", ReplicaSet.class),
                        new SupportedKind(
                                "v1", "ReplicationController", ReplicationController.class),
                        new SupportedKind("apps/v1", "StatefulSet", StatefulSet.class),
                        new SupportedKind("batch/v1", "Job", Job.class),
                        new SupportedKind("v1", "Namespace", Namespace.class),
                        new SupportedKind(
                                "v1", "PersistentVolumeClaim", PersistentVolumeClaim.class),
                        new SupportedKind("v1", "PersistentVolume", PersistentVolume.class),
                        new SupportedKind("storage.k8s.io/v1", "StorageClass", StorageClass.class),
                        new SupportedKind("v1", "ConfigMap", ConfigMap.class))
                .forEach(k -> kinds.put(k.kind(), k));
        return java.util.Collections.unmodifiableMap(kinds);
    }
}
