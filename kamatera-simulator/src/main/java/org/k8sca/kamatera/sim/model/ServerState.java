package org.k8sca.kamatera.sim.model;

/** Where a simulated server is in its life. */
public enum ServerState {
    /** Its create command has not completed yet. */
    CREATING,
    /** Created; it may still be hidden from list/info during the visibility lag. */
    ACTIVE,
    /** Its terminate command completed; it disappears from list/info after the visibility lag. */
    TERMINATED
}
