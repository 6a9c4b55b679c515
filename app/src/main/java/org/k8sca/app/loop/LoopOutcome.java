package org.k8sca.app.loop;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one loop ended.
 *
 * @param productive whether it scaled up or started a deletion; with {@code
 *     --frequent-loops-enabled} the next loop then starts at once
 * @param error why it stopped early as a failure (counted against {@code /health-check}), or empty
 * @param nextLoopBy when the next loop should start at the latest, if sooner than the scan
 *     interval: a loop that waited for more pods (the oldest pending pod younger than the batching
 *     window) asks for the loop that ends the wait, instead of leaving the pods a whole scan
 *     interval
 */
public record LoopOutcome(
        boolean productive, Optional<Throwable> error, Optional<Instant> nextLoopBy) {

    public static final LoopOutcome IDLE = new LoopOutcome(false, Optional.empty());

    public LoopOutcome {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(nextLoopBy, "nextLoopBy");
    }

    public LoopOutcome(boolean productive, Optional<Throwable> error) {
        this(productive, error, Optional.empty());
    }

    public static LoopOutcome failed(Throwable error) {
        return new LoopOutcome(false, Optional.of(error));
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
