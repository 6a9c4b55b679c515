package org.k8sca.bench.latency;

import org.k8sca.bench.macro.Stats;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Formats a {@link DecisionLatency.Result}: p50 and p99 of the total, medians of its parts. */
public final class LatencyReport {

    /** Issue 8's target for the p99 at 1000 nodes. */
    public static final double TARGET_SECONDS = 2.0;

    private LatencyReport() {}

    public static String format(DecisionLatency.Result r) {
        List<DecisionLatency.Trial> t = r.trials();
        Stats total = stats(t, DecisionLatency.Trial::total);
        double p99 = total.p99() / 1e9;
        String target =
                r.nodes() >= 1000
                        ? String.format(
                                Locale.ROOT,
                                " | target p99 %.1f s: %s",
                                TARGET_SECONDS,
                                p99 <= TARGET_SECONDS
                                        ? "met"
                                        : String.format(
                                                Locale.ROOT,
                                                "MISSED by %.0f %%",
                                                100 * (p99 / TARGET_SECONDS - 1)))
                        : "";
        return String.format(
                        Locale.ROOT,
                        "latency %d nodes / %d pods: pending pod → create request p50 %.3f s, p99"
                                + " %.3f s (min %.3f, max %.3f, n=%d)%s",
                        r.nodes(),
                        r.pods(),
                        total.median() / 1e9,
                        p99,
                        total.min() / 1e9,
                        total.max() / 1e9,
                        total.count(),
                        target)
                + String.format(
                        Locale.ROOT,
                        "%n    medians: created → marked unschedulable %.3f s; → seen by the"
                                + " informer %.3f s; → loop start %.3f s; loop start → request"
                                + " %.3f s (p99 %.3f s)%n    setup %.1f s, informer sync %.1f s,"
                                + " autoscaler heap after GC %.1f MiB",
                        median(t, DecisionLatency.Trial::toMarked),
                        median(t, DecisionLatency.Trial::markedToSeen),
                        median(t, DecisionLatency.Trial::seenToLoop),
                        median(t, DecisionLatency.Trial::loopToRequest),
                        stats(t, DecisionLatency.Trial::loopToRequest).p99() / 1e9,
                        r.setup().toMillis() / 1000.0,
                        r.sync().toMillis() / 1000.0,
                        r.autoscalerHeapBytes() / (1024.0 * 1024.0));
    }

    private static double median(
            List<DecisionLatency.Trial> t, Function<DecisionLatency.Trial, Duration> part) {
        return stats(t, part).median() / 1e9;
    }

    private static Stats stats(
            List<DecisionLatency.Trial> t, Function<DecisionLatency.Trial, Duration> part) {
        return Stats.of(t.stream().mapToLong(x -> part.apply(x).toNanos()).toArray());
    }
}
