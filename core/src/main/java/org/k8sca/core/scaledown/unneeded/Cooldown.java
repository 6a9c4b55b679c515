package org.k8sca.core.scaledown.unneeded;

import org.k8sca.core.duration.GoDuration;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether deletions must wait this loop. The unneeded list is still refreshed in cooldown; only
 * deletions pause.
 *
 * @param lastScaleUp the last successful scale-up, or null
 * @param lastScaleDownFailure the last synchronous scale-down failure (tainting), or null
 * @param lastDeletionStart the last time a deletion started, or null
 * @param scaleDownDisabledThisLoop set when this loop scaled up or waits for very young pending
 *     pods
 */
public record Cooldown(
        Instant lastScaleUp,
        Instant lastScaleDownFailure,
        Instant lastDeletionStart,
        boolean scaleDownDisabledThisLoop) {

    public static final Cooldown NONE = new Cooldown(null, null, null, false);

    /**
     * Why deletions must wait, as a sentence naming the flag, or empty when they may go ahead.
     *
     * @param afterAdd {@code --scale-down-delay-after-add} (10 min)
     * @param afterFailure {@code --scale-down-delay-after-failure} (3 min)
     * @param afterDelete {@code --scale-down-delay-after-delete} (0)
     */
    public Optional<String> reason(
            Instant now, Duration afterAdd, Duration afterFailure, Duration afterDelete) {
        if (scaleDownDisabledThisLoop) {
            return Optional.of(
                    "scale-down is disabled for this loop (scale-up or very young pending pods)");
        }
        if (within(lastScaleUp, afterAdd, now)) {
            return Optional.of(
                    "scale-up at "
                            + lastScaleUp
                            + ", less than --scale-down-delay-after-add="
                            + GoDuration.format(afterAdd)
                            + " ago");
        }
        if (within(lastScaleDownFailure, afterFailure, now)) {
            return Optional.of(
                    "scale-down failure at "
                            + lastScaleDownFailure
                            + ", less than --scale-down-delay-after-failure="
                            + GoDuration.format(afterFailure)
                            + " ago");
        }
        if (within(lastDeletionStart, afterDelete, now)) {
            return Optional.of(
                    "deletion started at "
                            + lastDeletionStart
                            + ", less than --scale-down-delay-after-delete="
                            + GoDuration.format(afterDelete)
                            + " ago");
        }
        return Optional.empty();
    }

    private static boolean within(Instant event, Duration delay, Instant now) {
        return event != null && now.isBefore(event.plus(delay));
    }
}
