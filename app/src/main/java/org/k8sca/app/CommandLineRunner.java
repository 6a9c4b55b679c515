package org.k8sca.app;

import org.k8sca.app.simulate.SimulateCommand;
import org.k8sca.app.validate.ValidateConfigCommand;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the picocli command tree and turns every outcome into an exit status: usage errors are
 * {@link ExitCodes#USAGE}, unexpected exceptions {@link ExitCodes#INTERNAL_ERROR}, everything else
 * is what the subcommand returns.
 */
final class CommandLineRunner {
    static final String PROGRAM = "kamatera-autoscaler";

    /** Top-level options that must not be read as the start of an implicit {@code run}. */
    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    CommandLineRunner(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
    }

    int run(String[] args) {
        CommandLine commandLine = build();
        int status = commandLine.execute(normalizeRunFlagNames(withDefaultSubcommand(args)));
        out.flush();
        err.flush();
        return status;
    }

    private CommandLine build() {
        CommandLine commandLine = new CommandLine(new TopCommand());
        commandLine.addSubcommand(new RunCommand(err, env));
        commandLine.addSubcommand(new ValidateConfigCommand(out, err, env));
        commandLine.addSubcommand(new SimulateCommand(out, err, env, Clock.systemUTC()));
        commandLine.addSubcommand(new SandboxCommand(out, err, SandboxCommand::fromClasspath));
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        // Go's pflag, which the upstream autoscaler uses, lets a repeated flag override the earlier
        // one and knows nothing of "@file" argument files; behave the same.
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setExpandAtFiles(false);
        commandLine.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        // Set after the subcommands are added: picocli passes these settings down to them.
        commandLine.setOut(new PrintWriter(new PrintStreamWriter(out), true));
        commandLine.setErr(new PrintWriter(new PrintStreamWriter(err), true));
        commandLine.setParameterExceptionHandler(this::usageError);
        commandLine.setExecutionExceptionHandler(this::internalError);
        return commandLine;
    }

    /**
     * The upstream autoscaler is started with flags only ({@code --cloud-provider=kamatera ...}),
     * so flags without a subcommand, or no arguments at all, mean {@code run}.
     */
    static String[] withDefaultSubcommand(String[] args) {
        if (args.length == 0) {
            return new String[] {"run"};
        }
        String first = args[0];
        if (first.startsWith("-") && !TOP_LEVEL_OPTIONS.contains(first)) {
            String[] withRun = new String[args.length + 1];
            withRun[0] = "run";
            System.arraycopy(args, 0, withRun, 1, args.length);
            return withRun;
        }
        return Arrays.copyOf(args, args.length);
    }

    /**
     * Kubernetes components, the upstream autoscaler among them, treat {@code _} and {@code -} in
     * flag names alike ({@code --log_dir} is {@code --log-dir}); do the same for {@code run} and
     * {@code simulate}, whose flags are upstream's. Only names change: {@code --nodes=1:2:ng_1}
     * keeps its value.
     */
    static String[] normalizeRunFlagNames(String[] args) {
        String[] normalized = Arrays.copyOf(args, args.length);
        if (args.length == 0 || !(args[0].equals("run") || args[0].equals("simulate"))) {
            return normalized;
        }
        for (int i = 1; i < normalized.length; i++) {
            String arg = normalized[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                String value = equals < 0 ? "" : arg.substring(equals);
                normalized[i] = name.replace('_', '-') + value;
            }
        }
        return normalized;
    }

    private int usageError(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter errWriter = failed.getErr();
        String name = failed.getCommandSpec().qualifiedName();
        // picocli checks required options before unknown ones; a mistyped flag
        // ("-cloud-config=x") is the real problem, not the "missing" option it was meant to be.
        List<String> unknown =
                e instanceof CommandLine.UnmatchedArgumentException unmatched
                        ? unmatched.getUnmatched()
                        : failed.getUnmatchedArguments();
        String message =
                unknown.isEmpty() ? e.getMessage() : unknownArgument(failed, unknown.get(0));
        errWriter.println(name + ": " + message);
        CommandLine.UnmatchedArgumentException.printSuggestions(e, errWriter);
        errWriter.println("Run '" + name + " --help' for usage.");
        errWriter.flush();
        return ExitCodes.USAGE;
    }

    private static String unknownArgument(CommandLine failed, String argument) {
        if (argument.startsWith("--")) {
            return "unknown flag: '" + argument + "'";
        }
        if (argument.startsWith("-")) {
            String withTwoDashes = "-" + argument;
            if (failed.getCommandSpec().findOption(withTwoDashes.split("=", 2)[0]) != null) {
                return "unknown flag: '"
                        + argument
                        + "' (long flags take two dashes: '"
                        + withTwoDashes
                        + "')";
            }
            return "unknown flag: '" + argument + "'";
        }
        return failed.getSubcommands().isEmpty()
                ? "unexpected argument: '" + argument + "'"
                : "unknown subcommand: '" + argument + "'";
    }

    private int internalError(Exception e, CommandLine failed, ParseResult parseResult) {
        PrintWriter errWriter = failed.getErr();
        errWriter.println(
                failed.getCommandSpec().qualifiedName()
                        + ": internal error (this is a bug): "
                        + e.getClass().getName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        errWriter.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
