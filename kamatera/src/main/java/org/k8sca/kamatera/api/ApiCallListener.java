package org.k8sca.kamatera.api;

import java.time.Duration;

/**
 * Metrics hook of the Kamatera client. {@link #onAttempt} is called once per HTTP request sent,
 * {@link #onCall} once per logical API call (after all retries and after the response was read).
 * Implementations must be fast and thread-safe; an exception they throw is logged and ignored.
 */
public interface ApiCallListener {

    /** No-op listener. */
    ApiCallListener NONE = new ApiCallListener() {};

    /**
     * One HTTP attempt.
     *
     * @param attempt 1 for the first attempt of a call
     * @param httpStatus the response status, or 0 when there was no response
     */
    record AttemptEvent(
            Endpoint endpoint, int attempt, Outcome outcome, int httpStatus, Duration latency) {}

    /**
     * One logical call.
     *
     * @param attempts HTTP attempts made (0 when refused before sending)
     * @param latency from the start of the call to its end, including backoff sleeps
     */
    record CallEvent(
            Endpoint endpoint, Outcome outcome, int httpStatus, int attempts, Duration latency) {}

    default void onAttempt(AttemptEvent event) {}

    default void onCall(CallEvent event) {}
}
