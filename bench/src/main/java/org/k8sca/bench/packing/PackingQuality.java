package org.k8sca.bench.packing;

import org.k8sca.bench.cluster.ClusterGenerator;
import org.k8sca.bench.cluster.ClusterSpec;
import org.k8sca.bench.cluster.GeneratedCluster;
import org.k8sca.bench.macro.SteppedClock;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.estimator.BinpackingEstimator;
import org.k8sca.core.estimator.Estimate;
import org.k8sca.core.estimator.EstimationLimits;
import org.k8sca.core.expander.ExpanderChain;
import org.k8sca.core.expander.ExpansionOption;
import org.k8sca.core.podgroup.EquivalenceGrouper;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.ScaleUpConfig;
import org.k8sca.core.scaleup.ScaleUpInput;
import org.k8sca.core.scaleup.ScaleUpPlanner;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.template.GroupTemplate;
import org.k8sca.core.template.TemplateNodeBuilder;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Plans each burst on an empty cluster (every pod needs a new node; templates come from the
 * provider plus the DaemonSets, as in a scale from zero) and compares the nodes asked for with the
 * lower bounds of the group the expander chose, for the pods that scale-up helps, and with what
 * upstream's first fit alone needs for the same pods.
 */
public final class PackingQuality {

    /** The target ratio from the issues. */
    public static final double TARGET = 1.05;

    /**
     * One burst's outcome.
     *
     * @param burst the burst
     * @param group the group chosen
     * @param helped pods the scale-up is for
     * @param nodes nodes asked for
     * @param firstFit nodes upstream's first fit alone ({@link BinpackingEstimator#firstFitOnly})
     *     needs for the same pods on the same group: the estimator before the second packing
     * @param bound the lower bounds for the helped pods on that group's nodes
     */
    public record Outcome(
            Burst burst, String group, int helped, int nodes, int firstFit, TightBound bound) {
        /** Nodes asked for over the volume bound: the metric. */
        public double ratio() {
            return ratio(nodes, bound.volume());
        }

        /** Nodes asked for over the tightest valid bound. */
        public double tightRatio() {
            return ratio(nodes, bound.nodes());
        }

        /** First fit alone over the volume bound (the number before the second packing). */
        public double firstFitRatio() {
            return ratio(firstFit, bound.volume());
        }

        private static double ratio(int nodes, int bound) {
            return bound == 0 ? 1.0 : (double) nodes / bound;
        }
    }

    private PackingQuality() {}

    public static Outcome measure(Burst burst) {
        GeneratedCluster cluster = ClusterGenerator.generate(ClusterSpec.of(10, 30, 0));
        SteppedClock clock = new SteppedClock(ClusterGenerator.BASE_TIME.plusSeconds(86_400));
        ClusterSnapshot empty = new ClusterSnapshot();
        Map<String, GroupTemplate> templates =
                new TemplateNodeBuilder(clock)
                        .build(cluster.provider(), empty, cluster.daemonSets());
        ScaleUpPlanner planner =
                new ScaleUpPlanner(
                        ScaleUpConfig.DEFAULTS,
                        ExpanderChain.defaultChain(new Random(burst.seed())),
                        clock);
        ScaleUpResult result =
                planner.plan(
                        new ScaleUpInput(
                                empty,
                                burst.pods(),
                                cluster.provider(),
                                templates,
                                Map.of(),
                                Map.of()));
        if (result.status() != ScaleUpStatus.SCALE_UP) {
            throw new IllegalStateException(
                    "burst "
                            + burst.mix()
                            + "/"
                            + burst.seed()
                            + " planned no scale-up: "
                            + result.status()
                            + ", "
                            + result.summary());
        }
        ExpansionOption best = result.expanderChoice().best();
        int nodes = 0;
        for (GroupIncrease inc : result.increases()) {
            nodes += inc.delta();
        }
        NodeTemplate template = templates.get(best.nodeGroupId()).template();
        Estimate firstFit =
                BinpackingEstimator.firstFitOnly(clock)
                        .estimate(
                                new PredicateChecker(new ClusterSnapshot()),
                                best.nodeGroupId(),
                                template,
                                EquivalenceGrouper.group(best.pods()),
                                new EstimationLimits(
                                        ScaleUpConfig.DEFAULTS.maxNodesPerScaleUp(),
                                        ScaleUpConfig.DEFAULTS.maxNodeGroupBinpackingDuration()));
        if (firstFit.placements().size() != best.pods().size()) {
            throw new IllegalStateException(
                    "burst "
                            + burst.mix()
                            + "/"
                            + burst.seed()
                            + ": first fit alone placed "
                            + firstFit.placements().size()
                            + " of the "
                            + best.pods().size()
                            + " helped pods ("
                            + firstFit.stopReason()
                            + ")");
        }
        return new Outcome(
                burst,
                best.nodeGroupId(),
                best.pods().size(),
                nodes,
                firstFit.nodeCount(),
                TightBound.of(best.pods(), LowerBound.free(template)));
    }

