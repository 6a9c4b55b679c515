package org.k8sca.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a pod is in its life, as scale-down needs it: whether it has finished, whether it is being
 * deleted and since when, and how long it may take to stop.
 *
 * @param phase {@code status.phase}
 * @param restartPolicy {@code spec.restartPolicy}
 * @param deletionTime {@code metadata.deletionTimestamp}, or null when the pod is not being deleted
 * @param terminationGracePeriod {@code spec.terminationGracePeriodSeconds} (Kubernetes default 30
 *     s)
 */
public record PodLifecycle(
        Phase phase,
        RestartPolicy restartPolicy,
        Instant deletionTime,
        Duration terminationGracePeriod) {

    /** {@code status.phase}. */
    public enum Phase {
        PENDING,
        RUNNING,
        SUCCEEDED,
        FAILED,
        UNKNOWN
    }

    /** {@code spec.restartPolicy}. */
    public enum RestartPolicy {
        ALWAYS,
        ON_FAILURE,
        NEVER
    }

    /** Kubernetes' default {@code terminationGracePeriodSeconds}. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    /** A running pod of a Deployment-like workload: the default when nothing else is known. */
    public static final PodLifecycle RUNNING =
            new PodLifecycle(Phase.RUNNING, RestartPolicy.ALWAYS, null, DEFAULT_GRACE);

    public PodLifecycle {
        Objects.requireNonNull(phase, "pod phase");
        Objects.requireNonNull(restartPolicy, "pod restart policy");
        terminationGracePeriod =
                terminationGracePeriod == null ? DEFAULT_GRACE : terminationGracePeriod;
        if (terminationGracePeriod.isNegative()) {
            throw new IllegalArgumentException(
                    "terminationGracePeriodSeconds must not be negative, got "
                            + terminationGracePeriod);
        }
    }

    /**
     * Whether the pod has finished for good: it failed, or it succeeded and will not be restarted
     * (restart policy Never or OnFailure).
     */
    public boolean terminal() {
        return phase == Phase.FAILED
                || (phase == Phase.SUCCEEDED && restartPolicy != RestartPolicy.ALWAYS);
    }

    /**
     * Whether the pod has been terminating for longer than its grace period plus {@code extra};
     * such a pod is stuck and the autoscaler no longer counts it.
     */
    public boolean terminatingLongerThanGracePlus(Duration extra, Instant now) {
        return deletionTime != null
                && now.isAfter(deletionTime.plus(terminationGracePeriod).plus(extra));
    }
}
