package org.k8sca.app;

import org.k8sca.app.http.ListenAddress;
import org.k8sca.core.duration.GoDuration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The {@code sandbox} subcommand. Its options are defined and checked here, so that {@code sandbox
 * --help} works in every build; the demo itself is a {@link SandboxLauncher} found on the classpath
 * (the testkit's, in the jar of the {@code dist} module).
 */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "A demo cluster on your machine: an in-process Kubernetes API, the Kamatera simulator,"
                    + " a virtual kubelet and scheduler, and the real autoscaler, with a workload"
                    + " that rises and falls under a virtual clock. Prints each decision as it"
                    + " happens and serves the status page. Needs no credentials and no network."
                    + " Stop it early with Ctrl-C. See docs/sandbox.md."
        })
final class SandboxCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            defaultValue = "30m",
            description =
                    "How much virtual time to run, as a Go duration (e.g. 30m, 1h30m); the"
                            + " sandbox then ends by itself. Default: ${DEFAULT-VALUE}.")
    String duration;

    @Option(
            names = "--speed",
            paramLabel = "FACTOR",
            defaultValue = "20",
            description =
                    "How many times faster than real time the virtual clock runs, or 'max' (also"
                            + " 0) to run without waiting. Default: ${DEFAULT-VALUE} (30 virtual"
                            + " minutes in about a minute and a half).")
    String speed;

    @Option(
            names = "--address",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:8085",
            description =
                    "Where the status page is served; port 0 picks a free port. Loopback only"
                            + " unless you name another interface. Default: ${DEFAULT-VALUE}.")
    String address;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description =
                    "Seed of the demo's randomness (server names, the workload's curve); the same"
                            + " seed gives the same decisions. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = {"-v", "--v"},
            paramLabel = "N",
            arity = "0..1",
            fallbackValue = "1",
            defaultValue = "0",
            description =
                    "Also show the autoscaler's own log lines (klog format, on stderr) at this"
                            + " verbosity; -v alone means 1. Default: only their warnings and errors.")
    int verbosity;

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<Optional<SandboxLauncher>> launcher;

    /**
     * @param out where the sandbox prints its decisions
     * @param err where problems go
     * @param launcher finds the sandbox; {@link #fromClasspath()} in the command line
     */
    SandboxCommand(PrintStream out, PrintStream err, Supplier<Optional<SandboxLauncher>> launcher) {
        this.out = out;
        this.err = err;
        this.launcher = launcher;
    }

    /** The first {@link SandboxLauncher} registered on the classpath, if any. */
    static Optional<SandboxLauncher> fromClasspath() {
        return ServiceLoader.load(SandboxLauncher.class).findFirst();
    }

    @Override
    public Integer call() {
        SandboxOptions options = options();
        Optional<SandboxLauncher> found = launcher.get();
        if (found.isEmpty()) {
            err.println(
                    spec.qualifiedName()
                            + ": this build has no sandbox (the testkit module is not on the"
                            + " classpath); use the jar the dist module builds, e.g."
                            + " 'bin/kamatera-autoscaler sandbox'");
            err.flush();
            return ExitCodes.USAGE;
        }
        return found.get().run(options, out, err);
    }

    /** The options, checked; a bad one is a usage error naming the option. */
    private SandboxOptions options() {
        try {
            return new SandboxOptions(
                    parseDuration(duration),
                    parseSpeed(speed),
                    ListenAddress.parse(address),
                    seed,
                    verbosity);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static Duration parseDuration(String text) {
        try {
            return GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--duration '" + text + "' is not a duration (e.g. 30m, 1h): " + e.getMessage(),
                    e);
        }
    }

    static double parseSpeed(String text) {
        if (text.equalsIgnoreCase("max")) {
            return SandboxOptions.AS_FAST_AS_POSSIBLE;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--speed '" + text + "' is neither a number nor 'max'", e);
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "--speed must be a positive number or 'max', got '" + text + "'");
        }
        return value;
    }
}
