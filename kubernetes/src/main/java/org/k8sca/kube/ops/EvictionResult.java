package org.k8sca.kube.ops;

import java.util.Objects;

/**
 * What an eviction attempt did.
 *
 * @param outcome the result
 * @param message the API's message for refusals and failures (empty on success)
 */
public record EvictionResult(Outcome outcome, String message) {

    public enum Outcome {
        /** The API accepted the eviction; the pod is being deleted. */
        EVICTED,
        /** HTTP 429: a PodDisruptionBudget allows no disruption now. Worth retrying later. */
        BLOCKED_BY_PDB,
        /** HTTP 404: the pod is already gone, which is what the caller wanted. */
        POD_GONE,
        /** Any other error. */
        FAILED
    }

    public EvictionResult {
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }

    /** Whether the pod is gone or going. */
    public boolean succeeded() {
        return outcome == Outcome.EVICTED || outcome == Outcome.POD_GONE;
    }
}
