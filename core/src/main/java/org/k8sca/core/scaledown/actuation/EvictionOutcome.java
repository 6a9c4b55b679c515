package org.k8sca.core.scaledown.actuation;

/** The answer of the Eviction API for one pod. */
public enum EvictionOutcome {
    /** 201: the eviction was accepted. */
    EVICTED,
    /** 404: the pod is already gone. */
    NOT_FOUND,
    /** 429: a PodDisruptionBudget does not allow it now; retried. */
    PDB_REFUSED,
    /** Anything else (timeouts, 5xx, webhook rejections); retried. */
    ERROR
}
