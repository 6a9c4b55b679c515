package org.k8sca.bench.packing;

import org.k8sca.bench.cluster.ClusterGenerator;
import org.k8sca.bench.cluster.ClusterSpec;
import org.k8sca.bench.cluster.GeneratedCluster;
import org.k8sca.bench.macro.SteppedClock;
import org.k8sca.core.expander.ExpanderChain;
import org.k8sca.core.expander.ExpansionOption;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.ScaleUpConfig;
import org.k8sca.core.scaleup.ScaleUpInput;
import org.k8sca.core.scaleup.ScaleUpPlanner;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;
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
 * lower bound of the group the expander chose, for the pods that scale-up helps.
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
     * @param lowerBound the per-dimension volume bound for the helped pods on that group's nodes
     * @param kindBound the per-kind bound ({@link LowerBound#nodesByKind}); the larger of the two
     *     is the tighter bound
     * @param firstFit nodes a plain first-fit-decreasing packing on resources alone uses, for
     *     comparison
     */
    public record Outcome(
            Burst burst,
            String group,
            int helped,
            int nodes,
            int lowerBound,
            int kindBound,
            int firstFit) {
        /** Nodes asked for over the volume bound: the metric. */
        public double ratio() {
            return lowerBound == 0 ? 1.0 : (double) nodes / lowerBound;
        }

        /** Nodes asked for over the tighter of the two bounds. */
        public double tightRatio() {
            int bound = Math.max(lowerBound, kindBound);
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
        Resources free = LowerBound.free(templates.get(best.nodeGroupId()).template());
        return new Outcome(
                burst,
                best.nodeGroupId(),
                best.pods().size(),
                nodes,
                LowerBound.nodes(best.pods(), free),
                LowerBound.nodesByKind(best.pods(), free),
                FirstFitDecreasing.nodes(best.pods(), free));
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
                                        + " %4d, volume bound %4d (ratio %.3f), per-kind bound %4d,"
                                        + " ratio to the tighter %.3f, plain FFD %4d",
                                mix,
                                seed,
                                o.burst().pods().size(),
                                o.helped(),
                                o.group(),
                                o.nodes(),
                                o.lowerBound(),
                                o.ratio(),
                                o.kindBound(),
                                o.tightRatio(),
                                o.firstFit()));
            }
        }
        double[] sorted = all.stream().mapToDouble(Outcome::ratio).sorted().toArray();
        double[] tight = all.stream().mapToDouble(Outcome::tightRatio).sorted().toArray();
        double worst = sorted[sorted.length - 1];
        out.println(
                String.format(
                        Locale.ROOT,
                        "packing summary: %d bursts, ratio to volume bound median %.3f, worst %.3f"
                                + " | ratio to tighter bound median %.3f, worst %.3f | target %.2f"
                                + " (volume bound): %s",
                        all.size(),
                        sorted[(sorted.length - 1) / 2],
                        worst,
                        tight[(tight.length - 1) / 2],
                        tight[tight.length - 1],
                        TARGET,
                        worst <= TARGET
                                ? "met"
                                : "MISSED by " + Math.round(100 * (worst / TARGET - 1)) + " %"));
        return all;
    }
}
