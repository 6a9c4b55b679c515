package org.k8sca.core.scaledown.actuation;

import java.util.List;
import java.util.Optional;

/**
 * The synchronous part of starting deletions (tainting).
 *
 * @param started nodes whose deletion is now in flight
 * @param failure why tainting failed (all taints of the batch were rolled back); a failure starts
 *     {@code --scale-down-delay-after-failure}
 */
public record StartResult(List<String> started, Optional<String> failure) {

    public StartResult {
        started = List.copyOf(started);
    }
}
