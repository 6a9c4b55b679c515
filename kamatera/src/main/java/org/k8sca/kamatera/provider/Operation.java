package org.k8sca.kamatera.provider;

/** The asynchronous Kamatera command an instance is waiting for. */
enum Operation {
    CREATE,
    POWER_ON,
    POWER_OFF,
    TERMINATE
}
