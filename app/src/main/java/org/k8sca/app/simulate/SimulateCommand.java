package org.k8sca.app.simulate;

import org.k8sca.app.ExitCodes;
import org.k8sca.app.VersionProvider;
import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.flags.IgnoredFlags;
import org.k8sca.app.flags.RunFlags;
import org.k8sca.app.flags.RunOptions;
import org.k8sca.app.logging.LogSetup;
import org.k8sca.app.validate.OutputFormat;
import org.k8sca.app.validate.ProblemLines;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kamatera.config.ConfigProblem;
import org.k8sca.kamatera.config.InvalidCloudConfigException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code simulate --cloud-config FILE --snapshot FILE [--output json|text]}: what would the
 * autoscaler do now? One offline decision pass over a recorded snapshot (docs/cli.md). Also takes
 * every flag of {@code run}, so a production command line can be replayed as it is; the flags that
 * shape decisions (unneeded time, thresholds, expander, limits...) are used, the others ignored.
 *
 * <p>Exit 0 with the report on stdout; 1 when the snapshot or the cloud config is wrong (one
 * message per problem on stderr, naming the file and the place); 2 for bad arguments or an
 * unreadable file.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        customSynopsis =
                "kamatera-autoscaler simulate --cloud-config FILE --snapshot FILE [--output"
                        + " json|text] [RUN-FLAGS...]",
        description = {
            "One offline decision pass (scale-up and scale-down planning, nothing carried out) over"
                    + " a recorded snapshot: what would the autoscaler do now?",
            "The snapshot is JSON: {\"time\": ..., \"kubernetes\": <kubectl get"
                    + " nodes,pods,pdb,ds,rs,sts,jobs -A -o json>, \"kamatera\": {\"servers\":"
                    + " [{\"name\", \"power\", \"tags\"}]}} (see docs/cli.md).",
            "Also accepts every flag of 'run'; those that shape decisions are used.",
            "Exit status: 0 done, 1 bad snapshot or cloud config, 2 bad arguments or unreadable"
                    + " file."
        })
public final class SimulateCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;

    @Spec CommandSpec spec;

    @Option(
            names = "--snapshot",
            required = true,
            paramLabel = "FILE",
            order = -2,
            description = "The snapshot file (JSON) to decide on.")
    String snapshotFile;

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            defaultValue = "text",
            order = -1,
            converter = OutputFormatConverter.class,
            description = "json or text (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Mixin RunFlags flags;

    @Mixin IgnoredFlags ignored;

    /**
     * @param out receives the report
     * @param err receives problems and logs
     * @param env the process environment, for the credential overrides of the cloud config
     * @param clock "now" when the snapshot has no time
     */
    public SimulateCommand(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    @Override
    public Integer call() {
        RunOptions options;
        try {
            options = flags.toOptions(spec.commandLine().getParseResult()::hasMatchedOption);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (options.cloudConfig().isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "Missing required option: '--cloud-config=FILE'");
        }
        Path configPath = path("--cloud-config", options.cloudConfig());
        Path snapshotPath = path("--snapshot", snapshotFile);
        DecisionSettings settings;
        try {
            settings = DecisionSettings.from(options, 1L);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        LogSetup.install(options.logging().format(), options.logging().verbosity(), err);

        CloudConfig config;
        try {
            config = CloudConfigLoader.load(configPath, env);
        } catch (IOException e) {
            return unreadable("cloud config", options.cloudConfig(), e);
        } catch (InvalidCloudConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                err.println(ProblemLines.error(options.cloudConfig(), problem));
            }
            return ExitCodes.INVALID_INPUT;
        }
        for (ConfigProblem warning : config.warnings()) {
            err.println(ProblemLines.warning(options.cloudConfig(), warning));
        }

        Snapshot snapshot;
        try {
            snapshot = new SnapshotReader(options.kubernetes().namespace()).read(snapshotPath);
        } catch (IOException e) {
            return unreadable("snapshot", snapshotFile, e);
        } catch (InvalidSnapshotException e) {
            err.println(spec.qualifiedName() + ": invalid snapshot " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }

        Instant now = snapshot.time().orElseGet(clock::instant);
        SimulationReport report;
        try {
            report = Simulation.run(config, snapshot, settings, now);
        } catch (CloudProviderException e) {
            err.println(
                    spec.qualifiedName()
                            + ": the Kamatera provider cannot work with snapshot "
                            + snapshotFile
                            + " and cloud config "
                            + options.cloudConfig()
                            + ": "
                            + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        out.print(
                output == OutputFormat.JSON
                        ? ReportRenderer.json(report)
                        : ReportRenderer.text(report));
        out.flush();
        return ExitCodes.OK;
    }

    private Path path(String option, String value) {
        if (value.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), option + " must name a file, got an empty value");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ParameterException(
                    spec.commandLine(), option + " is not a valid file name: " + e.getMessage());
        }
    }

    private int unreadable(String what, String file, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else {
            why =
                    e.getMessage() == null || e.getMessage().isBlank()
                            ? e.getClass().getSimpleName()
                            : e.getMessage();
        }
        err.println(spec.qualifiedName() + ": cannot read " + what + " " + file + ": " + why);
        return ExitCodes.USAGE;
    }

    /** Lets picocli parse {@code --output} as validate-config does. */
    static final class OutputFormatConverter
            implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.parse(value);
        }
    }
}
