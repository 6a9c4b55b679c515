package org.k8sca.kamatera.sim.http;

import tools.jackson.databind.JsonNode;

/** An HTTP answer: status, content type and body text. */
record Reply(int status, String contentType, String body) {
    static final String JSON = "application/json";

    static Reply json(int status, JsonNode body) {
        return new Reply(status, JSON, body.toString());
    }

    static Reply text(int status, String body) {
        return new Reply(status, "text/plain; charset=utf-8", body);
    }

    /** An injected answer: JSON when the body looks like JSON, text otherwise. */
    static Reply raw(int status, String body) {
        String t = body.stripLeading();
        return t.startsWith("{") || t.startsWith("[")
                ? new Reply(status, JSON, body)
                : text(status, body);
    }
}
