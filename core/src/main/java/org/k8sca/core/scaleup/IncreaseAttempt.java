package org.k8sca.core.scaleup;

import java.util.Objects;

/**
 * What happened to one planned resize.
 *
 * @param increase the plan
 * @param outcome whether {@code increaseSize} was called and succeeded
 * @param error the provider's message when it failed; empty otherwise (never holds secrets:
 *     provider messages must not)
 */
public record IncreaseAttempt(GroupIncrease increase, Outcome outcome, String error) {

    /** The result of one call. */
    public enum Outcome {
        SUCCEEDED,
        FAILED,
        /** Not attempted because an earlier resize of the same plan failed. */
        NOT_ATTEMPTED
    }

    public IncreaseAttempt {
        Objects.requireNonNull(increase, "increase");
        Objects.requireNonNull(outcome, "outcome");
        error = error == null ? "" : error;
    }

    /** Upstream's event text, e.g. {@code setting group web size to 5 instead of 3 (max: 10)}. */
    public String message() {
        GroupIncrease i = increase;
        return switch (outcome) {
            case SUCCEEDED ->
                    "group "
                            + i.nodeGroupId()
                            + " size set to "
                            + i.newTarget()
                            + " instead of "
                            + i.currentTarget()
                            + " (max: "
                            + i.maxSize()
                            + ")";
            case FAILED ->
                    "failed to set group "
                            + i.nodeGroupId()
                            + " size to "
                            + i.newTarget()
                            + " instead of "
                            + i.currentTarget()
                            + " (max: "
                            + i.maxSize()
                            + "): "
                            + error;
            case NOT_ATTEMPTED ->
                    "group "
                            + i.nodeGroupId()
                            + " not resized: an earlier resize of this scale-up failed";
        };
    }
}
