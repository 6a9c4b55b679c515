package org.k8sca.core.scaledown.drain;

import java.time.Duration;
import java.util.Objects;

/**
 * The command-line flags the drain rules read.
 *
 * @param skipNodesWithSystemPods {@code --skip-nodes-with-system-pods} (true)
 * @param skipNodesWithLocalStorage {@code --skip-nodes-with-local-storage} (true)
 * @param skipNodesWithCustomControllerPods {@code --skip-nodes-with-custom-controller-pods} (true)
 * @param minReplicaCount {@code --min-replica-count} (0)
 * @param blockingSystemPodDisruptionTimeout {@code --blocking-system-pod-distruption-timeout} (1 h)
 */
public record DrainRuleOptions(
        boolean skipNodesWithSystemPods,
        boolean skipNodesWithLocalStorage,
        boolean skipNodesWithCustomControllerPods,
        int minReplicaCount,
        Duration blockingSystemPodDisruptionTimeout) {

    public static final DrainRuleOptions UPSTREAM_DEFAULTS =
            new DrainRuleOptions(true, true, true, 0, Duration.ofHours(1));

    public DrainRuleOptions {
        if (minReplicaCount < 0) {
            throw new IllegalArgumentException(
                    "--min-replica-count must not be negative, got " + minReplicaCount);
        }
        Objects.requireNonNull(
                blockingSystemPodDisruptionTimeout, "blockingSystemPodDisruptionTimeout");
    }
}
