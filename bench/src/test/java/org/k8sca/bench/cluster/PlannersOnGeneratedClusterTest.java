package org.k8sca.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.bench.macro.SteppedClock;
import org.k8sca.core.expander.ExpanderChain;
import org.k8sca.core.scaledown.ScaleDownOptions;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.ScaleDownPlanner;
import org.k8sca.core.scaleup.ScaleUpConfig;
import org.k8sca.core.scaleup.ScaleUpPlanner;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;
import org.k8sca.core.snapshot.NodeInfo;

import java.util.List;
import java.util.Random;

/** The benchmarks' inputs make the planners do real work, and leave the snapshot as it was. */
class PlannersOnGeneratedClusterTest {

    private static List<String> layout(GeneratedCluster c) {
        return c.snapshot().nodeInfos().stream().map(NodeInfo::toString).toList();
    }

    @Test
    void aSurgeNeedsNewNodesAndPlanningLeavesTheSnapshotUnchanged() {
        GeneratedCluster c = ClusterGenerator.generate(ClusterSpec.of(100, 30, 100).withSurge());
        SteppedClock clock = new SteppedClock(ClusterGenerator.BASE_TIME.plusSeconds(86_400));
        List<String> before = layout(c);
        ScaleUpResult r =
                new ScaleUpPlanner(
                                ScaleUpConfig.DEFAULTS,
                                ExpanderChain.defaultChain(new Random(1)),
                                clock)
                        .plan(c.scaleUpInput(c.templates(clock)));
        assertThat(r.status()).isEqualTo(ScaleUpStatus.SCALE_UP);
        assertThat(r.increases()).isNotEmpty();
        assertThat(layout(c)).isEqualTo(before);
    }

    @Test
    void underutilizedNodesBecomeUnneeded() {
        GeneratedCluster c =
                ClusterGenerator.generate(ClusterSpec.of(100, 30, 0).withUnderutilized(0.3));
        SteppedClock clock = new SteppedClock(ClusterGenerator.BASE_TIME.plusSeconds(86_400));
        ScaleDownPlan plan =
                new ScaleDownPlanner(ScaleDownOptions.DEFAULTS, clock)
                        .plan(c.scaleDownInput(ScaleDownOptions.DEFAULTS));
        assertThat(plan.unneededNodes()).isNotEmpty();
        assertThat(plan.explanations()).hasSize(c.snapshot().nodeCount());
    }
}
