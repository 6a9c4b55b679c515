package org.k8sca.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the shaded jar as {@code java -jar} in a child process, as a user would. */
final class JavaJar {
    /** Only a guard against a hung child; no test asserts anything about time. */
    private static final long HANG_GUARD_MINUTES = 5;

    private JavaJar() {}

    /** The shaded jar the package phase built (failsafe passes its path). */
    static Path jar() {
        Path jar =
                Path.of(
                        System.getProperty(
                                "kamatera-autoscaler.jar", "target/kamatera-autoscaler.jar"));
        assertThat(jar).as("the shaded jar (built in the package phase)").isRegularFile();
        return jar;
    }

    /** A file of the simulate command's test inputs (app/src/test/resources). */
    static String simulateInput(String name) {
        Path dir =
                Path.of(
                        System.getProperty(
                                "kamatera-autoscaler.simulate-inputs",
                                "../app/src/test/resources/org/k8sca/app/simulate"));
        Path file = dir.resolve(name);
        assertThat(file).as("a simulate test input").isRegularFile();
        return file.toString();
    }

    /**
     * Runs the jar with {@code args}; stdout and stderr go to files in {@code dir}. The developer's
     * own Kamatera credentials and JVM options must not change the outcome.
     */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        File out = Files.createTempFile(dir, "stdout", ".txt").toFile();
        File err = Files.createTempFile(dir, "stderr", ".txt").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
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

    /** What the child process did. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }
}
