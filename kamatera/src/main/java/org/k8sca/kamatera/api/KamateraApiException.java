package org.k8sca.kamatera.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The only exception the Kamatera client throws. It says what went wrong ({@link #kind()}), on
 * which {@link #endpoint()}, the HTTP status when there was one, the API's own {@code message} when
 * the error body had one, and whether the request {@link #mayHaveBeenProcessed() may have been
 * processed} by Kamatera. The last matters after a failed create: when it is true the server may
 * exist, so the caller looks it up by name before trying again.
 *
 * <p>Messages never contain credentials, passwords or scripts: bodies are redacted before they are
 * embedded.
 */
public final class KamateraApiException extends RuntimeException {

    /** What kind of failure this is; {@link Outcome#of(Kind, int)} maps it to a metrics label. */
    public enum Kind {
        /** Connecting, sending or reading failed at the I/O level. */
        TRANSPORT,
        /** One HTTP attempt timed out, or the call's deadline ran out. */
        TIMEOUT,
        /** The API answered with a status other than 200. */
        HTTP_STATUS,
        /** The API answered 200 but the body is not JSON or not the expected shape. */
        INVALID_RESPONSE,
        /** The request was refused before sending because its arguments are invalid. */
        INVALID_REQUEST,
        /** HTTP 429, or the client-side rate limit allowed no request before the deadline. */
        RATE_LIMITED,
        /** The calling thread was interrupted. */
        CANCELLED
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final Endpoint endpoint;
    private final int httpStatus;
    private final String apiMessage;
    private final boolean mayHaveBeenProcessed;
    private final int attempts;

    public KamateraApiException(
            Kind kind,
            Endpoint endpoint,
            String message,
            int httpStatus,
            String apiMessage,
            boolean mayHaveBeenProcessed,
            int attempts,
            Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.httpStatus = httpStatus;
        this.apiMessage = apiMessage;
        this.mayHaveBeenProcessed = mayHaveBeenProcessed;
        this.attempts = attempts;
    }

    /** A failure with no HTTP response, such as an invalid argument or an invalid body shape. */
    public static KamateraApiException of(
            Kind kind, Endpoint endpoint, String message, boolean mayHaveBeenProcessed) {
        return new KamateraApiException(
                kind, endpoint, message, 0, null, mayHaveBeenProcessed, 0, null);
    }

    public Kind kind() {
        return kind;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The HTTP status of the last response, or 0 when no response was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code message} of the API's JSON error body (redacted), when it had one. */
    public Optional<String> apiMessage() {
        return Optional.ofNullable(apiMessage);
    }

    /**
     * True when Kamatera may have acted on the request (it was sent and no answer proved
     * otherwise); false when it certainly did not (connection refused, 4xx, 429, refused before
     * sending).
     */
    public boolean mayHaveBeenProcessed() {
        return mayHaveBeenProcessed;
    }

    /** How many HTTP attempts were made; 0 when the call failed before sending anything. */
    public int attempts() {
        return attempts;
    }

    /** True when the API said no server matches the name ("No servers found (name='...')"). */
    public boolean isNoServersFound() {
        return apiMessage != null && apiMessage.startsWith("No servers found");
    }

    /** A copy that records the number of attempts made. */
    public KamateraApiException withAttempts(int attemptCount) {
        KamateraApiException copy =
                new KamateraApiException(
                        kind,
                        endpoint,
                        getMessage(),
                        httpStatus,
                        apiMessage,
                        mayHaveBeenProcessed,
                        attemptCount,
                        getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
