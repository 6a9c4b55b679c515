package org.k8sca.bench.packing;

import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A reference packing on resources alone: pods largest first (share of CPU plus share of memory,
 * the estimator's order), each on the first open node with room, else on a new node. Unlike the
 * estimator it tries every open node for every pod; the difference in node count shows what the
 * estimator's "only the last node once a pod did not fit the earlier ones" rule costs.
 */
public final class FirstFitDecreasing {

    private FirstFitDecreasing() {}

    /** Nodes used to pack {@code pods} onto nodes with {@code free} room each. */
    public static int nodes(List<Pod> pods, Resources free) {
        List<Pod> sorted = new ArrayList<>(pods);
        sorted.sort(Comparator.comparingDouble((Pod p) -> share(p.requests(), free)).reversed());
        List<long[]> open = new ArrayList<>();
        for (Pod p : sorted) {
            Resources r = p.requests();
            long podSlots = Math.max(1, r.pods());
            long[] target = null;
            for (long[] n : open) {
                if (n[0] >= r.milliCpu() && n[1] >= r.memoryBytes() && n[2] >= podSlots) {
                    target = n;
                    break;
                }
            }
            if (target == null) {
                target = new long[] {free.milliCpu(), free.memoryBytes(), free.pods()};
                if (target[0] < r.milliCpu()
                        || target[1] < r.memoryBytes()
                        || target[2] < podSlots) {
                    throw new IllegalArgumentException(
                            "pod "
                                    + p.key()
                                    + " asking for "
                                    + r
                                    + " does not fit a new node with "
                                    + free);
                }
                open.add(target);
            }
            target[0] -= r.milliCpu();
            target[1] -= r.memoryBytes();
            target[2] -= podSlots;
        }
        return open.size();
    }

    private static double share(Resources r, Resources free) {
        return (double) r.milliCpu() / free.milliCpu()
                + (double) r.memoryBytes() / free.memoryBytes();
    }
}
