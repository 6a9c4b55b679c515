package org.k8sca.kube.actuation;

/**
 * Told what the scale-down's actuation did on the cluster, for the Prometheus metrics (the app
 * counts these in {@code cluster_autoscaler_evicted_pods_total}). Called from the actuator's
 * thread; implementations must be thread-safe and quick.
 */
public interface ActuationMetrics {

    /** Counts nothing. */
    ActuationMetrics NONE = succeeded -> {};

    /**
     * A pod's eviction ended: {@code succeeded} when the API accepted it, {@code false} when the
     * pod could not be evicted within {@code --max-pod-eviction-time} and the drain gave up on it.
     */
    void evictedPod(boolean succeeded);
}
