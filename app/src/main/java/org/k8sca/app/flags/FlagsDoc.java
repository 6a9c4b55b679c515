package org.k8sca.app.flags;

import org.k8sca.core.duration.GoDuration;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Comparator;
import java.util.List;

/**
 * Renders docs/flags.md from the {@code run} command's options, so the documentation is the code:
 * every flag with its type (pflag's name for it), default, status and description. A test compares
 * the file with this rendering.
 */
public final class FlagsDoc {
    /** Status of a flag this autoscaler reads. */
    public static final String IMPLEMENTED = "implemented";

    /** Status of an upstream flag that is accepted so upstream arguments work, and then ignored. */
    public static final String ACCEPTED_IGNORED = "accepted-ignored";

    /** The command that regenerates docs/flags.md; printed by the test when the file is stale. */
    public static final String REGENERATE_COMMAND =
            "./mvnw -B -o -pl app -am test -Dtest=FlagsDocTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Dflags.doc.write=true";

    private static final String IGNORED_PREFIX = "Ignored: ";

    private FlagsDoc() {}

    /** The options of the {@link IgnoredFlags} mixin of {@code run}. */
    public static List<OptionSpec> ignoredOptions(CommandSpec run) {
        return run.mixins().values().stream()
                .filter(mixin -> mixin.userObject() instanceof IgnoredFlags)
                .flatMap(mixin -> mixin.options().stream())
                .toList();
    }

    /** Why an ignored flag is ignored: its description without the leading "Ignored: ". */
    public static String reason(OptionSpec option) {
        String description = String.join(" ", option.description());
        return description.startsWith(IGNORED_PREFIX)
                ? description.substring(IGNORED_PREFIX.length())
                : description;
    }

    /** The status of one option of {@code run}. */
    public static String status(CommandSpec run, OptionSpec option) {
        List<String> ignoredNames =
                ignoredOptions(run).stream().map(OptionSpec::longestName).toList();
        return ignoredNames.contains(option.longestName()) ? ACCEPTED_IGNORED : IMPLEMENTED;
    }