    /** One line: median and worst of the three ratios over {@code outcomes}, and the verdict. */
    static String summary(String what, List<Outcome> outcomes) {
        double[] volume = sorted(outcomes, Outcome::ratio);
        double[] tight = sorted(outcomes, Outcome::tightRatio);
        double[] before = sorted(outcomes, Outcome::firstFitRatio);
        double worst = volume[volume.length - 1];
        double worstTight = tight[tight.length - 1];
        return String.format(
                Locale.ROOT,
                "packing summary %s: %d bursts | ratio to volume bound median %.3f, worst %.3f"
                        + " (first fit alone: median %.3f, worst %.3f) | ratio to tight bound"
                        + " median %.3f, worst %.3f | target %.2f: %s to the volume bound, %s to"
                        + " the tight bound",
                what,
                outcomes.size(),
                median(volume),
                worst,
                median(before),
                before[before.length - 1],
                median(tight),
                worstTight,
                TARGET,
                verdict(worst),
                verdict(worstTight));
    }

    private static String verdict(double worst) {
        return worst <= TARGET
                ? "met"
                : "MISSED by " + Math.round(100 * (worst / TARGET - 1)) + " %";
    }

    private static double[] sorted(
            List<Outcome> outcomes, java.util.function.ToDoubleFunction<Outcome> f) {
        return outcomes.stream().mapToDouble(f).sorted().toArray();
    }

    private static double median(double[] sorted) {
        return sorted[(sorted.length - 1) / 2];
    }

    /** Measures every mix for seeds 1..{@code seeds}; prints one line per burst and a summary. */
    public static List<Outcome> run(int seeds, PrintStream out) {
        List<Outcome> all = new ArrayList<>();
        for (String mix : Burst.MIXES) {
            for (long seed = 1; seed <= seeds; seed++) {
                Outcome o = measure(Burst.generate(mix, seed));
                all.add(o);
                out.println(
                        String.format(
                                Locale.ROOT,
                                "packing %-13s seed %d: %4d pods, %4d helped, group %-10s nodes"
                                        + " %4d (first fit alone %4d) | volume bound %4d, ratio"
                                        + " %.3f (first fit %.3f) | tight bound %4d (%s; per-kind"
                                        + " %d, shape %d, anti-affinity %d), ratio %.3f",
                                mix,
                                seed,
                                o.burst().pods().size(),
                                o.helped(),
                                o.group(),
                                o.nodes(),
                                o.firstFit(),
                                o.bound().volume(),
                                o.ratio(),
                                o.firstFitRatio(),
                                o.bound().nodes(),
                                o.bound().dominant(),
                                o.bound().perKind(),
                                o.bound().shape(),
                                o.bound().antiAffinity(),
                                o.tightRatio()));
            }
        }
        out.println(summary("all mixes", all));
        for (String mix : Burst.MIXES) {
            out.println(
                    summary(mix, all.stream().filter(o -> o.burst().mix().equals(mix)).toList()));
        }
        return all;
    }
}
