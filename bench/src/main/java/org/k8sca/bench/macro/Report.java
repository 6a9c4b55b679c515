package org.k8sca.bench.macro;

import org.k8sca.bench.cluster.GeneratedCluster;

import java.util.Locale;

/** Formats one benchmark's numbers on one line, beside its target. */
final class Report {

    private Report() {}

    static String line(String kind, Scenario s, GeneratedCluster c, PassMeter.Result r) {
        double median = r.nanos().median() / 1e9;
        double p99 = r.nanos().p99() / 1e9;
        String verdict =
                p99 <= s.targetSeconds()
                        ? "met"
                        : String.format(
                                Locale.ROOT,
                                "MISSED by %.0f %%",
                                100 * (p99 / s.targetSeconds() - 1));
        return String.format(
                Locale.ROOT,
                "%s %s: nodes=%d pods=%d pending=%d | pass median %.3f s, p99 %.3f s (min %.3f, max"
                        + " %.3f, n=%d) | cpu median %.3f s, p99 %.3f s | target %.1f s: %s |"
                        + " alloc/pass median %.1f MiB (p99 %.1f) | heap after GC %.1f MiB",
                kind,
                s.name(),
                c.snapshot().nodeCount(),
                c.snapshot().podCount(),
                c.pending().size(),
                median,
                p99,
                r.nanos().min() / 1e9,
                r.nanos().max() / 1e9,
                r.nanos().count(),
                r.cpuNanos().median() / 1e9,
                r.cpuNanos().p99() / 1e9,
                s.targetSeconds(),
                verdict,
                mib(r.allocatedBytes().median()),
                mib(r.allocatedBytes().p99()),
                mib(r.heapAfterGcBytes()));
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
