package org.k8sca.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * End to end: the real shaded jar simulates a snapshot in a child process. Proves that fabric8's
 * deserialization and the provider work from the merged jar, and that stdout holds only the report.
 */
class SimulateJarIT {
    /** Only a guard against a hung child; the test asserts nothing about time. */
    private static final long HANG_GUARD_MINUTES = 5;

    @TempDir Path dir;

    @Test
    void shadedJarSimulatesASnapshot() throws Exception {
        Path jar =
                Path.of(
                        System.getProperty(
                                "kamatera-autoscaler.jar", "target/kamatera-autoscaler.jar"));
        assertThat(jar).as("the shaded jar (built in the package phase)").isRegularFile();

        Result result =
                javaJar(
                        jar,
                        "simulate",
                        "--cloud-config",
                        SimulateCommandTest.resource("cloud-config.ini"),
                        "--snapshot",
                        SimulateCommandTest.resource("pending-pods.json"),
                        "--output=json");

        assertThat(result.status()).as(result.toString()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(result.out());
        assertThat(report.get("scaleUp").get("nodeGroups").get(0).get("newSize").asInt())
                .as(result.toString())
                .isEqualTo(2);
        assertThat(
                        report.get("scaleUp")
                                .get("podsRemainUnschedulable")
                                .get(0)
                                .get("pod")
                                .asString())
                .isEqualTo("shop/huge-1");
    }

    private Result javaJar(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        File out = Files.createTempFile(dir, "stdout", ".txt").toFile();
        File err = Files.createTempFile(dir, "stderr", ".txt").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
        builder.environment().remove("KAMATERA_API_CLIENT_ID");
        builder.environment().remove("KAMATERA_API_SECRET");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar did not finish: " + command);
        }
        return new Result(
                process.exitValue(),
                Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }
}
