package org.k8sca.kamatera.sim.knobs;

/** Malformed HTTP 200 answers of the queue endpoint (API spec §6.3 {@code queue.badShape}). */
public enum QueueBadShape {
    /** {@code []} */
    EMPTY_ARRAY("[]"),
    /** {@code {}} */
    EMPTY_OBJECT("{}"),
    /** {@code [{"status":123}]} */
    NUMERIC_STATUS("[{\"status\":123}]"),
    /** {@code [1,2]} */
    TWO_ITEMS("[1,2]");

    private final String body;

    QueueBadShape(String body) {
        this.body = body;
    }

    public String body() {
        return body;
    }
}
