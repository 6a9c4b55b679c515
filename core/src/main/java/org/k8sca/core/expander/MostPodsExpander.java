package org.k8sca.core.expander;

/** {@code most-pods}: the options that let the most pending pods run. */
public final class MostPodsExpander extends ScoredExpander {

    public static final String NAME = "most-pods";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    String scoreName() {
        return "negated pod count";
    }

    @Override
    double score(ExpansionOption option, ExpansionContext context) {
        return -option.pods().size();
    }
}
