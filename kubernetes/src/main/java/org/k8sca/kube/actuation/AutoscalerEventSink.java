package org.k8sca.kube.actuation;

import org.k8sca.kube.events.AutoscalerEvents;

import java.util.Objects;

/**
 * The actuation's node and pod events through {@link AutoscalerEvents}: de-duplicated as upstream
 * does (one per object and reason every 5 minutes) and written by the recorder's background thread.
 * Returns at once.
 */
public final class AutoscalerEventSink implements EventSink {

    private final AutoscalerEvents events;

    public AutoscalerEventSink(AutoscalerEvents events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public void nodeEvent(String nodeName, boolean warning, String reason, String message) {
        events.nodeEvent(nodeName, warning, reason, message);
    }

    @Override
    public void podEvent(
            String namespace,
            String name,
            String uid,
            boolean warning,
            String reason,
            String message) {
        events.podEvent(namespace, name, uid, warning, reason, message);
    }
}
