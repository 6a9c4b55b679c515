package org.k8sca.core.expander;

/** {@code least-nodes}: the options that add the fewest nodes. */
public final class LeastNodesExpander extends ScoredExpander {

    public static final String NAME = "least-nodes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    String scoreName() {
        return "node count";
    }

    @Override
    double score(ExpansionOption option, ExpansionContext context) {
        return option.nodeCount();
    }
}
