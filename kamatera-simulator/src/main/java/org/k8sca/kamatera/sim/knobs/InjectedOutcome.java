package org.k8sca.kamatera.sim.knobs;

/**
 * A forced terminal outcome for the next command of a kind.
 *
 * @param status {@code error} or {@code cancelled}
 * @param message the text appended to the command's log
 */
public record InjectedOutcome(String status, String message) {
    public InjectedOutcome {
        if (!"error".equals(status) && !"cancelled".equals(status)) {
            throw new IllegalArgumentException(
                    "injected command outcome must be 'error' or 'cancelled', not '"
                            + status
                            + "'");
        }
        if (message == null) {
            throw new IllegalArgumentException("message must not be null");
        }
    }
}
