package org.k8sca.core.expander;

import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;

/**
 * {@code least-waste}, the default: the option that leaves the smallest share of the new nodes' CPU
 * and memory unrequested. Waste = unused CPU / CPU capacity + unused memory / memory capacity of
 * the new nodes; capacity, not allocatable, as upstream does.
 */
public final class LeastWasteExpander extends ScoredExpander {

    public static final String NAME = "least-waste";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    String scoreName() {
        return "waste";
    }

    @Override
    double score(ExpansionOption option, ExpansionContext context) {
        return waste(option);
    }

    static double waste(ExpansionOption option) {
        Resources capacity = option.templateNode().capacity();
        long cpuRequested = 0;
        long memRequested = 0;
        for (Pod p : option.pods()) {
            cpuRequested += p.requests().milliCpu();
            memRequested += p.requests().memoryBytes();
        }
        return share(capacity.milliCpu() * (double) option.nodeCount(), cpuRequested)
                + share(capacity.memoryBytes() * (double) option.nodeCount(), memRequested);
    }

    private static double share(double available, long requested) {
        return available <= 0 ? 0 : (available - requested) / available;
    }
}