    /** The whole of docs/flags.md. */
    public static String render(CommandSpec run) {
        List<OptionSpec> options =
                run.options().stream()
                        .filter(option -> !option.usageHelp() && !option.versionHelp())
                        .sorted(Comparator.comparing(FlagsDoc::sortKey))
                        .toList();
        long implemented = options.stream().filter(o -> status(run, o).equals(IMPLEMENTED)).count();
        StringBuilder md = new StringBuilder();
        md.append("# `run` flags\n\n")
                .append(
                        "<!-- Generated from app/src/main/java/org/k8sca/app/flags by FlagsDoc; do"
                                + " not edit.\n")
                .append("     Regenerate with: ")
                .append(REGENERATE_COMMAND)
                .append(" -->\n\n")
                .append(
                        "`kamatera-autoscaler run` (the default subcommand) takes the flags of the"
                                + " upstream Cluster\n")
                .append(
                        "Autoscaler, with the same names, value syntax and defaults, so an upstream"
                                + " Deployment's arguments\n")
                .append(
                        "work unchanged. This page is generated from the code and lists every flag"
                                + " `run` accepts: ")
                .append(implemented)
                .append(" implemented\nand ")
                .append(options.size() - implemented)
                .append(" accepted and ignored. Any other flag is an error (exit status 2).\n\n")
                .append(
                        "`run` parses and checks all of these flags, sets up logging, logs the"
                                + " effective configuration at\n")
                .append(
                        "`-v2` and runs the autoscaler (see operations.md). In the table,"
                                + " **implemented** marks the flags\n")
                .append(
                        "this autoscaler honours: they are parsed, checked and carried in its"
                                + " configuration (`RunOptions`)\n")
                .append(
                        "to the part of the autoscaler that uses them. **accepted-ignored** marks"
                                + " upstream flags that are\n")
                .append(
                        "accepted so upstream arguments keep working: the value is checked against"
                                + " its type, then a\n")
                .append(
                        "warning naming the flag is logged at start-up and the value is not"
                                + " used.\n\n")
                .append("## Syntax\n\n")
                .append("As Go's pflag, which the upstream autoscaler uses:\n\n")
                .append(
                        "- `--flag=value` or `--flag value`; a repeated flag overrides the earlier"
                                + " one, except the\n")
                .append(
                        "  `stringArray` and `strings` flags, which collect every value (`strings`"
                                + " also splits at commas).\n")
                .append(
                        "- `_` and `-` are the same in flag names (`--log_dir` is `--log-dir`), as"
                                + " Kubernetes components do.\n")
                .append(
                        "- `bool`: `--flag` alone means true; `--flag=false` (also `1 0 t f T F"
                                + " TRUE FALSE True False`).\n")
                .append(
                        "- `duration`: Go durations: a sequence of numbers with units `ns us µs ms"
                                + " s m h`, e.g. `10s`,\n")
                .append(
                        "  `1h30m`, `1.5m`, `-2s`; `0` needs no unit. A number without unit (`10`)"
                                + " is an error. The\n")
                .append("  defaults below are written as Go prints durations (`10m0s`).\n")
                .append("- `-v2`, `-v=2`, `-v 2`, `--v=2` all set the log verbosity.\n")
                .append("- `--cloud-provider` must be `kamatera`.\n\n")
                .append("## Logging\n\n")
                .append(
                        "Logs go to stderr in klog's text format (`I1124 10:00:00.123456    4242"
                                + " File.java:42] message`),\n")
                .append("or with `--logging-format=json` one JSON object per line\n")
                .append(
                        "(`{\"ts\":1732442400123.456,\"caller\":\"File.java:42\",\"msg\":\"message\",\"v\":0}`)."
                                + " `-v` works as in klog:\n")
                .append(
                        "messages of verbosity n print only at `-vn` and above. As in the upstream"
                                + " Kamatera provider,\n")
                .append(
                        "`-v2` adds the Kamatera API calls that change servers and `-v4` the"
                                + " polling calls and response\n")
                .append("bodies (with passwords and init scripts redacted).\n\n")
                .append("## Differences from upstream\n\n")
                .append(
                        "- `--cloud-provider` defaults to `kamatera` (upstream: `gce`) and accepts"
                                + " nothing else.\n")
                .append(
                        "- `--expander=grpc`, `--estimator` other than `binpacking` and"
                                + " `--leader-elect-resource-lock`\n")
                .append("  other than `leases` are errors, not silently different behaviour.\n")
                .append(
                        "- `--cordon-node-before-terminating` defaults to `true`, as in current"
                                + " upstream releases (older\n")
                .append("  releases defaulted to `false`).\n")
                .append(
                        "- A bool flag followed by a separate `true`/`false` argument"
                                + " (`--leader-elect false`) takes it as\n")
                .append(
                        "  its value; pflag would read it as a stray positional argument. Use"
                                + " `--flag=false` for both.\n")
                .append(
                        "- `int` values are decimal only (pflag also reads `0x`, `0o` and `0b`"
                                + " prefixes).\n")
                .append(
                        "- In JSON logs, an error with an exception carries a `stacktrace` key in"
                                + " addition to klog's `err`.\n")
                .append("  The text format's thread id is the process id, as klog prints it.\n\n")
                .append("## Flags\n\n")
                .append("| flag | type | default | status | description |\n")
                .append("|---|---|---|---|---|\n");
        for (OptionSpec option : options) {
            md.append("| ")
                    .append(
                            String.join(
                                    ", ",
                                    java.util.Arrays.stream(option.names())
                                            .map(n -> "`" + n + "`")
                                            .toList()))
                    .append(" | ")
                    .append(option.paramLabel())
                    .append(" | ")
                    .append(defaultValue(option))
                    .append(" | ")
                    .append(status(run, option))
                    .append(" | ")
                    .append(cell(String.join(" ", option.description())))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String sortKey(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    private static String defaultValue(OptionSpec option) {
        String value = option.defaultValue();
        if (value == null) {
            return option.isMultiValue() ? "`[]`" : "`\"\"`";
        }
        if (value.isEmpty()) {
            return "`\"\"`";
        }
        if (option.paramLabel().equals("duration")) {
            value = GoDuration.format(GoDuration.parse(value));
        }
        return "`" + value + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
