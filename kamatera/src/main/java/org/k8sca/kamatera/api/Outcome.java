package org.k8sca.kamatera.api;

/** The result class of one HTTP attempt or one logical call, as a low-cardinality metrics label. */
public enum Outcome {
    OK("ok"),
    HTTP_4XX("http_4xx"),
    HTTP_5XX("http_5xx"),
    HTTP_OTHER("http_other"),
    TRANSPORT("transport"),
    TIMEOUT("timeout"),
    INVALID_RESPONSE("invalid_response"),
    INVALID_REQUEST("invalid_request"),
    RATE_LIMITED("rate_limited"),
    CANCELLED("cancelled");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The outcome of a failure. */
    public static Outcome of(KamateraApiException failure) {
        return of(failure.kind(), failure.httpStatus());
    }

    public static Outcome of(KamateraApiException.Kind kind, int httpStatus) {
        return switch (kind) {
            case TRANSPORT -> TRANSPORT;
            case TIMEOUT -> TIMEOUT;
            case INVALID_RESPONSE -> INVALID_RESPONSE;
            case INVALID_REQUEST -> INVALID_REQUEST;
            case RATE_LIMITED -> RATE_LIMITED;
            case CANCELLED -> CANCELLED;
            case HTTP_STATUS ->
                    httpStatus >= 500 && httpStatus < 600
                            ? HTTP_5XX
                            : httpStatus >= 400 && httpStatus < 500 ? HTTP_4XX : HTTP_OTHER;
        };
    }
}
