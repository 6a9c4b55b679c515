package org.k8sca.kamatera.sim.knobs;

/** What terminate with {@code force=false} does to a powered-on server (B8; unconfirmed). */
public enum TerminateWithoutForce {
    /** The command ends in {@code error} with log "server is powered on" (default). */
    COMMAND_ERROR,
    /**
     * The request fails at once with HTTP 500 {@code {"message":"server is powered on (<code>)"}}.
     */
    SYNC_500,
    /** The server is terminated anyway. */
    ALLOW
}
