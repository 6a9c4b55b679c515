package org.k8sca.kamatera.provider;

/** What a {@link Phase#DELETING} instance is waiting for. */
enum DeleteStep {
    /** A power-off (then: warm pool or terminate). */
    POWERING_OFF,
    /** A terminate (then: gone). */
    TERMINATING,
    /** Its create or power-on to finish, so that it can be terminated or powered off again. */
    CANCELLING
}
