package org.k8sca.kube.events;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Upstream's event spam filter: at most one event per key every 5 minutes (a token bucket of one
 * token refilled every 300 s), remembering at most 8192 keys (least recently used dropped). The key
 * is the object (kind, namespace, name, UID, API version) and the reason, so a pod's changing
 * "didn't trigger scale-up" reasons are still reported once per 5 minutes. Events on the status
 * ConfigMap are the exception: they are about the whole cluster, so they are keyed by message only
 * and every distinct message passes (upstream does this only for the default name and namespace,
 * which its filter hard-codes; we do the same). Not thread-safe.
 */
public final class EventDeduplicator {

    public static final Duration WINDOW = Duration.ofMinutes(5);
    public static final int MAX_KEYS = 8192;
    static final String STATUS_NAMESPACE = "kube-system";
    static final String STATUS_NAME = "cluster-autoscaler-status";

    private final Duration window;
    private final Map<String, Instant> lastAdmitted;

    public EventDeduplicator() {
        this(WINDOW, MAX_KEYS);
    }

    public EventDeduplicator(Duration window, int maxKeys) {
        this.window = window;
        this.lastAdmitted =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                        return size() > maxKeys;
                    }
                };
    }

    /** Whether {@code event} should be written; if so, it starts a new window for its key. */
    public boolean admit(RecordedEvent event) {
        String key = key(event);
        Instant last = lastAdmitted.get(key);
        if (last != null && event.at().isBefore(last.plus(window))) {
            return false;
        }
        lastAdmitted.put(key, event.at());
        return true;
    }

    static String key(RecordedEvent event) {
        EventObject o = event.object();
        if (o.kind().equals("ConfigMap")
                && o.namespace().equals(STATUS_NAMESPACE)
                && o.name().equals(STATUS_NAME)) {
            return "status\u0000" + event.message();
        }
        return String.join(
                "\u0000",
                o.kind(),
                o.namespace(),
                o.name(),
                o.uid(),
                o.apiVersion(),
                event.reason());
    }
}
