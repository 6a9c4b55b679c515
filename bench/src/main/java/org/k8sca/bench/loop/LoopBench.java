package org.k8sca.bench.loop;

import org.k8sca.app.decide.DecisionPass;
import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.loop.ActuatorRunner;
import org.k8sca.app.loop.AutoscalerLoop;
import org.k8sca.app.loop.LoopObserver;
import org.k8sca.app.loop.LoopOutcome;
import org.k8sca.app.loop.NodeMarks;
import org.k8sca.bench.cluster.ClusterGenerator;
import org.k8sca.bench.macro.PassMeter;
import org.k8sca.bench.macro.SteppedClock;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.ScaleDownActuator;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.provider.KamateraCloudProvider;
import org.k8sca.kamatera.provider.NodeMetadata;
import org.k8sca.kamatera.provider.ProviderOptions;
import org.k8sca.kamatera.provider.ServerNames;
import org.k8sca.kube.objects.ClusterObjects;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Times whole autoscaler loops ({@link AutoscalerLoop#runOnce}) on a generated cluster: provider
 * refresh (one server listing of the in-memory account), cluster-state update, snapshot and
 * templates, scale-up plan and its execution (the creates reach the in-memory account), and the
 * scale-down plan. Nothing goes over HTTP and nothing is logged below WARN.
 *
 * <p>Every loop, warm-up and measured, starts from the same state: the account is put back to the
 * generated servers (the servers the previous loop created are gone), and a new provider (its
 * start-up listing done), planner and loop are built, all outside the measured time. So every
 * measured loop is the first loop of a freshly started autoscaler whose provider has listed the
 * servers once: it plans the full scale-up, and its scale-down evaluates every node (no unneeded
 * timer has run out, so nothing is deleted). The clock stands still during a loop.
 */
public final class LoopBench {

    private LoopBench() {}

    /**
     * What a scenario measured.
     *
     * @param cluster the cluster the loops ran on
     * @param meter the times, allocation and heap
     * @param decided what the last loop decided, in words
     * @param calls the Kamatera calls the last loop made, per endpoint
     * @param outcome what the last loop returned
     */
    public record LoopResult(
            LoopCluster cluster,
            PassMeter.Result meter,
            String decided,
            Map<Endpoint, Integer> calls,
            LoopOutcome outcome) {}

    public static void run(LoopScenario scenario, PassMeter meter, PrintStream out) {
        LoopResult r = measure(scenario, meter);
        out.println(line(scenario, r.cluster(), r.meter()));
        out.println("    " + r.decided());
        out.println("    kamatera calls in the loop: " + names(r.calls()));
        if (r.outcome().error().isPresent()) {
            throw new IllegalStateException(
                    "loop " + scenario.name() + " failed", r.outcome().error().get());
        }
    }

    /** Runs the scenario's loops and returns what they measured and decided. */
    public static LoopResult measure(LoopScenario scenario, PassMeter meter) {
        Quiet.logs();
        LoopCluster cluster = LoopCluster.of(ClusterGenerator.generate(scenario.spec()));
        SteppedClock clock = new SteppedClock(ClusterGenerator.BASE_TIME.plusSeconds(86_400));
        InMemoryKamatera api = new InMemoryKamatera(cluster.servers());
        DecisionSettings settings = DecisionSettings.DEFAULTS;
        ClusterObjects objects = cluster.objects();
        LastLoop last = new LastLoop();
        AutoscalerLoop[] loop = new AutoscalerLoop[1];
        Random names = new Random(scenario.spec().seed());
        Runnable setup =
                () -> {
                    api.reset(cluster.servers());
                    KamateraCloudProvider provider =
                            new KamateraCloudProvider(
                                    cluster.config(),
                                    api,
                                    ProviderOptions.defaults()
                                            .withClock(clock)
                                            .withServerNames(
                                                    new ServerNames(
                                                            () ->
                                                                    new UUID(
                                                                            names.nextLong(),
                                                                            names.nextLong()))),
                                    NodeMetadata.NONE);
                    provider.refresh();
                    clock.advance(Duration.ofMinutes(1));
                    api.clearCalls();
                    loop[0] =
                            new AutoscalerLoop(
                                    clock,
                                    provider,
                                    () -> objects,
                                    new DecisionPass(settings, clock),
                                    new ActuatorRunner(
                                            new ScaleDownActuator(
                                                    settings.scaleDown(),
                                                    new NoClusterOperations())),
                                    new NoClusterOperations(),
                                    NodeMarks.NONE,
                                    List.of(last));
                };
        PassMeter.Result r =
                meter.measure(setup, () -> last.outcome = loop[0].runOnce(clock.instant()));
        return new LoopResult(cluster, r, last.describe(), api.calls(), last.outcome);
    }

    static String line(LoopScenario s, LoopCluster c, PassMeter.Result r) {
        double p99 = r.nanos().p99() / 1e9;
        double heap = mib(r.heapAfterGcBytes());
        return String.format(
                Locale.ROOT,
                "loop %s: nodes=%d pods=%d pending=%d | loop median %.3f s, p99 %.3f s (min %.3f,"
                        + " max %.3f, n=%d) | cpu median %.3f s, p99 %.3f s | target %s |"
                        + " alloc/loop median %.1f MiB (p99 %.1f) | heap after GC %.1f MiB (target"
                        + " %s)",
                s.name(),
                c.objects().nodes().size(),
                c.objects().pods().size() - c.pendingCount(),
                c.pendingCount(),
                r.nanos().median() / 1e9,
                p99,
                r.nanos().min() / 1e9,
                r.nanos().max() / 1e9,
                r.nanos().count(),
                r.cpuNanos().median() / 1e9,
                r.cpuNanos().p99() / 1e9,
                s.hasTarget() ? verdict(p99, s.targetSeconds(), "%.1f s") : "none",
                mib(r.allocatedBytes().median()),
                mib(r.allocatedBytes().p99()),
                heap,
                s.heapTargetMib() > 0 ? verdict(heap, s.heapTargetMib(), "%.0f MiB") : "none");
    }

    private static String verdict(double value, double target, String format) {
        String t = String.format(Locale.ROOT, format, target);
        return value <= target
                ? t + ": met"
                : String.format(
                        Locale.ROOT, "%s: MISSED by %.0f %%", t, 100 * (value / target - 1));
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static Map<String, Integer> names(Map<Endpoint, Integer> calls) {
        Map<String, Integer> out = new TreeMap<>();
        calls.forEach((e, n) -> out.put(e.metricName(), n));
        return out;
    }

    /** What the last loop decided, for the report. */
    private static final class LastLoop implements LoopObserver {
        ScaleUpResult scaleUp;
        List<IncreaseAttempt> executed = List.of();
        ScaleDownPlan scaleDown;
        LoopOutcome outcome;

        @Override
        public void loopStarted(Instant now) {
            scaleUp = null;
            executed = List.of();
            scaleDown = null;
        }

        @Override
        public void scaleUp(ScaleUpResult result, List<IncreaseAttempt> attempts) {
            scaleUp = result;
            executed = attempts;
        }

        @Override
        public void scaleDown(ScaleDownPlan plan) {
            scaleDown = plan;
        }

        String describe() {
            StringBuilder b = new StringBuilder();
            if (scaleUp == null) {
                b.append("no scale-up planned");
            } else {
                b.append("scale-up ")
                        .append(scaleUp.status())
                        .append(": ")
                        .append(scaleUp.summary());
                b.append("; executed: ")
                        .append(
                                executed.stream()
                                        .map(a -> a.increase().describe() + " " + a.outcome())
                                        .toList());
            }
            b.append(" | scale-down: ");
            if (scaleDown == null) {
                b.append("not planned");
            } else {
                long unneeded =
                        scaleDown.explanations().stream()
                                .filter(e -> e.unneededSince() != null)
                                .count();
                b.append(unneeded)
                        .append(" unneeded of ")
                        .append(scaleDown.explanations().size())
                        .append(" explained, ")
                        .append(scaleDown.deleteEmpty().size() + scaleDown.drain().size())
                        .append(" deletions");
                Optional<String> cooldown = scaleDown.cooldown();
                cooldown.ifPresent(c -> b.append(", cooldown: ").append(c));
            }
            return b.toString();
        }
    }
}
