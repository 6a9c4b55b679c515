package org.k8sca.kamatera.api.http;

import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.KamateraApiException;

/**
 * Which failed attempts may be repeated. Upstream repeats every failure of every call except
 * create, including 4xx answers and non-idempotent power and terminate requests
 * (kamatera-provider.md §6.3 #9). We repeat only where a repeat is safe:
 *
 * <ul>
 *   <li>{@link #TRANSIENT_FAILURES}: reads (list, info, queue, options) and tags. Tags are included
 *       because the API's add and remove have set semantics: adding a tag that is there or removing
 *       one that is gone leaves the same tags, and the answer is the tag list after the change.
 *       Repeated on transport errors, timeouts, 429, 5xx and a 200 whose body is not JSON; never on
 *       other 4xx (the same request would get the same answer) nor on "No servers found" / "Too
 *       many matching servers" (definite answers that Kamatera sends as 500).
 *   <li>{@link #ONLY_IF_NOT_PROCESSED}: power on, power off and terminate. Kamatera starts a new
 *       queue command for every such request it receives, and a second power-off of a server that
 *       is already going down may end in an error that would hide the first command's success. So
 *       they are repeated only when the failure proves the request was not acted on: the connection
 *       could not be opened, or the API answered 429.
 *   <li>{@link #NEVER}: create. A repeat could make a second server; after an ambiguous failure the
 *       caller looks the server up by name instead.
 * </ul>
 */
enum RetryPolicy {
    TRANSIENT_FAILURES,
    ONLY_IF_NOT_PROCESSED,
    NEVER;

    static RetryPolicy of(Endpoint endpoint) {
        return switch (endpoint) {
            case LIST_SERVERS, SERVER_INFO, SERVER_TAGS, COMMAND_STATUS, SERVER_OPTIONS ->
                    TRANSIENT_FAILURES;
            case POWER_ON, POWER_OFF, TERMINATE_SERVER -> ONLY_IF_NOT_PROCESSED;
            case CREATE_SERVER -> NEVER;
        };
    }

    /** Whether the attempt that failed this way may be repeated. */
    boolean allowsRetry(KamateraApiException failure) {
        return switch (this) {
            case TRANSIENT_FAILURES -> isTransient(failure);
            case ONLY_IF_NOT_PROCESSED -> isTransient(failure) && !failure.mayHaveBeenProcessed();
            case NEVER -> false;
        };
    }

    private static boolean isTransient(KamateraApiException failure) {
        return switch (failure.kind()) {
            case TRANSPORT, TIMEOUT, RATE_LIMITED, INVALID_RESPONSE -> true;
            case HTTP_STATUS ->
                    failure.httpStatus() >= 500
                            && !isDefiniteAnswer(failure.apiMessage().orElse(null));
            case INVALID_REQUEST, CANCELLED -> false;
        };
    }

    /** True for the API messages that answer the request for good, although sent as HTTP 500. */
    static boolean isDefiniteAnswer(String apiMessage) {
        return apiMessage != null
                && (apiMessage.startsWith("No servers found")
                        || apiMessage.startsWith("Too many matching servers"));
    }
}
