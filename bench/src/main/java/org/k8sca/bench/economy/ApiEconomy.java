package org.k8sca.bench.economy;

import org.k8sca.bench.loop.Quiet;
import org.k8sca.kamatera.sim.http.RecordedRequest;
import org.k8sca.testkit.VirtualCluster;
import org.k8sca.testkit.Workload;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts the autoscaler's Kamatera calls with testkit's {@link VirtualCluster} (virtual time, so a
 * 30-minute window takes seconds): at start-up, at steady state and during a scale-up of many
 * nodes, each beside what upstream's call pattern would make ({@link UpstreamCalls}).
 *
 * <p>The cluster: node groups {@code ng1} (2 CPU / 4 GiB, label {@code pool=ng1}) and {@code ng2}
 * (4 CPU / 8 GiB, empty), {@code nodes} servers of {@code ng1} each running one pod of 1500m (75 %
 * used, so none is unneeded), the autoscaler's default {@code min-refresh-interval} (30 s), a loop
 * every 10 s, Kamatera commands of 30 s and kubelets that register 30 s after power-on.
 */
public final class ApiEconomy {

    /** The loop interval (VirtualCluster's step), the command time and the kubelet delay. */
    public static final Duration SCAN = Duration.ofSeconds(10);

    public static final Duration COMMAND = Duration.ofSeconds(30);
    public static final Duration KUBELET = Duration.ofSeconds(30);
    public static final int GROUPS = 2;

    private static final Map<String, String> POOL = Map.of("pool", "ng1");

    private ApiEconomy() {}

    /** Starts the cluster with {@code nodes} running, busy nodes; the caller closes it. */
    public static VirtualCluster start(int nodes) throws Exception {
        Quiet.logs();
        VirtualCluster c =
                VirtualCluster.builder()
                        .nodeGroup("ng1", 0, nodes + 200, "template-label=pool=ng1")
                        .nodeGroup("ng2", 0, 50, "cpu=4B", "ram=8192")
                        .minRefreshInterval("30s")
                        .step(SCAN)
                        .commandDuration(COMMAND)
                        .kubeletDelay(KUBELET)
                        .start();
        for (int i = 0; i < nodes; i++) {
            c.addServer(String.format(Locale.ROOT, "ng1-base%05d", i), "ng1");
        }
        return c;
    }

    /** From start until every node is registered and runs its pod, then {@code settle} more. */
    public static CallCount startup(VirtualCluster c, int nodes, Duration settle) {
        int loops = c.outcomes().size();
        Instant from = c.now();
        c.runUntil(nodes + " nodes register", () -> c.nodeNames().size() == nodes, minutes(10));
        c.apply(Workload.of("steady", nodes, "1500m", "256Mi").withNodeSelector(POOL));
        c.runUntil("the steady pods run", () -> c.pendingPods().isEmpty(), minutes(10));
        c.run(settle);
        return count(c, "start-up", from, loops);
    }

    /** {@code window} of virtual time with nothing to do. */
    public static CallCount steadyState(VirtualCluster c, Duration window) {
        c.simulator().clearJournal();
        int loops = c.outcomes().size();
        Instant from = c.now();
        c.run(window);
        return count(c, "steady state", from, loops);
    }

    /**
     * {@code servers} new pods that each need a new {@code ng1} node: from the workload's creation
     * until every pod runs.
     */
    public static CallCount scaleUp(VirtualCluster c, int servers) {
        c.simulator().clearJournal();
        int loops = c.outcomes().size();
        Instant from = c.now();
        c.apply(Workload.of("burst", servers, "1500m", "256Mi").withNodeSelector(POOL));
        c.step();
        c.runUntil("the burst's pods run", () -> c.pendingPods().isEmpty(), minutes(30));
        return count(c, "scale-up of " + servers, from, loops);
    }

    /** The whole report: start-up, steady state and the scale-up, each beside upstream. */
    public static void run(int nodes, Duration steady, int servers, PrintStream out)
            throws Exception {
        try (VirtualCluster c = start(nodes)) {
            CallCount startup = startup(c, nodes, minutes(5));
            out.println(line(startup));
            out.println(
                    "    upstream: list = loops = "
                            + startup.loops()
                            + ", tags = one per server = "
                            + nodes
                            + ", total "
                            + (startup.loops() + nodes));

            CallCount quiet = steadyState(c, steady);
            UpstreamCalls quietUpstream = UpstreamCalls.steadyState(quiet.loops());
            out.println(line(quiet) + " | target ≤ 2.00/min: " + verdict(quiet.perMinute(), 2));
            out.println(upstream(quietUpstream, quiet));

            CallCount up = scaleUp(c, servers);
            UpstreamCalls upUpstream =
                    UpstreamCalls.scaleUp(
                            up.loops(), servers, COMMAND.toSeconds(), SCAN.toSeconds(), GROUPS);
            out.println(line(up));
            out.println(upstream(upUpstream, up));
            List<String> violations = c.invariantViolations();
            if (!violations.isEmpty()) {
                throw new IllegalStateException("the virtual cluster broke: " + violations);
            }
        }
    }

    static String line(CallCount c) {
        return String.format(
                Locale.ROOT,
                "economy %s: %.1f virtual min, %d loops | ours: %d calls (%.2f/min): %s",
                c.what(),
                c.minutes(),
                c.loops(),
                c.total(),
                c.perMinute(),
                c.describe());
    }

    private static String upstream(UpstreamCalls u, CallCount ours) {
        return String.format(
                Locale.ROOT,
                "    upstream: %d calls (%.2f/min): %s",
                u.total(),
                u.total() / ours.minutes(),
                u.formula());
    }

    private static String verdict(double value, double target) {
        return value <= target
                ? "met"
                : String.format(Locale.ROOT, "MISSED by %.0f %%", 100 * (value / target - 1));
    }

    private static CallCount count(VirtualCluster c, String what, Instant from, int loopsBefore) {
        List<RecordedRequest> journal = c.simulator().journal();
        return CallCount.of(
                what,
                Duration.between(from, c.now()),
                c.outcomes().size() - loopsBefore,
                journal.stream().map(RecordedRequest::endpoint).toList());
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }
}
