package org.k8sca.app;

import org.k8sca.app.flags.FlagsDoc;
import org.k8sca.app.flags.IgnoredFlags;
import org.k8sca.app.flags.RunFlags;
import org.k8sca.app.flags.RunOptions;
import org.k8sca.app.logging.Klog;
import org.k8sca.app.logging.LogFormat;
import org.k8sca.app.logging.LogSetup;
import org.k8sca.app.run.RunService;
import org.k8sca.core.duration.GoDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The {@code run} subcommand: the autoscaler. Parses and checks the upstream-compatible flags, sets
 * up klog-style logging on stderr, logs the effective configuration at {@code -v2}, warns about
 * accepted-but-ignored flags, and then runs the autoscaler ({@link RunService}) until SIGTERM.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = true,
        description = {
            "The autoscaler itself (the default subcommand). Takes the upstream Cluster"
                    + " Autoscaler's flags; see docs/flags.md and docs/operations.md."
        })
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final PrintStream err;
    private final Map<String, String> env;

    @Spec CommandSpec spec;

    @Mixin RunFlags flags;

    @Mixin IgnoredFlags ignored;

    /**
     * @param err receives the log lines and start-up problems
     * @param env the process environment (Kamatera credentials may come from it)
     */
    RunCommand(PrintStream err, Map<String, String> env) {
        this.err = err;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        ParseResult parsed = spec.commandLine().getParseResult();
        RunOptions options;
        try {
            options = flags.toOptions(parsed::hasMatchedOption);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        LogSetup.install(options.logging().format(), options.logging().verbosity(), err);

        LOG.info(
                "kamatera-autoscaler {} (flags of the upstream Cluster Autoscaler)",
                VersionProvider.version());
        for (OptionSpec option : ignoredOptionsGiven(parsed)) {
            LOG.warn(
                    "flag {} is accepted for compatibility with the upstream autoscaler and"
                            + " ignored: {}",
                    option.longestName(),
                    FlagsDoc.reason(option));
        }
        if (Klog.v(2).enabled()) {
            for (OptionSpec option : flagOptions()) {
                Klog.v(2)
                        .info(
                                LOG,
                                "FLAG: {}=\"{}\"",
                                option.longestName(),
                                flagValue(option.getValue()));
            }
            Klog.v(2).info(LOG, "effective configuration: {}", options);
        }

        int status = new RunService(options, env, err).run();
        err.flush();
        return status;
    }

    private List<OptionSpec> ignoredOptionsGiven(ParseResult parsed) {
        List<OptionSpec> ignoredOptions = FlagsDoc.ignoredOptions(spec);
        return parsed.matchedOptions().stream()
                .filter(ignoredOptions::contains)
                .distinct()
                .sorted(Comparator.comparing(OptionSpec::longestName))
                .toList();
    }

    private List<OptionSpec> flagOptions() {
        return spec.options().stream()
                .filter(option -> !option.usageHelp() && !option.versionHelp())
                .sorted(Comparator.comparing(OptionSpec::longestName))
                .toList();
    }

    /** Values as the upstream autoscaler prints them: Go durations, lists in brackets. */
    private static String flagValue(Object value) {
        if (value instanceof Duration duration) {
            return GoDuration.format(duration);
        }
        if (value instanceof LogFormat format) {
            return format.flagValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(value);
    }
}
