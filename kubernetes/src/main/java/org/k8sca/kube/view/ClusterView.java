package org.k8sca.kube.view;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.PersistentVolumeInfo;
import org.k8sca.kube.objects.SchedulingState;
import org.k8sca.kube.objects.VolumeClaim;
import org.k8sca.kube.objects.Workload;
import org.k8sca.kube.translate.ClaimBinding;
import org.k8sca.kube.translate.ClaimBindings;
import org.k8sca.kube.translate.DaemonSetTranslator;
import org.k8sca.kube.translate.DisruptionBudgetTranslator;
import org.k8sca.kube.translate.NamespaceTranslator;
import org.k8sca.kube.translate.NodeTranslator;
import org.k8sca.kube.translate.PodTranslator;
import org.k8sca.kube.translate.TranslationException;
import org.k8sca.kube.translate.VolumeTranslator;
import org.k8sca.kube.translate.WorkloadTranslator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cluster as the autoscaler sees it, kept current by informers and translated once per change.
 *
 * <p>One informer per kind watches all namespaces without field selectors (pods are filtered in
 * process; a {@value #NODE_NAME_INDEX} index finds the pods of a node). Every add, update or delete
 * is translated into core records at once, under one lock, so {@link #snapshotOf()} returns a
 * consistent copy cheaply. An object that cannot be translated is logged, listed in {@link
 * #skippedObjects()} and left out; it never stops the view.
 *
 * <p>Pods depend on PersistentVolumeClaims, PersistentVolumes and StorageClasses (a bound volume
 * can pin a pod to some nodes); when one of those changes, the pods that use it are translated
 * again.
 */
public final class ClusterView implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterView.class);

    /** The ConfigMap the priority expander reads, in the autoscaler's namespace. */
    public static final String PRIORITY_EXPANDER_CONFIG_MAP =
            "cluster-autoscaler-priority-expander";

    /** Upstream's default for {@code --namespace}. */
    public static final String DEFAULT_NAMESPACE = "kube-system";

    /** The pod informer's index of pods by {@code spec.nodeName}. */
    public static final String NODE_NAME_INDEX = "nodeName";

    /**
     * What to do with an object under the lock; may return work to run after the lock is released.
     */
    @FunctionalInterface
    private interface Upsert<T> {
        Runnable apply(String key, T object) throws TranslationException;
    }

    private final Object lock = new Object();
    private final TreeMap<String, Node> nodes = new TreeMap<>();
    private final TreeMap<String, ObservedPod> pods = new TreeMap<>();
    private final TreeMap<String, PodDisruptionBudget> budgets = new TreeMap<>();
    private final TreeMap<String, DaemonSet> daemonSets = new TreeMap<>();

    /** By {@code Kind/namespace/name}. */
    private final Map<String, Workload> workloads = new HashMap<>();

    private final Map<String, Labels> namespaces = new HashMap<>();
    private final Map<String, VolumeClaim> claims = new HashMap<>();
    private final Map<String, PersistentVolumeInfo> volumes = new HashMap<>();

    /** StorageClass name → whether it waits for the first consumer. */
    private final Map<String, Boolean> storageClasses = new HashMap<>();

    /** Claim {@code namespace/name} → keys of the pods that use it. */
    private final Map<String, Set<String>> podsByClaim = new HashMap<>();

    private final TreeMap<String, SkippedObject> skipped = new TreeMap<>();
    private Map<String, String> priorityExpanderConfig = Map.of();
    private long version;
    private ClusterObjects cached = ClusterObjects.EMPTY;

    private final Map<String, SharedIndexInformer<?>> informers = new LinkedHashMap<>();
    private final SharedIndexInformer<Pod> podInformer;
    private final List<UnschedulablePodListener> listeners = new CopyOnWriteArrayList<>();

    /** A view for an autoscaler running in {@value #DEFAULT_NAMESPACE}. */
    public ClusterView(KubernetesClient client) {
        this(client, DEFAULT_NAMESPACE);
    }

    /**
     * Creates the informers; nothing is listed or watched until {@link #start(Duration)}.
     *
     * @param autoscalerNamespace where the autoscaler's own objects live ({@code --namespace}); the
     *     priority expander's ConfigMap is read from there
     */
    public ClusterView(KubernetesClient client, String autoscalerNamespace) {
        watch(
                "Node",
                client.nodes(),
                (key, n) -> {
                    nodes.put(key, NodeTranslator.translate(n));
                    return null;
                },
                nodes::remove);
        podInformer =
                watch("Pod", client.pods().inAnyNamespace(), this::upsertPod, this::removePod);
        podInformer.addIndexers(
                Map.of(
                        NODE_NAME_INDEX,
                        p -> {
                            String node = p.getSpec() == null ? null : p.getSpec().getNodeName();
                            return node == null || node.isEmpty() ? List.of() : List.of(node);
                        }));
        watch(
                "PodDisruptionBudget",
                client.policy().v1().podDisruptionBudget().inAnyNamespace(),
                (key, b) -> {
                    budgets.put(key, DisruptionBudgetTranslator.translate(b));
                    return null;
                },
                budgets::remove);
        watch(
                "DaemonSet",
                client.apps().daemonSets().inAnyNamespace(),
                (key, d) -> {
                    daemonSets.put(key, DaemonSetTranslator.translate(d));
                    return null;
                },
                daemonSets::remove);
        watch(
                "ReplicaSet",
                client.apps().replicaSets().inAnyNamespace(),
                (key, o) -> {
                    workloads.put("ReplicaSet/" + key, WorkloadTranslator.replicaSet(o));
                    return null;
                },
                key -> workloads.remove("ReplicaSet/" + key));
        watch(
                "ReplicationController",
                client.replicationControllers().inAnyNamespace(),
                (key, o) -> {
                    workloads.put(
                            "ReplicationController/" + key,
                            WorkloadTranslator.replicationController(o));
                    return null;
                },
                key -> workloads.remove("ReplicationController/" + key));
        watch(
                "StatefulSet",
                client.apps().statefulSets().inAnyNamespace(),
                (key, o) -> {
                    workloads.put("StatefulSet/" + key, WorkloadTranslator.statefulSet(o));
                    return null;
                },
                key -> workloads.remove("StatefulSet/" + key));
        watch(
                "Job",
                client.batch().v1().jobs().inAnyNamespace(),
                (key, o) -> {
                    workloads.put("Job/" + key, WorkloadTranslator.job(o));
                    return null;
                },
                key -> workloads.remove("Job/" + key));
        watch(
                "Namespace",
                client.namespaces(),
                (key, ns) -> {
                    namespaces.put(key, NamespaceTranslator.labels(ns));
                    return null;
                },
                namespaces::remove);
        watch(
                "PersistentVolumeClaim",
                client.persistentVolumeClaims().inAnyNamespace(),
                (key, c) -> {
                    claims.put(key, VolumeTranslator.claim(c));
                    retranslatePodsUsing(Set.of(key));
                    return null;
                },
                key -> {
                    claims.remove(key);
                    retranslatePodsUsing(Set.of(key));
                });
        watch(
                "PersistentVolume",
                client.persistentVolumes(),
                (key, v) -> {
                    PersistentVolumeInfo info = VolumeTranslator.volume(v);
                    volumes.put(key, info);
                    retranslatePodsUsing(claimsOfVolume(key, info));
                    return null;
                },
                key -> {
                    PersistentVolumeInfo gone = volumes.remove(key);
                    retranslatePodsUsing(claimsOfVolume(key, gone));
                });
        watch(
                "ConfigMap",
                client.configMaps()
                        .inNamespace(autoscalerNamespace)
                        .withName(PRIORITY_EXPANDER_CONFIG_MAP),
                (key, cm) -> {
                    priorityExpanderConfig =
                            cm.getData() == null ? Map.of() : Map.copyOf(cm.getData());
                    return null;
                },
                key -> priorityExpanderConfig = Map.of());
        watch(
                "StorageClass",
                client.storage().v1().storageClasses(),
                (key, sc) -> {
                    storageClasses.put(key, VolumeTranslator.waitsForFirstConsumer(sc));
                    retranslatePodsUsing(new HashSet<>(podsByClaim.keySet()));
                    return null;
                },
                key -> {
                    storageClasses.remove(key);
                    retranslatePodsUsing(new HashSet<>(podsByClaim.keySet()));
                });
    }

    /** Registers a listener; register before {@link #start} to hear about pods already pending. */
    public void addUnschedulablePodListener(UnschedulablePodListener listener) {
        listeners.add(listener);
    }

    /**
     * Starts every informer and waits until all have listed their objects.
     *
     * @throws ClusterViewException naming the kinds that failed or did not sync within {@code
     *     timeout}
     */
    public void start(Duration timeout) {
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        informers.forEach(
                (kind, informer) -> started.put(kind, informer.start().toCompletableFuture()));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> late = new ArrayList<>();
        try {
            for (Map.Entry<String, CompletableFuture<Void>> e : started.entrySet()) {
                long left = Math.max(0, deadline - System.nanoTime());
                try {
                    e.getValue().get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException t) {
                    late.add(e.getKey());
                } catch (ExecutionException x) {
                    close();
                    throw new ClusterViewException(
                            "cannot list and watch "
                                    + e.getKey()
                                    + " objects: "
                                    + x.getCause().getMessage()
                                    + " (check the API server address and the RBAC rules)",
                            x.getCause());
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            close();
            throw new ClusterViewException(
                    "interrupted while waiting for the Kubernetes informers to sync");
        }
        if (!late.isEmpty()) {
            close();
            throw new ClusterViewException(
                    "Kubernetes informers did not sync within "
                            + timeout.toSeconds()
                            + " s: "
                            + String.join(", ", late)
                            + " (is the API server reachable, and may this service account list"
                            + " them?)");
        }
        LOG.info("cluster view synced: {} nodes, {} pods", nodeCount(), podCount());
    }

    /**
     * A consistent copy of everything translated so far; cheap when nothing changed since the last
     * call.
     */
    public ClusterObjects snapshotOf() {
        synchronized (lock) {
            if (cached.version() != version) {
                Map<String, Workload> byUid = ClusterObjectsBuilder.workloadsByUid(workloads);
                cached =
                        new ClusterObjects(
                                version,
                                new ArrayList<>(nodes.values()),
                                new ArrayList<>(pods.values()),
                                new ArrayList<>(budgets.values()),
                                new ArrayList<>(daemonSets.values()),
                                byUid,
                                namespaces,
                                priorityExpanderConfig);
            }
            return cached;
        }
    }

    /** The translated pods bound to {@code nodeName}, found through the informer's node index. */
    public List<ObservedPod> podsOnNode(String nodeName) {
        List<Pod> raw = podInformer.getIndexer().byIndex(NODE_NAME_INDEX, nodeName);
        List<ObservedPod> out = new ArrayList<>(raw.size());
        synchronized (lock) {
            for (Pod p : raw) {
                ObservedPod o = pods.get(Cache.metaNamespaceKeyFunc(p));
                if (o != null && nodeName.equals(o.pod().nodeName())) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** Objects left out because they could not be translated, sorted by kind and key. */
    public List<SkippedObject> skippedObjects() {
        synchronized (lock) {
            return List.copyOf(skipped.values());
        }
    }

    /** Whether every informer currently has a working watch (for health checks). */
    public boolean watching() {
        for (SharedIndexInformer<?> i : informers.values()) {
            if (!i.isWatching()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fabric8 objects the informers hold now, every kind the view watches, managed fields
     * already dropped; for the {@code /snapshot} debug endpoint. They are the cache's own objects:
     * serialize them, never modify them.
     */
    public List<HasMetadata> sourceObjects() {
        List<HasMetadata> out = new ArrayList<>();
        for (SharedIndexInformer<?> informer : informers.values()) {
            for (Object o : informer.getStore().list()) {
                out.add((HasMetadata) o);
            }
        }
        return out;
    }

    /** The informer's cached fabric8 object, for tests of what the cache keeps. */
    Object cachedObject(String kind, String key) {
        SharedIndexInformer<?> informer = informers.get(kind);
        return informer == null ? null : informer.getStore().getByKey(key);
    }

    @Override
    public void close() {
        for (SharedIndexInformer<?> i : informers.values()) {
            i.stop();
        }
    }

    private int nodeCount() {
        synchronized (lock) {
            return nodes.size();
        }
    }

    private int podCount() {
        synchronized (lock) {
            return pods.size();
        }
    }

    // ------------------------------------------------------------------ informers

    private <T extends HasMetadata> SharedIndexInformer<T> watch(
            String kind,
            Informable<T> source,
            Upsert<T> upsert,
            java.util.function.Consumer<String> delete) {
        SharedIndexInformer<T> informer = source.runnableInformer(0);
        informer.itemStore(new TrimmingItemStore<>());
        informer.addEventHandler(
                new ResourceEventHandler<T>() {
                    @Override
                    public void onAdd(T object) {
                        apply(kind, object, upsert, delete);
                    }

                    @Override
                    public void onUpdate(T oldObject, T object) {
                        apply(kind, object, upsert, delete);
                    }

                    @Override
                    public void onDelete(T object, boolean finalStateUnknown) {
                        String key = Cache.metaNamespaceKeyFunc(object);
                        synchronized (lock) {
                            delete.accept(key);
                            skipped.remove(kind + "/" + key);
                            version++;
                        }
                    }
                });
        informers.put(kind, informer);
        return informer;
    }

    private <T extends HasMetadata> void apply(
            String kind, T object, Upsert<T> upsert, java.util.function.Consumer<String> delete) {
        String key = Cache.metaNamespaceKeyFunc(object);
        Runnable after;
        synchronized (lock) {
            after = applyLocked(kind, key, object, upsert, delete);
            version++;
        }
        if (after != null) {
            after.run();
        }
    }

    private <T> Runnable applyLocked(
            String kind,
            String key,
            T object,
            Upsert<T> upsert,
            java.util.function.Consumer<String> delete) {
        try {
            Runnable after = upsert.apply(key, object);
            skipped.remove(kind + "/" + key);
            return after;
        } catch (TranslationException | RuntimeException e) {
            // A bad object must not take the autoscaler down: drop what we had for it and go on.
            delete.accept(key);
            SkippedObject previous =
                    skipped.put(
                            kind + "/" + key,
                            new SkippedObject(kind, key, String.valueOf(e.getMessage())));
            if (previous == null || !previous.reason().equals(String.valueOf(e.getMessage()))) {
                if (e instanceof TranslationException) {
                    LOG.warn("skipping {}", e.getMessage());
                } else {
                    LOG.warn("skipping {} {}: cannot translate it", kind, key, e);
                }
            }
            return null;
        }
    }

    // ------------------------------------------------------------------ pods and their volumes

    private Runnable upsertPod(String key, Pod pod) throws TranslationException {
        ObservedPod translated = PodTranslator.translate(pod, this::claimBinding);
        ObservedPod old = pods.put(key, translated);
        unindexClaims(key, old);
        for (String claim : translated.claimNames()) {
            podsByClaim
                    .computeIfAbsent(
                            translated.pod().namespace() + "/" + claim, k -> new HashSet<>())
                    .add(key);
        }
        boolean newlyUnschedulable =
                translated.state() == SchedulingState.UNSCHEDULABLE
                        && (old == null || old.state() != SchedulingState.UNSCHEDULABLE);
        if (!newlyUnschedulable || listeners.isEmpty()) {
            return null;
        }
        return () -> {
            for (UnschedulablePodListener l : listeners) {
                try {
                    l.podBecameUnschedulable(translated);
                } catch (RuntimeException e) {
                    LOG.warn("unschedulable-pod listener failed for {}", translated.key(), e);
                }
            }
        };
    }

    private void removePod(String key) {
        unindexClaims(key, pods.remove(key));
    }

    private void unindexClaims(String key, ObservedPod pod) {
        if (pod == null) {
            return;
        }
        for (String claim : pod.claimNames()) {
            String claimKey = pod.pod().namespace() + "/" + claim;
            Set<String> users = podsByClaim.get(claimKey);
            if (users != null) {
                users.remove(key);
                if (users.isEmpty()) {
                    podsByClaim.remove(claimKey);
                }
            }
        }
    }

    /** Called under the lock while a pod is translated. */
    private ClaimBinding claimBinding(String namespace, String claimName) {
        return ClaimBindings.resolve(namespace, claimName, claims, volumes, storageClasses);
    }

    /** Claims that may point at volume {@code name}: its claimRef, and claims naming it. */
    private Set<String> claimsOfVolume(String name, PersistentVolumeInfo info) {
        Set<String> out = new HashSet<>();
        if (info != null && !info.claimKey().isEmpty()) {
            out.add(info.claimKey());
        }
        for (VolumeClaim c : claims.values()) {
            if (name.equals(c.volumeName())) {
                out.add(c.key());
            }
        }
        return out;
    }

    /**
     * Translates again, under the lock, the pods that use any of {@code claimKeys}. Only their
     * volumes change, never their scheduling state, so no listener needs to hear about it.
     */
    private void retranslatePodsUsing(Set<String> claimKeys) {
        for (String claimKey : claimKeys) {
            Set<String> users = podsByClaim.get(claimKey);
            if (users == null) {
                continue;
            }
            for (String podKey : new ArrayList<>(users)) {
                Pod raw = podInformer.getStore().getByKey(podKey);
                if (raw != null) {
                    applyLocked("Pod", podKey, raw, this::upsertPod, this::removePod);
                }
            }
        }
    }
}
