package org.k8sca.bench.macro;

import org.k8sca.bench.cluster.ClusterGenerator;
import org.k8sca.bench.cluster.GeneratedCluster;
import org.k8sca.core.expander.ExpanderChain;
import org.k8sca.core.scaleup.PodOutcome;
import org.k8sca.core.scaleup.PodVerdict;
import org.k8sca.core.scaleup.ScaleUpConfig;
import org.k8sca.core.scaleup.ScaleUpInput;
import org.k8sca.core.scaleup.ScaleUpPlanner;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.template.GroupTemplate;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/** Times {@link ScaleUpPlanner#plan} on a generated cluster with its pending burst. */
public final class ScaleUpBench {

    private ScaleUpBench() {}

    public static void run(Scenario scenario, PassMeter meter, PrintStream out) {
        GeneratedCluster cluster = ClusterGenerator.generate(scenario.spec());
        SteppedClock clock = new SteppedClock(ClusterGenerator.BASE_TIME.plusSeconds(86_400));
        Map<String, GroupTemplate> templates = cluster.templates(clock);
        ScaleUpInput input = cluster.scaleUpInput(templates);
        ScaleUpPlanner planner =
                new ScaleUpPlanner(
                        ScaleUpConfig.DEFAULTS,
                        ExpanderChain.defaultChain(new Random(scenario.spec().seed())),
                        clock);
        ScaleUpResult[] last = new ScaleUpResult[1];
        PassMeter.Result r = meter.measure(() -> last[0] = planner.plan(input));
        out.println(Report.line("scaleup", scenario, cluster, r));
        out.println("    result: " + last[0].status() + ", " + last[0].summary());
        out.println("    pods: " + verdicts(last[0]));
    }

    static Map<PodVerdict, Integer> verdicts(ScaleUpResult result) {
        Map<PodVerdict, Integer> counts = new EnumMap<>(PodVerdict.class);
        for (PodOutcome o : result.pods()) {
            counts.merge(o.verdict(), 1, Integer::sum);
        }
        return counts;
    }
}
