package org.k8sca.testkit.sandbox;

import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.flags.RunFlags;
import org.k8sca.app.flags.RunOptions;
import org.k8sca.app.loop.LoopObserver;
import org.k8sca.testkit.VirtualCluster;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParseResult;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The demo's cluster: two node groups of different shapes, one of them with a warm pool, two
 * servers to start with, and the autoscaler's flags shortened so that a scale-down happens within
 * minutes rather than upstream's ten.
 */
final class DemoCluster {
    /**
     * The autoscaler flags the demo changes from upstream's defaults, as a user would pass them.
     */
    static final List<String> FLAGS =
            List.of("--scale-down-unneeded-time=2m", "--scale-down-delay-after-add=2m");

    /** How long an unneeded node waits before it goes, as {@link #FLAGS} say. */
    static final Duration UNNEEDED_TIME = Duration.ofMinutes(2);

    static final String GENERAL = "general";
    static final String HIGHMEM = "highmem";

    private DemoCluster() {}

    /** The virtual cluster's options: groups, timings and {@code observers}. */
    static VirtualCluster.Builder builder(
            long seed, Function<Clock, List<? extends LoopObserver>> observers) {
        return VirtualCluster.builder()
                // 2 cores, 4 GiB; scaled-down servers are powered off and powered on again first.
                .nodeGroup(
                        GENERAL,
                        1,
                        6,
                        "cpu=2B",
                        "ram=4096",
                        "poweroff-on-scale-down=true",
                        "poweron-on-scale-up=true")
                // 2 cores, 16 GiB, none until a pod needs the memory.
                .nodeGroup(HIGHMEM, 0, 3, "cpu=2B", "ram=16384")
                .commandDuration(Duration.ofSeconds(40))
                .kubeletDelay(Duration.ofSeconds(40))
                .settings(settings(seed))
                .seed(seed)
                .observers(observers);
    }

    /** The servers that exist before the demo starts. */
    static void addInitialServers(VirtualCluster cluster) {
        cluster.addServer(GENERAL + "-base-1", GENERAL);
        cluster.addServer(GENERAL + "-base-2", GENERAL);
    }

    /** What the header says about the cluster. */
    static List<String> describe() {
        return List.of(
                "node groups: general  2 cpu,  4 GiB, 1-6 nodes, warm pool (powered off on"
                        + " scale-down, on again on scale-up); starts with 2 servers",
                "             highmem  2 cpu, 16 GiB, 0-3 nodes",
                "autoscaler:  upstream defaults except "
                        + String.join(" ", FLAGS)
                        + " (upstream: 10m each)");
    }

    /** The settings {@code run} would use with {@link #FLAGS}. */
    static DecisionSettings settings(long seed) {
        Flags flags = new Flags();
        ParseResult parsed = new CommandLine(flags).parseArgs(FLAGS.toArray(String[]::new));
        RunOptions options = flags.flags.toOptions(parsed::hasMatchedOption);
        return DecisionSettings.from(options, seed);
    }

    /** Only to parse {@link #FLAGS} exactly as {@code run} does. */
    @Command(name = "run")
    static final class Flags {
        @Mixin RunFlags flags;
    }
}
