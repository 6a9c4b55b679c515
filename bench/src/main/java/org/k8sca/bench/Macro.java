package org.k8sca.bench;

import org.k8sca.bench.economy.ApiEconomy;
import org.k8sca.bench.heap.HeapBench;
import org.k8sca.bench.latency.DecisionLatency;
import org.k8sca.bench.latency.LatencyReport;
import org.k8sca.bench.loop.LoopBench;
import org.k8sca.bench.loop.LoopScenario;
import org.k8sca.bench.macro.PassMeter;
import org.k8sca.bench.macro.ScaleDownBench;
import org.k8sca.bench.macro.ScaleUpBench;
import org.k8sca.bench.macro.Scenario;
import org.k8sca.bench.packing.PackingQuality;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the macro benchmarks from the command line:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.k8sca.bench.Macro scaleup|scaledown|loop|latency|economy|packing [scenario] [warmup] [passes]
 * java -cp bench/target/benchmarks.jar org.k8sca.bench.Macro heap [nodes...]
 * </pre>
 *
 * Each benchmark prints one line of numbers per scenario (see docs/benchmarks.md).
 */
public final class Macro {

    private static final String USAGE =
            "usage: Macro scaleup|scaledown|loop|latency|economy|packing|heap [scenario name]"
                    + " [warmup passes] [measured passes]\n"
                    + "  heap [nodes..., default 1000 5000]: heap after GC of the informer caches,"
                    + " the translated view and one loop, for nodes × 30 pods\n"
                    + "  latency [nodes, default 1000] [warm-up trials, default 3] [trials, default"
                    + " 30]: real time, pending pod to create request\n"
                    + "  economy [nodes, default 20]: Kamatera calls at start-up, steady state and a"
                    + " 50-node scale-up\n"
                    + "  scaleup scenarios:   "
                    + names(Scenario.SCALE_UP)
                    + "\n"
                    + "  scaledown scenarios: "
                    + names(Scenario.SCALE_DOWN)
                    + "\n  loop scenarios:      "
                    + String.join(", ", LoopScenario.ALL.stream().map(LoopScenario::name).toList());

    private Macro() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        if (args[0].equals("heap")) {
            printJvm(out);
            List<Integer> sizes =
                    args.length == 1
                            ? List.of(1000, 5000)
                            : Arrays.stream(args).skip(1).map(Integer::valueOf).toList();
            for (int nodes : sizes) {
                HeapBench.run(nodes, out);
            }
            return;
        }
        String only = args.length > 1 ? args[1] : null;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        PassMeter meter = new PassMeter(warmup, passes);
        printJvm(out);
        switch (args[0]) {
            case "scaleup" -> {
                for (Scenario s : select(Scenario.SCALE_UP, only)) {
                    ScaleUpBench.run(s, meter, out);
                }
            }
            case "scaledown" -> {
                for (Scenario s : select(Scenario.SCALE_DOWN, only)) {
                    ScaleDownBench.run(s, meter, out);
                }
            }
            case "loop" -> {
                for (LoopScenario s : selectLoop(only)) {
                    LoopBench.run(s, meter, out);
                }
            }
            case "economy" -> {
                try {
                    ApiEconomy.run(
                            only == null ? 20 : Integer.parseInt(only),
                            Duration.ofMinutes(30),
                            50,
                            out);
                } catch (Exception e) {
                    throw new IllegalStateException("the API economy run failed", e);
                }
            }
            case "latency" -> {
                try {
                    DecisionLatency.Result r =
                            DecisionLatency.run(
                                    only == null ? 1000 : Integer.parseInt(only),
                                    30,
                                    args.length > 2 ? warmup : 3,
                                    args.length > 3 ? passes : 30,
                                    Duration.ofSeconds(4),
                                    1,
                                    out);
                    out.println(LatencyReport.format(r));
                } catch (Exception e) {
                    throw new IllegalStateException("the latency run failed", e);
                }
            }
            case "packing" -> PackingQuality.run(only == null ? 5 : Integer.parseInt(only), out);
            default -> {
                System.err.println("unknown benchmark '" + args[0] + "'\n" + USAGE);
                System.exit(2);
            }
        }
    }

    private static void printJvm(PrintStream out) {
        out.println(
                "# "
                        + Runtime.version()
                        + ", "
                        + Runtime.getRuntime().availableProcessors()
                        + " cpus, max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                        + " MiB");
    }

    private static List<Scenario> select(List<Scenario> all, String name) {
        if (name == null || name.equals("all")) {
            return all;
        }
        List<Scenario> chosen = all.stream().filter(s -> s.name().equals(name)).toList();
        if (chosen.isEmpty()) {
            System.err.println("unknown scenario '" + name + "'\n" + USAGE);
            System.exit(2);
        }
        return chosen;
    }

    private static List<LoopScenario> selectLoop(String name) {
        if (name == null || name.equals("all")) {
            return LoopScenario.ALL;
        }
        List<LoopScenario> chosen =
                LoopScenario.ALL.stream().filter(s -> s.name().equals(name)).toList();
        if (chosen.isEmpty()) {
            System.err.println("unknown scenario '" + name + "'\n" + USAGE);
            System.exit(2);
        }
        return chosen;
    }

    private static String names(List<Scenario> scenarios) {
        return String.join(", ", scenarios.stream().map(Scenario::name).toList());
    }
}
