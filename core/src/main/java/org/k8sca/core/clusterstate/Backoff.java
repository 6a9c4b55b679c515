package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.InstanceError.ErrorClass;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A node group's current backoff after a failed scale-up.
 *
 * @param errorClass the failure's class
 * @param errorCode a short code, e.g. {@code timeout} or the provider's error code
 * @param errorMessage what happened, at most {@link #MAX_MESSAGE_LENGTH} characters
 * @param since when the failure was recorded
 * @param until when the group may be scaled up again
 * @param duration {@code until - since}
 */
public record Backoff(
        ErrorClass errorClass,
        String errorCode,
        String errorMessage,
        Instant since,
        Instant until,
        Duration duration) {

    /** The status ConfigMap's limit on backoff messages. */
    public static final int MAX_MESSAGE_LENGTH = 500;

    public Backoff {
        Objects.requireNonNull(errorClass, "errorClass");
        errorCode = errorCode == null ? "" : errorCode;
        errorMessage = truncate(errorMessage == null ? "" : errorMessage);
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(duration, "duration");
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE_LENGTH
                ? s
                : s.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
    }

    /**
     * A one-line reason such as "backed off until ... after a failed scale-up (OTHER/timeout):
     * ...".
     */
    public String reason() {
        return "backed off until "
                + until
                + " after a failed scale-up ("
                + errorClass
                + "/"
                + errorCode
                + ")"
                + (errorMessage.isEmpty() ? "" : ": " + errorMessage);
    }
}
