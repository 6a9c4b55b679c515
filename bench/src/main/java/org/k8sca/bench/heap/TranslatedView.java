package org.k8sca.bench.heap;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.PersistentVolumeInfo;
import org.k8sca.kube.objects.VolumeClaim;
import org.k8sca.kube.translate.TranslationException;
import org.k8sca.kube.translate.VolumeTranslator;
import org.k8sca.kube.view.ClusterObjectsBuilder;
import org.k8sca.kube.view.ClusterView;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a running {@link ClusterView} holds besides its informers' caches: the translated records by
 * key (its maps of nodes, pods, budgets, DaemonSets, claims, volumes and claim users) and the
 * {@link ClusterObjects} it last handed to the loop. The records come from the same translators,
 * through {@link ClusterObjectsBuilder}; the maps are rebuilt from them with keys of their own, as
 * the view keys them.
 */
public final class TranslatedView {

    private final ClusterObjects objects;
    private final TreeMap<String, Node> nodes = new TreeMap<>();
    private final TreeMap<String, ObservedPod> pods = new TreeMap<>();
    private final TreeMap<String, PodDisruptionBudget> budgets = new TreeMap<>();
    private final TreeMap<String, DaemonSet> daemonSets = new TreeMap<>();
    private final Map<String, VolumeClaim> claims = new HashMap<>();
    private final Map<String, PersistentVolumeInfo> volumes = new HashMap<>();
    private final Map<String, Set<String>> podsByClaim = new HashMap<>();

    private TranslatedView(ClusterObjects objects) {
        this.objects = objects;
    }

    /**
     * Translates every object in {@code caches}.
     *
     * @throws IllegalStateException naming the object when one cannot be translated (the generated
     *     cluster must translate completely, or the measurement would leave it out)
     */
    public static TranslatedView of(InformerCaches caches) {
        ClusterObjectsBuilder builder = new ClusterObjectsBuilder(ClusterView.DEFAULT_NAMESPACE);
        TranslatedView view;
        try {
            for (HasMetadata o : caches.all()) {
                builder.add(o);
            }
            view = new TranslatedView(builder.build());
            for (HasMetadata o : caches.all()) {
                String key = Cache.metaNamespaceKeyFunc(o);
                if (o instanceof PersistentVolumeClaim c) {
                    view.claims.put(key, VolumeTranslator.claim(c));
                } else if (o instanceof PersistentVolume v) {
                    view.volumes.put(key, VolumeTranslator.volume(v));
                }
            }
        } catch (TranslationException e) {
            throw new IllegalStateException(
                    "a generated object does not translate: " + e.getMessage(), e);
        }
        ClusterObjects objects = view.objects;
        objects.nodes().forEach(n -> view.nodes.put(n.name(), n));
        for (ObservedPod p : objects.pods()) {
            String key = p.pod().namespace() + "/" + p.pod().name();
            view.pods.put(key, p);
            for (String claim : p.claimNames()) {
                view.podsByClaim
                        .computeIfAbsent(p.pod().namespace() + "/" + claim, k -> new HashSet<>())
                        .add(key);
            }
        }
        objects.disruptionBudgets()
                .forEach(b -> view.budgets.put(b.namespace() + "/" + b.name(), b));
        objects.daemonSets().forEach(d -> view.daemonSets.put(d.namespace() + "/" + d.name(), d));
        return view;
    }

    /** What the loop reads. */
    public ClusterObjects objects() {
        return objects;
    }
}
