package org.k8sca.kube.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One event to write.
 *
 * @param object what it is about
 * @param type Normal or Warning
 * @param reason upstream's reason, e.g. {@code TriggeredScaleUp}
 * @param message the text, at most {@link #MAX_MESSAGE_LENGTH} characters (longer ones are cut)
 * @param at when it happened, on the injected clock
 */
public record RecordedEvent(
        EventObject object, EventType type, String reason, String message, Instant at) {

    /** Long enough for a pod's per-group reasons; keeps a runaway message from bloating etcd. */
    public static final int MAX_MESSAGE_LENGTH = 1024;

    public RecordedEvent {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(type, "type");
        if (reason == null || reason.isEmpty()) {
            throw new IllegalArgumentException(
                    "an event on " + object.describe() + " needs a reason");
        }
        message = message == null ? "" : message;
        if (message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
        }
        Objects.requireNonNull(at, "at");
    }
}
