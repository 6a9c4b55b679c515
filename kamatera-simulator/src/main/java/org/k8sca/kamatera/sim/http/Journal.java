package org.k8sca.kamatera.sim.http;

import org.k8sca.kamatera.sim.knobs.Endpoint;

import java.util.ArrayList;
import java.util.List;

/** The thread-safe list of every request received, in arrival order. */
public final class Journal {
    private final List<RecordedRequest> entries = new ArrayList<>();

    synchronized RecordedRequest add(java.util.function.LongFunction<RecordedRequest> factory) {
        RecordedRequest r = factory.apply(entries.size() + 1L);
        entries.add(r);
        return r;
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(entries);
    }

    public synchronized List<RecordedRequest> of(Endpoint endpoint) {
        return entries.stream().filter(r -> r.endpoint() == endpoint).toList();
    }

    public synchronized int count(Endpoint endpoint) {
        return (int) entries.stream().filter(r -> r.endpoint() == endpoint).count();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
