package org.k8sca.core.clusterstate;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one SPI call made by {@link PlanExecutor}.
 *
 * @param groupId the group acted on
 * @param action what was done, e.g. {@code delete 2 unregistered instance(s)}
 * @param error the provider's error message when the call failed
 */
public record ActionOutcome(String groupId, String action, Optional<String> error) {

    public ActionOutcome {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(error, "error");
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
