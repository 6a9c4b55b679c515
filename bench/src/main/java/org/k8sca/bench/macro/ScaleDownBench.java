package org.k8sca.bench.macro;

import org.k8sca.bench.cluster.ClusterGenerator;
import org.k8sca.bench.cluster.GeneratedCluster;
import org.k8sca.core.scaledown.ScaleDownInput;
import org.k8sca.core.scaledown.ScaleDownOptions;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.ScaleDownPlanner;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Times {@link ScaleDownPlanner#plan} as the loop calls it: one planner across passes. Between
 * passes the clock moves past the unremovable-node recheck time, so every pass re-evaluates every
 * node (the worst loop, not the cheap ones in between); the warm-up runs until the unneeded set
 * stops growing, since upstream's rule lets it grow by only 2 × parallelism per loop.
 */
public final class ScaleDownBench {

    private static final int MAX_WARMUP = 80;

    private ScaleDownBench() {}

    public static void run(Scenario scenario, PassMeter meter, PrintStream out) {
        GeneratedCluster cluster = ClusterGenerator.generate(scenario.spec());
        SteppedClock clock = new SteppedClock(ClusterGenerator.BASE_TIME.plusSeconds(86_400));
        ScaleDownOptions options = ScaleDownOptions.DEFAULTS;
        Duration step = options.unremovableNodeRecheckTimeout().plusMinutes(1);
        ScaleDownInput input = cluster.scaleDownInput(options);
        ScaleDownPlanner planner = new ScaleDownPlanner(options, clock);

        int previous = -1;
        int stable = 0;
        int warm = 0;
        while (warm < MAX_WARMUP && stable < 2) {
            clock.advance(step);
            int unneeded = planner.plan(input).unneededNodes().size();
            stable = unneeded == previous ? stable + 1 : 0;
            previous = unneeded;
            warm++;
        }
        ScaleDownPlan[] last = new ScaleDownPlan[1];
        PassMeter.Result r =
                meter.measure(
                        () -> {
                            clock.advance(step);
                            last[0] = planner.plan(input);
                        });
        out.println(Report.line("scaledown", scenario, cluster, r));
        ScaleDownPlan p = last[0];
        out.println(
                "    result: "
                        + p.unneededNodes().size()
                        + " unneeded (after "
                        + warm
                        + " settling passes), "
                        + p.deleteEmpty().size()
                        + " empty + "
                        + p.drain().size()
                        + " to drain selected, simulation timed out: "
                        + p.simulationTimedOut());
    }
}
