package org.k8sca.kamatera.sim.knobs;

/**
 * A canned answer for "fail the next N requests": status and raw body. The body is sent as {@code
 * application/json} when it starts with '{' or '[', otherwise as {@code text/plain}.
 */
public record InjectedResponse(int status, String body) {
    public InjectedResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("invalid HTTP status " + status);
        }
        if (body == null) {
            throw new IllegalArgumentException("body must not be null (use \"\")");
        }
    }
}
