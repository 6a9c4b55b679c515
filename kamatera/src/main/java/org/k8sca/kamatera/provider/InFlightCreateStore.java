package org.k8sca.kamatera.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the provider keeps its {@link InFlightCreate in-flight creates} so that they survive a
 * restart (Kamatera hides a server from the list while it is being created, so a new autoscaler
 * cannot see it there). The Kubernetes module keeps them in a ConfigMap; this module has no
 * Kubernetes client.
 *
 * <p>Implementations may throw runtime exceptions. A failed {@link #load()} stops the provider's
 * refresh (no decision is made without knowing the creates in flight) until a later one succeeds; a
 * failed {@link #save} is logged and saved again at the next refresh, and the create goes ahead
 * (only a restart in that window could then duplicate it).
 */
public interface InFlightCreateStore {

    /**
     * Every saved create. Entries that cannot be read are skipped with a warning (never a crash).
     */
    List<InFlightCreate> load();

    /** Replaces everything saved with {@code creates} (possibly empty). */
    void save(List<InFlightCreate> creates);

    /** A store in memory: it survives nothing, for tests and for running without Kubernetes. */
    static InFlightCreateStore inMemory() {
        return new InFlightCreateStore() {
            private List<InFlightCreate> saved = List.of();

            @Override
            public synchronized List<InFlightCreate> load() {
                return new ArrayList<>(saved);
            }

            @Override
            public synchronized void save(List<InFlightCreate> creates) {
                saved = List.copyOf(creates);
            }
        };
    }
}
