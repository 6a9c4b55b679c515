package org.k8sca.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exit status and messages for arguments, help, version, and a sandbox missing from the build. */
class CommandLineArgumentsTest {

    @AfterEach
    void restoreLogging() {
        DefaultLogging.restore();
    }

    @Test
    void missingCloudConfigIsAUsageError() {
        CliRun run = CliRun.run("validate-config");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required option").contains("--cloud-config");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void cloudConfigWithoutItsValueIsAUsageError() {
        CliRun run = CliRun.run("validate-config", "--cloud-config");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--cloud-config");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void emptyCloudConfigIsAUsageError() {
        CliRun run = CliRun.run("validate-config", "--cloud-config=");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--cloud-config must name a file");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOutputFormatIsAUsageErrorNamingTheValue() {
        for (String[] args :
                new String[][] {
                    {"validate-config", "--cloud-config=x.ini", "--output=xml"},
                    {"validate-config", "--cloud-config", "x.ini", "--output", "JSON"},
                }) {
            CliRun run = CliRun.run(args);

            assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("--output").contains("expected json or text");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void unknownFlagIsAUsageErrorNamingIt() {
        CliRun run = CliRun.run("validate-config", "--cloud-config=x.ini", "--no-such-flag=1");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown flag: '--no-such-flag=1'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void singleDashLongFlagIsRejectedLikePflagWithAHint() {
        CliRun run = CliRun.run("validate-config", "-cloud-config=x.ini");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        // The mistyped flag is the problem, not the "missing" --cloud-config picocli would report
        // first.
        assertThat(run.err())
                .contains("unknown flag: '-cloud-config=x.ini'")
                .contains("'--cloud-config=x.ini'")
                .doesNotContain("Missing required option");
    }

    @Test
    void usageErrorsKeepNonAsciiArgumentsIntact() {
        CliRun run = CliRun.run("validate-config", "--cloud-config=x.ini", "--größe=ü");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown flag: '--größe=ü'");
    }

    @Test
    void unexpectedPositionalArgumentIsAUsageError() {
        CliRun run = CliRun.run("validate-config", "--cloud-config=x.ini", "extra");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unexpected argument: 'extra'");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        CliRun run = CliRun.run("no-such-command");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown subcommand: 'no-such-command'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutSubcommandRunIsMeantAndNeedsACloudConfig() {
        for (String[] args :
                new String[][] {
                    {},
                    {"--cloud-provider=kamatera", "--cloud-config=/config/cloud-config", "-v2"},
                    {"run", "--scan-interval=10s"},
                }) {
            CliRun run = CliRun.run(args);

            assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err())
                    .as(run.describe())
                    .contains("--cloud-config")
                    .doesNotContain("unknown flag");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void sandboxWithoutTheTestkitOnTheClasspathSaysSo() {
        // app's own classpath has no SandboxLauncher: only the dist jar (with testkit) has one.
        CliRun run = CliRun.run("sandbox", "--duration=1m");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("this build has no sandbox");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpListsTheSubcommandsOnStdout() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            CliRun run = CliRun.run(args);

            assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.OK);
            assertThat(run.out())
                    .contains("Usage: kamatera-autoscaler")
                    .contains("validate-config")
                    .contains("run")
                    .contains("simulate")
                    .contains("sandbox");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void validateConfigHelpDescribesItsFlags() {
        for (String[] args :
                new String[][] {{"validate-config", "--help"}, {"help", "validate-config"}}) {
            CliRun run = CliRun.run(args);

            assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.OK);
            assertThat(run.out())
                    .contains("--cloud-config=FILE")
                    .contains("--output=FORMAT")
                    .contains("KAMATERA_API_CLIENT_ID");
        }
    }

    @Test
    void versionIsTheProjectVersion() {
        CliRun run = CliRun.run("--version");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.OK);
        // Filtered from the pom at build time; an unfiltered placeholder would still read "${...}".
        assertThat(run.out().trim()).matches("kamatera-autoscaler \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(VersionProvider.version()).isNotBlank().doesNotContain("$");
    }
}
