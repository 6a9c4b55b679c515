package org.k8sca.kube.election;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to hold the Lease.
 *
 * @param namespace the Lease's namespace ({@code --leader-elect-resource-namespace}, else {@code
 *     --namespace})
 * @param name the Lease's name ({@code --leader-elect-resource-name}, {@code cluster-autoscaler})
 * @param identity this candidate's identity, unique per process (host name plus a random suffix)
 * @param leaseDuration {@code --leader-elect-lease-duration} (15 s): how long others wait after the
 *     last renewal before taking over
 * @param renewDeadline {@code --leader-elect-renew-deadline} (10 s): the leader gives up when it
 *     could not renew for this long
 * @param retryPeriod {@code --leader-elect-retry-period} (2 s): how often candidates try
 */
public record LeaseSettings(
        String namespace,
        String name,
        String identity,
        Duration leaseDuration,
        Duration renewDeadline,
        Duration retryPeriod) {

    public static final String DEFAULT_NAME = "cluster-autoscaler";

    public LeaseSettings {
        require("namespace", namespace);
        require("name", name);
        require("identity", identity);
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(renewDeadline, "renewDeadline");
        Objects.requireNonNull(retryPeriod, "retryPeriod");
        if (retryPeriod.isNegative() || retryPeriod.isZero()) {
            throw new IllegalArgumentException(
                    "--leader-elect-retry-period must be positive, got " + retryPeriod);
        }
        if (renewDeadline.compareTo(retryPeriod) <= 0) {
            throw new IllegalArgumentException(
                    "--leader-elect-renew-deadline ("
                            + renewDeadline
                            + ") must be longer than --leader-elect-retry-period ("
                            + retryPeriod
                            + ")");
        }
        if (leaseDuration.compareTo(renewDeadline) <= 0) {
            throw new IllegalArgumentException(
                    "--leader-elect-lease-duration ("
                            + leaseDuration
                            + ") must be longer than --leader-elect-renew-deadline ("
                            + renewDeadline
                            + ")");
        }
    }

    private static void require(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("leader election " + what + " is empty");
        }
    }

    /** An identity like upstream's: the host name, an underscore and a random suffix. */
    public static String identity(String hostName) {
        String host = hostName == null || hostName.isBlank() ? "kamatera-autoscaler" : hostName;
        return host + "_" + java.util.UUID.randomUUID();
    }
}
