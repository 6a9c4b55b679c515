package org.k8sca.bench.heap;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;

import org.k8sca.kube.view.CacheTrimmer;
import org.k8sca.kube.view.ClusterView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One fabric8 informer cache per kind, built as a running {@link ClusterView}'s informers build
 * theirs: a {@link CacheImpl} with the namespace index over a {@link BasicItemStore} keyed by
 * {@code namespace/name}, pods also indexed by node name, each object trimmed by {@link
 * CacheTrimmer} before it is kept (as the view's item store does). Objects are put in directly
 * instead of arriving from a watch.
 */
public final class InformerCaches {

    private final Map<String, CacheImpl<HasMetadata>> byKind = new TreeMap<>();

    /** Keeps {@code object} in its kind's cache, replacing one with the same key. */
    public void put(HasMetadata object) {
        CacheTrimmer.trim(object);
        byKind.computeIfAbsent(object.getKind(), InformerCaches::newCache).put(object);
    }

    /** How many objects each kind's cache holds, by kind name. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        byKind.forEach((kind, cache) -> out.put(kind, cache.listKeys().size()));
        return out;
    }

    /** Every cached object, kind by kind. */
    public List<HasMetadata> all() {
        List<HasMetadata> out = new ArrayList<>();
        byKind.values().forEach(c -> out.addAll(c.list()));
        return out;
    }

    /** The cached pods bound to {@code nodeName}, through the node-name index. */
    public List<HasMetadata> podsOnNode(String nodeName) {
        CacheImpl<HasMetadata> pods = byKind.get("Pod");
        return pods == null ? List.of() : pods.byIndex(ClusterView.NODE_NAME_INDEX, nodeName);
    }

    private static CacheImpl<HasMetadata> newCache(String kind) {
        CacheImpl<HasMetadata> cache =
                new CacheImpl<>(
                        Cache.NAMESPACE_INDEX,
                        Cache::metaNamespaceIndexFunc,
                        Cache::metaNamespaceKeyFunc);
        cache.setItemStore(new BasicItemStore<>(Cache::metaNamespaceKeyFunc));
        if (kind.equals("Pod")) {
            cache.addIndexers(
                    Map.of(
                            ClusterView.NODE_NAME_INDEX,
                            o -> {
                                String node = ((Pod) o).getSpec().getNodeName();
                                return node == null || node.isEmpty() ? List.of() : List.of(node);
                            }));
        }
        return cache;
    }
}
