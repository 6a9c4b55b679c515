package org.k8sca.kube.view;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;

import java.util.stream.Stream;

/**
 * The informer's item store, keyed by {@code namespace/name}, that trims an object before keeping
 * it ({@link CacheTrimmer}): managed fields and everything else no translator reads, which is most
 * of a pod or node and would otherwise dominate the autoscaler's heap.
 */
final class TrimmingItemStore<T extends HasMetadata> implements ItemStore<T> {

    private final BasicItemStore<T> delegate = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);

    @Override
    public String getKey(T object) {
        return delegate.getKey(object);
    }

    @Override
    public T put(String key, T object) {
        CacheTrimmer.trim(object);
        return delegate.put(key, object);
    }

    @Override
    public T remove(String key) {
        return delegate.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return delegate.keySet();
    }

    @Override
    public Stream<T> values() {
        return delegate.values();
    }

    @Override
    public int size() {
        return delegate.size();
    }

    @Override
    public T get(String key) {
        return delegate.get(key);
    }
}
