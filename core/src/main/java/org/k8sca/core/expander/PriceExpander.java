package org.k8sca.core.expander;

import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.PricingModel;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code price}: the option with the lowest cost relative to what its pods are worth, adjusted by
 * how far the node size is from a "preferred" size that grows with the cluster. Score = unfitness ×
 * (nodes' price + X) / (pods' price + X), prices for the next hour, X the price of a small
 * stabilisation pod (0.5 CPU, 500 MiB) so tiny options do not dominate. Options whose price the
 * provider cannot tell are dropped; if that is all of them, all are kept.
 */
public final class PriceExpander implements Expander {

    public static final String NAME = "price";
    private static final Duration PRICED_PERIOD = Duration.ofHours(1);
    private static final double GPU_UNFITNESS = 1000;
    private static final Pod STABILIZATION_POD =
            Pod.builder("kube-system", "stabilization-pod")
                    .requests(Resources.of(500, 500L << 20, 0, 0, 0))
                    .build();

    private final PricingModel pricing;

    public PriceExpander(PricingModel pricing) {
        this.pricing = pricing;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The preferred node size in cores for a cluster of {@code nodes} nodes. */
    static long preferredCores(int nodes) {
        if (nodes <= 2) {
            return 1;
        }
        if (nodes <= 6) {
            return 2;
        }
        if (nodes <= 20) {
            return 4;
        }
        if (nodes <= 60) {
            return 8;
        }
        if (nodes <= 200) {
            return 16;
        }
        return 32;
    }

    /** How badly a node of {@code nodeMilliCpu} fits the preferred size, damped for many nodes. */
    static double unfitness(long nodeMilliCpu, long preferredCores, int nodeCount) {
        double nodeCores = Math.max(nodeMilliCpu, 1) / 1000.0;
        double u = Math.max(preferredCores / nodeCores, nodeCores / preferredCores);
        return (u - 1) * (1 - Math.tanh((nodeCount - 1) / 15.0)) + 1;
    }

    @Override
    public Filtered filter(List<ExpansionOption> options, ExpansionContext context) {
        Instant start = context.now();
        Instant end = start.plus(PRICED_PERIOD);
        double stabilization;
        try {
            stabilization = pricing.podPrice(STABILIZATION_POD, start, end);
        } catch (CloudProviderException e) {
            return new Filtered(
                    options,
                    NAME + ": cannot price pods (" + e.getMessage() + "), all options kept");
        }
        long preferred = preferredCores(context.clusterNodeCount());
        double best = Double.POSITIVE_INFINITY;
        List<ExpansionOption> priced = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ExpansionOption o : options) {
            try {
                double nodes = pricing.nodePrice(o.templateNode(), start, end) * o.nodeCount();
                double pods = 0;
                for (Pod p : o.pods()) {
                    pods += pricing.podPrice(p, start, end);
                }
                double unfit =
                        o.templateNode().capacity().gpus() > 0
                                ? GPU_UNFITNESS
                                : unfitness(
                                        o.templateNode().capacity().milliCpu(),
                                        preferred,
                                        o.nodeCount());
                double score = unfit * (nodes + stabilization) / (pods + stabilization);
                priced.add(o);
                scores.add(score);
                best = Math.min(best, score);
            } catch (CloudProviderException e) {
                problems.add(o.nodeGroupId() + ": " + e.getMessage());
            }
        }
        if (priced.isEmpty()) {
            return new Filtered(
                    options,
                    NAME + ": no option could be priced " + problems + ", all options kept");
        }
        List<ExpansionOption> kept = new ArrayList<>();
        for (int i = 0; i < priced.size(); i++) {
            if (scores.get(i) <= best + ScoredExpander.TIE) {
                kept.add(priced.get(i));
            }
        }
        String why =
                NAME
                        + " kept "
                        + Expander.ids(kept)
                        + " of "
                        + Expander.ids(options)
                        + ": lowest price score "
                        + String.format(Locale.ROOT, "%.4f", best)
                        + (problems.isEmpty() ? "" : "; not priced: " + problems);
        return new Filtered(kept, why);
    }
}
