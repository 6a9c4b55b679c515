package org.k8sca.app.loop;

import java.util.Optional;

/**
 * How one loop ended.
 *
 * @param productive whether it scaled up or started a deletion; with {@code
 *     --frequent-loops-enabled} the next loop then starts at once
 * @param error why it stopped early as a failure (counted against {@code /health-check}), or empty
 */
public record LoopOutcome(boolean productive, Optional<Throwable> error) {

    public static final LoopOutcome IDLE = new LoopOutcome(false, Optional.empty());

    public static LoopOutcome failed(Throwable error) {
        return new LoopOutcome(false, Optional.of(error));
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
