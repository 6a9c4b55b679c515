package org.k8sca.kamatera.api;

/** Where a Kamatera queue command is, as far as the autoscaler cares. */
public enum CommandState {
    /**
     * Not finished: {@code pending}, {@code progress}, any unknown status, no status, or a young
     * 404.
     */
    PENDING,
    /** Finished successfully ({@code complete}). */
    COMPLETE,
    /** Finished with a failure ({@code error}); see the command log. */
    ERROR,
    /**
     * Finished without running to the end ({@code cancelled}). Upstream keeps it pending forever.
     */
    CANCELLED,
    /**
     * The queue answered 404 for this id and the id was not issued by this client within the
     * not-found grace period; the caller decides whether to keep waiting.
     */
    NOT_FOUND;

    public boolean isTerminal() {
        return this == COMPLETE || this == ERROR || this == CANCELLED;
    }

    public boolean isFailure() {
        return this == ERROR || this == CANCELLED;
    }
}
