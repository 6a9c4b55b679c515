package org.k8sca.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;

/** {@code run} end to end in-process: flag errors, warnings, logging formats, verbosity. */
class RunCommandTest {
    private static final String NOT_IMPLEMENTED = "--cloud-config";

    @AfterEach
    void restoreLogging() {
        DefaultLogging.restore();
    }

    @Test
    void upstreamStyleArgumentsAreAcceptedAndAMissingCloudConfigIsReported() {
        CliRun run =
                CliRun.run(
                        "--cloud-provider=kamatera",
                        "--cloud-config=/config/cloud-config",
                        "--kubeconfig=/root/.kube/config",
                        "-v2",
                        "--scan-interval=10s",
                        "--scale-down-unneeded-time=10m",
                        "--expander=least-waste,priority",
                        "--max-nodes-total=0",
                        "--leader-elect=true",
                        "--address=:8085",
                        "--scale-down-enabled",
                        "--balance-similar-node-groups=false",
                        "--cores-total=0:64");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .as(run.describe())
                .contains(NOT_IMPLEMENTED)
                .doesNotContain("unknown flag");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownFlagIsAUsageErrorNamingIt() {
        CliRun run = CliRun.run("--cloud-provider=kamatera", "--scan-intervall=10s");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("unknown flag: '--scan-intervall=10s'")
                .doesNotContain("--cloud-config is required");
    }

    @Test
    void otherCloudProvidersAreRefused() {
        CliRun run = CliRun.run("--cloud-provider=gce");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("--cloud-provider: only 'kamatera' is supported")
                .contains("'gce'");
    }

    @Test
    void badDurationIsAUsageErrorWithGoMessage() {
        CliRun run = CliRun.run("run", "--scan-interval=10");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("--scan-interval")
                .contains("time: missing unit in duration \"10\"");
    }

    @Test
    void badBooleanIsAUsageError() {
        CliRun run = CliRun.run("run", "--leader-elect=yes");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--leader-elect").contains("invalid syntax");
    }

    @Test
    void conflictingFlagsAreAUsageErrorNamingBoth() {
        CliRun run =
                CliRun.run(
                        "run",
                        "--drain-priority-config=1000:20,0:60",
                        "--max-graceful-termination-sec=600");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("--drain-priority-config")
                .contains("--max-graceful-termination-sec");
    }

    @Test
    void ignoredFlagsAreAcceptedWithAWarningNamingEach() {
        CliRun run =
                CliRun.run(
                        "run",
                        "--nodes=1:10:ng1",
                        "--nodes=0:5:ng2",
                        "--logtostderr=true",
                        "--stderrthreshold=info",
                        "--profiling");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        List<String> warnings =
                lines(run.err()).stream().filter(line -> line.startsWith("W")).toList();
        assertThat(warnings).as(run.describe()).hasSize(4);
        assertThat(warnings.get(0)).contains("--logtostderr");
        assertThat(warnings.get(1)).contains("--nodes").contains("cloud config");
        assertThat(warnings.get(2)).contains("--profiling");
        assertThat(warnings.get(3)).contains("--stderrthreshold");
        assertThat(run.err()).contains(NOT_IMPLEMENTED);
    }

    @Test
    void implementedFlagsGiveNoWarning() {
        CliRun run = CliRun.run("run", "--scan-interval=1m", "--namespace=autoscaler");

        assertThat(lines(run.err())).as(run.describe()).noneMatch(line -> line.startsWith("W"));
    }

    @Test
    void badNodesValueIsAUsageErrorEvenThoughTheFlagIsIgnored() {
        CliRun run = CliRun.run("run", "--nodes=1:ten:ng1");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("--nodes")
                .contains("failed to set max size: ten, expected integer");
    }

    @Test
    void underscoresInFlagNamesAreDashesAsInKubernetesComponents() {
        CliRun run =
                CliRun.run("--scan_interval=20s", "--log_dir=/tmp/logs", "--nodes=1:2:ng_1", "-v2");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .as(run.describe())
                .contains("FLAG: --scan-interval=\"20s\"")
                .contains("FLAG: --nodes=\"[1:2:ng_1]\"")
                .contains("flag --log-dir is accepted")
                .contains(NOT_IMPLEMENTED);
    }

    @Test
    void effectiveConfigurationIsLoggedFromVerbosityTwo() {
        CliRun quiet = CliRun.run("run", "-v1", "--scale-down-unneeded-time=90s");
        DefaultLogging.restore();
        CliRun verbose = CliRun.run("run", "--v=2", "--scale-down-unneeded-time=90s");

        assertThat(quiet.err())
                .as(quiet.describe())
                .doesNotContain("FLAG:")
                .doesNotContain("effective configuration");
        assertThat(verbose.err())
                .as(verbose.describe())
                .contains("FLAG: --scale-down-unneeded-time=\"1m30s\"")
                .contains("FLAG: --max-node-provision-time=\"15m0s\"")
                .contains("FLAG: --expander=\"least-waste\"")
                .contains("effective configuration: RunOptions[");
        List<String> flagLines =
                lines(verbose.err()).stream().filter(line -> line.contains("] FLAG: ")).toList();
        assertThat(flagLines)
                .allMatch(
                        line ->
                                line.matches(
                                        "I\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+"
                                                + " RunCommand\\.java:\\d+] FLAG: .*"));
    }

    @Test
    void jsonLoggingWritesOneKlogJsonObjectPerLine() {
        CliRun run = CliRun.run("run", "--logging-format=json", "-v2", "--nodes=1:3:ng1");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        List<String> logLines =
                lines(run.err()).stream().filter(line -> line.startsWith("{")).toList();
        assertThat(logLines).as(run.describe()).hasSizeGreaterThan(10);
        JsonMapper mapper = JsonMapper.builder().build();
        for (String line : logLines) {
            JsonNode node = mapper.readTree(line);
            assertThat(node.get("ts").isNumber()).as(line).isTrue();
            assertThat(node.get("caller").asString()).as(line).matches("RunCommand\\.java:\\d+");
            assertThat(node.get("msg").isString()).as(line).isTrue();
            assertThat(node.get("v").isInt()).as(line).isTrue();
        }
        assertThat(logLines)
                .anySatisfy(line -> assertThat(line).contains("\"v\":2").contains("FLAG: --nodes"));
    }

    @Test
    void badLoggingFormatIsAUsageError() {
        CliRun run = CliRun.run("run", "--logging-format=xml");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("--logging-format")
                .contains("expected text or json, got 'xml'");
    }

    @Test
    void helpListsTheUpstreamFlags() {
        CliRun run = CliRun.run("run", "--help");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("--scan-interval=duration")
                .contains("--cloud-provider=string")
                .contains("--nodes=stringArray");
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).toList();
    }
}
