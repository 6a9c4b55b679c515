package org.k8sca.core.expander;

import java.util.List;

/**
 * What one expander kept, and why, e.g. {@code least-waste kept [b] of [a, b]: waste 0.25}.
 *
 * @param kept the options that passed, in input order (may be empty)
 * @param why one line for people
 */
public record Filtered(List<ExpansionOption> kept, String why) {

    public Filtered {
        kept = List.copyOf(kept);
    }
}
