package org.k8sca.core.expander;

import java.util.List;

/**
 * The result of an expander chain.
 *
 * @param best the chosen option, or {@code null} when the expanders filtered out every option
 * @param steps one line per expander (and the final tie-break), in order
 */
public record ExpanderChoice(ExpansionOption best, List<String> steps) {

    public ExpanderChoice {
        steps = List.copyOf(steps);
    }

    public boolean chosen() {
        return best != null;
    }

    /** All steps in one line. */
    public String why() {
        return String.join("; ", steps);
    }
}
