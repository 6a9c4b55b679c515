package org.k8sca.core.estimator;

import java.time.Duration;
import java.util.Objects;

/**
 * What one estimate may use.
 *
 * @param maxNodes the most new nodes it may add; 0 or less means none (the caller has already taken
 *     the smallest of {@code --max-nodes-per-scaleup}, the groups' free capacity and the cluster's)
 * @param maxDuration time budget on the injected clock ({@code
 *     --max-nodegroup-binpacking-duration})
 */
public record EstimationLimits(int maxNodes, Duration maxDuration) {

    public EstimationLimits {
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (maxDuration.isNegative()) {
            throw new IllegalArgumentException(
                    "binpacking duration must not be negative, got " + maxDuration);
        }
    }
}
