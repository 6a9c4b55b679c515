package org.k8sca.app.validate;

import org.k8sca.app.ExitCodes;
import org.k8sca.app.VersionProvider;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kamatera.config.ConfigProblem;
import org.k8sca.kamatera.config.InvalidCloudConfigException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code validate-config --cloud-config FILE [--output json|text]}: exit 0 and the resolved config
 * on stdout, exit 1 and one line per problem on stderr, exit 2 for an unreadable file or bad
 * arguments. Prints nothing else, so scripts can rely on stdout.
 */
@Command(
        name = "validate-config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Parses and fully validates a Kamatera cloud config without contacting any API.",
            "Valid: exit status 0, the resolved configuration on stdout (secrets redacted).",
            "Invalid: exit status 1, one line per problem on stderr.",
            "Unreadable file or bad arguments: exit status 2.",
            "KAMATERA_API_CLIENT_ID and KAMATERA_API_SECRET, when set and non-empty, override the"
                    + " file."
        })
public final class ValidateConfigCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    @Spec CommandSpec spec;

    @Option(
            names = "--cloud-config",
            required = true,
            paramLabel = "FILE",
            description = "The Kamatera cloud config file (INI), as given to the autoscaler.")
    String cloudConfig;

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            defaultValue = "text",
            converter = OutputFormat.Converter.class,
            description = "json or text (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    /**
     * @param out receives the resolved config
     * @param err receives problems, warnings and read errors
     * @param env the process environment, for the credential overrides
     */
    public ValidateConfigCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        Path file = fileArgument();
        CloudConfig config;
        try {
            config = CloudConfigLoader.load(file, env);
        } catch (IOException e) {
            err.println(
                    spec.qualifiedName()
                            + ": cannot read cloud config "
                            + cloudConfig
                            + ": "
                            + describe(e));
            return ExitCodes.USAGE;
        } catch (InvalidCloudConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                err.println(ProblemLines.error(cloudConfig, problem));
            }
            return ExitCodes.INVALID_INPUT;
        }
        for (ConfigProblem warning : config.warnings()) {
            err.println(ProblemLines.warning(cloudConfig, warning));
        }
        out.print(render(config));
        return ExitCodes.OK;
    }

    private Path fileArgument() {
        if (cloudConfig.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "--cloud-config must name a file, got an empty value");
        }
        try {
            return Path.of(cloudConfig);
        } catch (InvalidPathException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--cloud-config is not a valid file name: " + e.getMessage());
        }
    }

    private String render(CloudConfig config) {
        Map<String, Object> view = ResolvedConfigView.of(config);
        if (output == OutputFormat.JSON) {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(view) + "\n";
        }
        return TextRenderer.render(view);
    }

    /** The JDK's messages for common cases are just the path; say what is wrong instead. */
    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
