package org.k8sca.kamatera.api.http;

import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.KamateraApiException.Kind;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the {@link KamateraApiException} of each way an HTTP attempt or a call can fail, with
 * upstream's wording where it has one (kamatera-provider.md §2.2) and the "may have been processed"
 * verdict: true whenever Kamatera may have acted on the request, false only when something proves
 * it did not (no connection, a 4xx refusal, a definite "no such server").
 */
final class Failures {

    private Failures() {}

    /** A response other than 200-with-JSON. Error bodies are redacted before they are quoted. */
    static KamateraApiException fromResponse(
            Endpoint endpoint, int status, Optional<JsonNode> json, Redactor redactor) {
        if (status == 200) {
            return new KamateraApiException(
                    Kind.INVALID_RESPONSE,
                    endpoint,
                    "invalid response from Kamatera API: <nil>",
                    status,
                    null,
                    true,
                    0,
                    null);
        }
        String apiMessage = json.map(Failures::messageOf).map(redactor::text).orElse(null);
        String message =
                json.isPresent()
                        ? "error response from Kamatera API ("
                                + status
                                + "): "
                                + GoFormat.dump(redactor.tree(json.get()))
                        : "bad status code from Kamatera API: " + status;
        Kind kind = status == 429 ? Kind.RATE_LIMITED : Kind.HTTP_STATUS;
        boolean refused =
                (status >= 400 && status < 500) || RetryPolicy.isDefiniteAnswer(apiMessage);
        return new KamateraApiException(
                kind, endpoint, message, status, apiMessage, !refused, 0, null);
    }

    /**
     * The I/O failure of an attempt; a POST may have been processed unless the connection never
     * opened.
     */
    static KamateraApiException fromTransport(
            Endpoint endpoint, Throwable cause, Duration timeout, boolean post, Redactor redactor) {
        if (hasCause(cause, HttpConnectTimeoutException.class)) {
            return new KamateraApiException(
                    Kind.TIMEOUT,
                    endpoint,
                    "connecting to Kamatera API timed out (" + endpoint.metricName() + ")",
                    0,
                    null,
                    false,
                    0,
                    null);
        }
        if (hasCause(cause, HttpTimeoutException.class)) {
            return timedOut(endpoint, timeout, post);
        }
        boolean notConnected = hasCause(cause, ConnectException.class);
        String detail =
                cause == null
                        ? "unknown error"
                        : cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new KamateraApiException(
                Kind.TRANSPORT,
                endpoint,
                redactor.text(
                        "Kamatera API request failed (" + endpoint.metricName() + "): " + detail),
                0,
                null,
                post && !notConnected,
                0,
                cause instanceof IOException ? cause : null);
    }

    static KamateraApiException timedOut(Endpoint endpoint, Duration timeout, boolean post) {
        return new KamateraApiException(
                Kind.TIMEOUT,
                endpoint,
                "Kamatera API request timed out after "
                        + timeout.toMillis()
                        + " ms ("
                        + endpoint.metricName()
                        + ")",
                0,
                null,
                post,
                0,
                null);
    }

    static KamateraApiException cancelled(Endpoint endpoint, boolean mayHaveBeenProcessed) {
        return new KamateraApiException(
                Kind.CANCELLED,
                endpoint,
                "Kamatera API call " + endpoint.metricName() + " cancelled (thread interrupted)",
                0,
                null,
                mayHaveBeenProcessed,
                0,
                null);
    }

    /**
     * The deadline ran out before another attempt could start; {@code last} is the previous failure
     * or null.
     */
    static KamateraApiException deadlineExceeded(
            Endpoint endpoint, Duration budget, int attempts, KamateraApiException last) {
        String lastError = last == null ? "" : "; last error: " + last.getMessage();
        return new KamateraApiException(
                Kind.TIMEOUT,
                endpoint,
                "Kamatera API call "
                        + endpoint.metricName()
                        + " exceeded its deadline of "
                        + budget.toMillis()
                        + " ms after "
                        + attempts
                        + " attempts"
                        + lastError,
                last == null ? 0 : last.httpStatus(),
                last == null ? null : last.apiMessage().orElse(null),
                last != null && last.mayHaveBeenProcessed(),
                0,
                null);
    }

    /** The client-side rate limit would only allow a request after the deadline. */
    static KamateraApiException rateLimitedBeforeSending(
            Endpoint endpoint, KamateraApiException last) {
        return new KamateraApiException(
                Kind.RATE_LIMITED,
                endpoint,
                "client-side rate limit allows no Kamatera API request for "
                        + endpoint.metricName()
                        + " before the call's deadline",
                0,
                null,
                last != null && last.mayHaveBeenProcessed(),
                0,
                null);
    }

    private static String messageOf(JsonNode json) {
        JsonNode message = json.isObject() ? json.get("message") : null;
        return message != null && message.isString() ? message.stringValue() : null;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
