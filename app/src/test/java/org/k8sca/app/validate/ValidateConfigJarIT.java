package org.k8sca.app.validate;

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
 * End to end: the real shaded jar, started as {@code java -jar} in a child process, validates the
 * project's example file, the upstream worked example and an invalid file. Proves the jar's
 * manifest, merged dependencies and logging setup (nothing but the result on stdout, nothing at all
 * on stderr).
 */
class ValidateConfigJarIT {
    /** Only a guard against a hung child; the test asserts nothing about time. */
    private static final long HANG_GUARD_MINUTES = 5;

    @TempDir Path dir;

    @Test
    void shadedJarValidatesConfigs() throws Exception {
        Path jar =
                Path.of(
                        System.getProperty(
                                "kamatera-autoscaler.jar", "target/kamatera-autoscaler.jar"));
        assertThat(jar).as("the shaded jar (built in the package phase)").isRegularFile();
        Path example = ConfigFiles.write(dir, "worked-example.ini", ConfigFiles.WORKED_EXAMPLE);

        Result valid =
                javaJar(jar, "validate-config", "--cloud-config=" + example, "--output=json");

        assertThat(valid.status()).as(valid.toString()).isZero();
        assertThat(valid.err()).as(valid.toString()).isEmpty();
        JsonNode config = JsonMapper.builder().build().readTree(valid.out());
        assertThat(config.get("cluster-name").asString()).isEqualTo("aaabbb");
        assertThat(config.get("nodegroups").get("highcpu").get("password").asString())
                .isEqualTo("<redacted>");
        assertThat(valid.out())
                .doesNotContain(ConfigFiles.SECRET)
                .doesNotContain(ConfigFiles.PASSWORD);

        Path projectExample =
                Path.of(System.getProperty("kamatera-autoscaler.examples", "../deploy/examples"))
                        .resolve("cloud-config.ini");
        Result exampleText =
                javaJar(jar, "validate-config", "--cloud-config", projectExample.toString());

        assertThat(exampleText.status()).as(exampleText.toString()).isZero();
        assertThat(exampleText.err()).as(exampleText.toString()).isEmpty();
        assertThat(exampleText.out()).containsPattern("(?m)^cluster-name: +mycluster$");

        Path invalid =
                Files.writeString(dir.resolve("bad.ini"), "[gglobal]\n", StandardCharsets.UTF_8);
        Result rejected = javaJar(jar, "validate-config", "--cloud-config", invalid.toString());

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(1);
        assertThat(rejected.out()).isEmpty();
        assertThat(rejected.err()).startsWith(invalid + ":").contains("gglobal");
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
        // The developer's own credentials must not change the outcome.
        builder.environment().remove("KAMATERA_API_CLIENT_ID");
        builder.environment().remove("KAMATERA_API_SECRET");
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // the JVM would announce it on stderr
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
