package org.k8sca.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.k8sca.app.ExitCodes;
import org.k8sca.app.Main;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code simulate} end to end, in process, over the hand-written snapshots of the test resources:
 *
 * <ul>
 *   <li>{@code pending-pods.json}: one busy ng1 node; {@code shop/web-2} (1 CPU) fits a new ng1
 *       node, {@code shop/huge-1} (16 CPUs) fits none;
 *   <li>{@code underused-nodes.json}: four ng1 nodes (busy, idle, one running a kube-system pod
 *       without PDB, one running a {@code safe-to-evict: "false"} pod) and {@code manual-1}, a node
 *       of no group.
 * </ul>
 */
class SimulateCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir Path tmp;

    record Run(int status, String out, String err) {
        String describe() {
            return "exit " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }

        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e, Map.of());
        }
        return new Run(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String resource(String name) {
        try {
            return Path.of(SimulateCommandTest.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Run simulateWith(String cloudConfig, String snapshot, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "simulate",
                                "--cloud-config",
                                cloudConfig,
                                "--snapshot",
                                snapshot,
                                "--output",
                                "json"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static Run simulate(String snapshot, String... more) {
        return simulateWith(resource("cloud-config.ini"), snapshot, more);
    }

    private static JsonNode ok(Run run) {
        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.OK);
        return run.json();
    }

    private static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.get(key).asString())) {
                return n;
            }
        }
        return null;
    }

    private static List<String> values(JsonNode array, String key) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(key).asString()));
        return out;
    }

    @Test
    void aPendingPodThatFitsANewNodeScalesItsGroupUpAndIsListedUnderThatGroupOnly() {
        JsonNode report = ok(simulate(resource("pending-pods.json")));

        JsonNode groups = report.get("scaleUp").get("nodeGroups");
        assertThat(groups).hasSize(1);
        JsonNode ng1 = groups.get(0);
        assertThat(ng1.get("nodeGroup").asString()).isEqualTo("ng1");
        assertThat(ng1.get("currentSize").asInt()).isEqualTo(1);
        assertThat(ng1.get("newSize").asInt()).isEqualTo(2);
        assertThat(ng1.get("maxSize").asInt()).isEqualTo(5);
        assertThat(ng1.get("pods").toString()).isEqualTo("[\"shop/web-2\"]");
        assertThat(values(report.get("scaleUp").get("podsRemainUnschedulable"), "pod"))
                .doesNotContain("shop/web-2");
        assertThat(report.get("scaleUp").get("status").asString()).isEqualTo("SCALE_UP");
    }

    @Test
    void aServerThatHasNotRegisteredYetCountsInTheTargetSizeAndTakesThePendingPod()
            throws IOException {
        // As in production: ng1's target is 2 (two servers), the second is an upcoming node, and
        // the
        // pending pod fits it, so no new server is needed.
        String text =
                Files.readString(Path.of(resource("pending-pods.json")))
                        .replace(
                                "\"servers\": [",
                                "\"servers\": [{\"name\": \"ng1-booting\", \"power\": \"on\","
                                        + " \"tags\": [\"k8sca-c1\", \"k8scang-ng1\"]},");
        Path snapshot = Files.writeString(tmp.resolve("booting.json"), text);

        JsonNode report = ok(simulate(snapshot.toString()));

        assertThat(report.get("scaleUp").get("nodeGroups")).as(report.toString()).isEmpty();
        assertThat(values(report.get("scaleUp").get("podsRemainUnschedulable"), "pod"))
                .containsExactly("shop/huge-1");
    }

    @Test
    void aPodThatFitsNoGroupRemainsUnschedulableWithTheReasonPerGroup() {
        JsonNode report = ok(simulate(resource("pending-pods.json")));

        JsonNode huge =
                find(report.get("scaleUp").get("podsRemainUnschedulable"), "pod", "shop/huge-1");
        assertThat(huge).as(report.toString()).isNotNull();
        assertThat(huge.get("reasons").get("ng1").asString()).contains("Insufficient cpu");
        for (JsonNode group : report.get("scaleUp").get("nodeGroups")) {
            assertThat(group.get("pods").toString()).doesNotContain("shop/huge-1");
        }
    }

    @Test
    void anUnderusedNodeWhosePodsCanMoveIsUnneeded() {
        JsonNode report = ok(simulate(resource("underused-nodes.json")));

        JsonNode unneeded = report.get("scaleDown").get("unneeded");
        assertThat(values(unneeded, "node")).containsExactly("ng1-idle");
        JsonNode idle = unneeded.get(0);
        assertThat(idle.get("nodeGroup").asString()).isEqualTo("ng1");
        // 200m of 2 CPUs; memory 256Mi of 4Gi is lower, so CPU decides.
        assertThat(idle.get("utilization").asDouble()).isEqualTo(0.1);
    }

    @Test
    void nodesWithBlockingPodsAreUnremovableNamingThePodAndWhy() {
        JsonNode unremovable =
                ok(simulate(resource("underused-nodes.json"))).get("scaleDown").get("unremovable");

        JsonNode system = find(unremovable, "node", "ng1-system");
        assertThat(system.get("reason").asString()).isEqualTo("BlockedByPod");
        assertThat(system.get("detail").asString())
                .contains("kube-system/dns-1")
                .contains("UnmovableKubeSystemPod");
        JsonNode pinned = find(unremovable, "node", "ng1-pinned");
        assertThat(pinned.get("reason").asString()).isEqualTo("BlockedByPod");
        assertThat(pinned.get("detail").asString())
                .contains("shop/cache-1")
                .contains("NotSafeToEvictAnnotation");
        assertThat(find(unremovable, "node", "ng1-busy").get("reason").asString())
                .isEqualTo("NotUnderutilized");
    }

    @Test
    void aNodeOfNoGroupIsNotAutoscaledAndNeverUnneeded() {
        JsonNode report = ok(simulate(resource("underused-nodes.json")));

        assertThat(
                        find(report.get("scaleDown").get("unremovable"), "node", "manual-1")
                                .get("reason")
                                .asString())
                .isEqualTo("NotAutoscaled");
        assertThat(values(report.get("scaleDown").get("unneeded"), "node"))
                .doesNotContain("manual-1");
    }

    @Test
    void nodesAreListedByName() {
        JsonNode report = ok(simulate(resource("underused-nodes.json")));

        List<String> names = values(report.get("scaleDown").get("unremovable"), "node");
        assertThat(names)
                .isSorted()
                .containsExactly("manual-1", "ng1-busy", "ng1-pinned", "ng1-system");
    }

    @Test
    void unneededMeansRemovableOnceTheTimeHasPassedSoTheMinimumSizeIsAlreadyChecked()
            throws IOException {
        // ng1 has 4 servers; with min-size 4 not even the idle node may go.
        Path config =
                Files.writeString(
                        tmp.resolve("min4.ini"),
                        Files.readString(Path.of(resource("cloud-config.ini")))
                                .replace(
                                        "[nodegroup \"ng1\"]",
                                        "[nodegroup \"ng1\"]\nmin-size = 4"));

        JsonNode report = ok(simulateWith(config.toString(), resource("underused-nodes.json")));

        assertThat(report.get("scaleDown").get("unneeded")).isEmpty();
        JsonNode idle = find(report.get("scaleDown").get("unremovable"), "node", "ng1-idle");
        assertThat(idle.get("reason").asString()).isEqualTo("NodeGroupMinSizeReached");
    }

    @Test
    void runFlagsThatShapeDecisionsAreHonoured() {
        JsonNode report =
                ok(
                        simulate(
                                resource("underused-nodes.json"),
                                "--scale-down-utilization-threshold=0.05"));

        assertThat(report.get("scaleDown").get("unneeded")).isEmpty();
        assertThat(
                        find(report.get("scaleDown").get("unremovable"), "node", "ng1-idle")
                                .get("reason")
                                .asString())
                .isEqualTo("NotUnderutilized");
    }

    @Test
    void runFlagsMaySpellDashesAsUnderscoresAsUpstream() {
        JsonNode report =
                ok(
                        simulate(
                                resource("underused-nodes.json"),
                                "--scale_down_utilization_threshold=0.05"));

        assertThat(report.get("scaleDown").get("unneeded")).isEmpty();
    }

    @Test
    void theSameSnapshotGivesTheSameOutputEveryTime() {
        Run first = simulate(resource("pending-pods.json"));
        Run second = simulate(resource("pending-pods.json"));

        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void theSnapshotTimeIsNowAndKindsTheAutoscalerDoesNotReadAreNoted() {
        JsonNode report = ok(simulate(resource("pending-pods.json")));

        assertThat(report.get("time").asString()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(report.get("notes").toString()).contains("Service");
    }

    @Test
    void textOutputSummarisesBothDirections() {
        Run run =
                run(
                        "simulate",
                        "--cloud-config",
                        resource("cloud-config.ini"),
                        "--snapshot",
                        resource("underused-nodes.json"));

        assertThat(run.status()).as(run.describe()).isZero();
        assertThat(run.out())
                .contains("Scale-up: NOT_NEEDED")
                .containsPattern("(?m)^    ng1-idle \\(ng1\\) utilization 0\\.1$")
                .containsPattern(
                        "(?m)^    ng1-pinned \\(ng1\\): BlockedByPod - pod shop/cache-1:"
                                + " NotSafeToEvictAnnotation$");
    }

    @Test
    void unparseableJsonIsInvalidInputNamingTheFileAndLine() throws IOException {
        Path bad =
                Files.writeString(
                        tmp.resolve("bad.json"),
                        "{\n  \"kubernetes\": {\"kind\": \"List\",\n  oops\n}");

        Run run = simulate(bad.toString());

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err())
                .contains(bad.toString())
                .contains("not valid JSON")
                .contains("line 3")
                .doesNotContain("Source");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aTruncatedFileIsInvalidInputWithoutJacksonsSourceNote() throws IOException {
        Path cut =
                Files.writeString(
                        tmp.resolve("cut.json"),
                        "{\"kubernetes\": {\"kind\": \"List\", \"items\": [\n");

        Run run = simulate(cut.toString());

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err())
                .contains("not valid JSON at line 2")
                .contains("Unexpected end-of-input")
                .doesNotContain("Source")
                .doesNotContain("start marker");
    }

    @Test
    void aSnapshotWhoseKubernetesPartIsNotAListIsInvalidInput() throws IOException {
        Path pod =
                Files.writeString(
                        tmp.resolve("pod.json"),
                        "{\"kubernetes\": {\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\":"
                                + " {\"name\": \"x\"}}}");

        Run run = simulate(pod.toString());

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("kubernetes: expected kind List").contains("got kind Pod");
    }

    @Test
    void anObjectThatCannotBeTranslatedIsInvalidInputNamingTheItemAndField() throws IOException {
        String text =
                Files.readString(Path.of(resource("pending-pods.json")))
                        .replace("\"1500m\"", "\"lots\"");
        Path bad = Files.writeString(tmp.resolve("bad-quantity.json"), text);

        Run run = simulate(bad.toString());

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err())
                .contains("kubernetes.items[")
                .contains("Pod shop/web-1")
                .contains("spec.containers[0].resources.requests")
                .contains("lots");
    }

    @Test
    void anInvalidCloudConfigIsInvalidInput() throws IOException {
        Path config = Files.writeString(tmp.resolve("bad.ini"), "[global]\ncluster-name=\n");

        Run run = simulateWith(config.toString(), resource("pending-pods.json"));

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(config.toString()).contains("cluster name is not set");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badArgumentsAndUnreadableFilesAreUsageErrors() {
        Run noSnapshot = run("simulate", "--cloud-config", resource("cloud-config.ini"));
        assertThat(noSnapshot.status()).as(noSnapshot.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(noSnapshot.err()).contains("--snapshot");

        Run noConfig = run("simulate", "--snapshot", resource("pending-pods.json"));
        assertThat(noConfig.status()).as(noConfig.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(noConfig.err()).contains("--cloud-config");

        Run badOutput = simulate(resource("pending-pods.json"), "--output", "yaml");
        assertThat(badOutput.status()).as(badOutput.describe()).isEqualTo(ExitCodes.USAGE);

        Run unknownFlag = simulate(resource("pending-pods.json"), "--no-such-flag");
        assertThat(unknownFlag.status()).as(unknownFlag.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownFlag.err()).contains("--no-such-flag");

        Run missingFile = simulate(tmp.resolve("absent.json").toString());
        assertThat(missingFile.status()).as(missingFile.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingFile.err()).contains("absent.json").contains("no such file");
        assertThat(missingFile.out()).isEmpty();
    }

    @Test
    void credentialsOfTheCloudConfigNeverAppearInTheOutput() throws IOException {
        Path config =
                Files.writeString(
                        tmp.resolve("secret.ini"),
                        Files.readString(Path.of(resource("cloud-config.ini")))
                                .replace(
                                        "kamatera-api-secret = placeholder",
                                        "kamatera-api-secret = s3cr3t-value-42"));

        Run run = simulateWith(config.toString(), resource("pending-pods.json"));

        assertThat(run.status()).as(run.describe()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("s3cr3t-value-42");
    }

    @Test
    void helpShowsTheShortSynopsisOnStdout() {
        Run help = run("simulate", "--help");

        assertThat(help.status()).as(help.describe()).isZero();
        assertThat(help.out().replaceAll("\\s+", " "))
                .startsWith(
                        "Usage: kamatera-autoscaler simulate --cloud-config FILE --snapshot FILE"
                                + " [--output json|text] [RUN-FLAGS...]")
                .contains("--snapshot=FILE");
    }
}
