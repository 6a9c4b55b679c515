package org.k8sca.bench.loop;

import org.k8sca.bench.cluster.ClusterSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * One full-loop scenario: a generated cluster with its pending pods and the targets.
 *
 * @param name {@code <nodes>x<pods per node>/<pending>}, e.g. {@code 1000x30/500}
 * @param spec the generated cluster
 * @param targetSeconds the target for the p99 loop time, or 0 when the issue sets none
 * @param heapTargetMib the target for the heap after GC, or 0 when the issue sets none
 */
public record LoopScenario(String name, ClusterSpec spec, double targetSeconds, int heapTargetMib) {

    /** 100, 1000 and 5000 nodes × 30 pods, each with 0, 500 and 5000 pending pods. */
    public static final List<LoopScenario> ALL = all();

    public boolean hasTarget() {
        return targetSeconds > 0;
    }

    private static List<LoopScenario> all() {
        List<LoopScenario> out = new ArrayList<>();
        for (int nodes : new int[] {100, 1000, 5000}) {
            for (int pending : new int[] {0, 500, 5000}) {
                double target = 0;
                if (pending == 500 && nodes == 1000) {
                    target = 1.0;
                } else if (pending == 500 && nodes == 5000) {
                    target = 5.0;
                }
                int heap = nodes == 1000 ? 256 : nodes == 5000 ? 1024 : 0;
                out.add(
                        new LoopScenario(
                                nodes + "x30/" + pending,
                                ClusterSpec.of(nodes, 30, pending),
                                target,
                                heap));
            }
        }
        return List.copyOf(out);
    }
}
