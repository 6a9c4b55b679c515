package org.k8sca.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.app.flags.FlagsDoc;
import org.k8sca.core.duration.GoDuration;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * docs/flags.md is generated from the {@code run} command's options: this test fails when the file
 * differs from the rendering, and rewrites it with {@code -Dflags.doc.write=true}.
 */
class FlagsDocTest {
    /** Surefire runs in the module directory, app/. */
    private static final Path DOC = Path.of("..", "docs", "flags.md");

    private static CommandSpec runSpec() {
        return new CommandLine(
                        new RunCommand(
                                new PrintStream(OutputStream.nullOutputStream()),
                                java.util.Map.of()))
                .getCommandSpec();
    }

    @Test
    void docsFlagsMdIsTheGeneratedText() throws IOException {
        String generated = FlagsDoc.render(runSpec());
        if (Boolean.getBoolean("flags.doc.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        String onDisk = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";

        assertThat(onDisk)
                .as(
                        "docs/flags.md is stale or missing; regenerate it with:%n  %s%n",
                        FlagsDoc.REGENERATE_COMMAND)
                .isEqualTo(generated);
    }

    @Test
    void everyFlagHasATypeADescriptionAndAParseableDefault() {
        for (OptionSpec option : runSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String name = option.longestName();
            assertThat(option.paramLabel())
                    .as(name)
                    .isIn(
                            "bool",
                            "int",
                            "uint",
                            "float",
                            "string",
                            "duration",
                            "stringArray",
                            "strings");
            assertThat(String.join(" ", option.description())).as(name).isNotBlank();
            if (option.paramLabel().equals("duration")) {
                assertThat(GoDuration.parse(option.defaultValue())).as(name).isNotNull();
            }
        }
    }

    @Test
    void renderedTableMarksImplementedAndIgnoredFlags() {
        String generated = FlagsDoc.render(runSpec());

        assertThat(generated)
                .contains("| `--scan-interval` | duration | `10s` | implemented |")
                .contains("| `--scale-down-unneeded-time` | duration | `10m0s` | implemented |")
                .contains("| `--cloud-provider` | string | `kamatera` | implemented |")
                .contains("| `--nodes` | stringArray | `[]` | accepted-ignored |")
                .contains("| `-v`, `--v` | int | `0` | implemented |")
                .contains("| `--cloud-config` | string | `\"\"` | implemented |");
    }

    @Test
    void everyIgnoredFlagSaysWhyAndNoFlagIsListedTwice() {
        CommandSpec spec = runSpec();
        List<OptionSpec> ignored = FlagsDoc.ignoredOptions(spec);

        assertThat(ignored).isNotEmpty();
        assertThat(ignored)
                .allSatisfy(
                        option ->
                                assertThat(String.join(" ", option.description()))
                                        .as(option.longestName())
                                        .startsWith("Ignored"));
        List<String> names =
                spec.options().stream().flatMap(o -> List.of(o.names()).stream()).toList();
        assertThat(names).doesNotHaveDuplicates();
    }
}
