package org.k8sca.core.expander;

import java.util.List;

/** One step of an expander chain: keeps the best of the options by its own measure. */
public interface Expander {

    /** The name used in {@code --expander}, e.g. {@code least-waste}. */
    String name();

    /**
     * The best options. Never throws for a problem of configuration or data: it keeps every option
     * and says why instead, so that a bad priority ConfigMap never stops scale-ups.
     */
    Filtered filter(List<ExpansionOption> options, ExpansionContext context);

    /**
     * Whether this expander always returns one option, so that nothing may follow it in a chain.
     */
    default boolean picksOne() {
        return false;
    }

    /** Group ids of {@code options}, for explanations. */
    static List<String> ids(List<ExpansionOption> options) {
        return options.stream().map(ExpansionOption::nodeGroupId).toList();
    }
}
